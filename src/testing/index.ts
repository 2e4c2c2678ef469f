// gptimage2-react/testing: test your own components on the mock API and one virtual clock. For tests
// only: it changes where TanStack Query's timers run while a wrapper is in force.
export { createTestWrapper } from './create-test-wrapper.js';
export type { TestWrapper, TestWrapperOptions } from './create-test-wrapper.js';
export { createTestQueryClient } from './create-test-query-client.js';
export { installDomStubs } from './install-dom-stubs.js';

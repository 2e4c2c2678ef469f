// gptimage2-react/mock: an in-memory GPT Image 2 API for tests, Storybook and demos. Runs in Node and
// in the browser (no `node:` imports here; the HTTP server is in `gptimage2-react/mock/node`).
export { createMockApi } from './create-mock-api.js';
export type { MockApi, MockApiOptions, MockRequestRecord } from './create-mock-api.js';
export { createMockHandlers } from './msw-handlers.js';
export type { MockHandlersOptions } from './msw-handlers.js';
export { mockFailures } from './failures.js';
export type { MockFailure } from './failures.js';
export { mockScenarios, networkFaults } from './scenarios.js';
export type { MockScenario, MockScenarioName, MockTiming } from './scenarios.js';
export type { FaultPhase, MockFault, MockFaultTarget, MockFaultType } from './faults.js';
export type { MockTaskSnapshot } from './mock-task.js';
export { mockPrice } from './mock-price.js';
export { createVirtualClock } from './virtual-clock.js';
export type { VirtualClock, VirtualClockOptions } from './virtual-clock.js';

// gptimage2-react/mock/node: the mock API as a standalone HTTP server. Node only.
export { startMockServer } from './start-mock-server.js';
export type { MockServer, MockServerOptions } from './start-mock-server.js';

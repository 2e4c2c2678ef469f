import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createMockApi, createMockHandlers, type MockApiOptions } from '../../src/mock/index.js';

/**
 * The mock API behind the page's real `fetch`, through MSW's service worker (`public/mockServiceWorker.js`),
 * on the real clock: `timing` scales each model's typical time so a task ends in a second or two.
 */
export function setupBrowserMockApi(options: MockApiOptions = {}) {
  const api = createMockApi({ seed: 7, timing: 0.02, ...options });
  const worker = setupWorker(...createMockHandlers(api));
  beforeAll(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  afterEach(() => {
    worker.resetHandlers();
    api.reset();
  });
  afterAll(() => worker.stop());
  return {
    api,
    worker,
    posts: () => api.requests.filter((request) => request.method === 'POST').length,
  };
}

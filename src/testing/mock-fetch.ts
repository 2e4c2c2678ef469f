import type { MockApi } from '../mock/create-mock-api.js';

/**
 * A `fetch` answered by the mock API in memory: no network, no MSW, no real time. Relative URLs (a
 * browser client's default) resolve against the page (jsdom's `location`). A dropped connection rejects
 * as the platform's `fetch` does (`TypeError`), and an aborted request rejects with the signal's reason.
 */
export function mockFetch(api: MockApi): typeof fetch {
  return async (input, init) => {
    const base = globalThis.location?.href ?? 'http://localhost/';
    const request =
      input instanceof Request
        ? new Request(input, init)
        : new Request(new URL(String(input), base), init);
    const signal = init?.signal ?? null;
    signal?.throwIfAborted();
    const answer = api.handle(request);
    const response = signal
      ? await Promise.race([
          answer,
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(signal.reason), { once: true }),
          ),
        ])
      : await answer;
    if (response.type === 'error')
      throw new TypeError('fetch failed: the mock API dropped the connection');
    return response;
  };
}

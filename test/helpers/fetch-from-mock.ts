import type { MockApi } from '../../src/mock/index.js';

/** Answers a request before the mock does (a 404 from a lagging replica, say), or `undefined` to let it through. */
export type Override = (request: Request) => Response | undefined;

/**
 * A `fetch` that hands requests straight to the mock (no interceptor, so hundreds of tasks stay fast)
 * with the platform's semantics the client relies on: a dropped connection rejects with a `TypeError`,
 * and aborting rejects at once with the signal's reason, however late the answer would be.
 */
export function fetchFrom(api: MockApi, override?: Override): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const signal = init?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const answer = Promise.resolve(override?.(request) ?? api.handle(request)).then((response) => {
      if (response.type === 'error') throw new TypeError('fetch failed');
      return response;
    });
    if (!signal) return answer;
    return new Promise<Response>((resolve, reject) => {
      const abort = () => reject(signal.reason);
      signal.addEventListener('abort', abort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
    });
  };
}

/** An override answering 404 to the `nth` GET of each task (1-based), as a replica that lost it for a moment would. */
export function notFoundOnce(nth: number): Override {
  const seen = new Map<string, number>();
  return (request) => {
    const id = /\/api\/ai\/tasks\/([^/]+)$/.exec(new URL(request.url).pathname)?.[1];
    if (request.method !== 'GET' || !id) return undefined;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === nth ? Response.json({ error: 'Task not found' }, { status: 404 }) : undefined;
  };
}

/** An override answering 404 to every GET of a task from its `nth` on: the task is gone for good. */
export function notFoundFrom(nth: number): Override {
  const seen = new Map<string, number>();
  return (request) => {
    const id = /\/api\/ai\/tasks\/([^/]+)$/.exec(new URL(request.url).pathname)?.[1];
    if (request.method !== 'GET' || !id) return undefined;
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count >= nth ? Response.json({ error: 'Task not found' }, { status: 404 }) : undefined;
  };
}

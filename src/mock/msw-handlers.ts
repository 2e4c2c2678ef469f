import { http, HttpResponse, type HttpHandler } from 'msw';
import { API_ROOT } from '../core/http/routes.js';
import type { MockApi } from './create-mock-api.js';
import { OUTPUTS_PATH } from './mock-task.js';

/** Options of {@link createMockHandlers}. */
export interface MockHandlersOptions {
  /**
   * Only answer the API at this origin (and path prefix), e.g. `https://gptimage2api.org`. Defaults to
   * any origin, so a same-origin browser client (no base URL) and a server-side one are both served.
   * Outputs (`/__mock__/outputs/…`) are answered at any origin.
   */
  baseUrl?: string;
}

/**
 * MSW 2 request handlers that hand every API request (and the mock's outputs) to `api.handle`. Works
 * with `setupServer` in Node and `setupWorker` in the browser (Storybook). A dropped connection
 * becomes `HttpResponse.error()`, which `fetch` sees as a network error.
 */
export function createMockHandlers(api: MockApi, options: MockHandlersOptions = {}): HttpHandler[] {
  const base = options.baseUrl?.replace(/\/+$/, '');
  const resolve = async ({ request }: { request: Request }) => {
    const response = await api.handle(request);
    return response.type === 'error' ? HttpResponse.error() : response;
  };
  const isApi = (url: URL) =>
    base === undefined
      ? url.pathname.startsWith(API_ROOT)
      : `${url.origin}${url.pathname}`.startsWith(base + API_ROOT);
  return [
    http.all(({ request }) => isApi(new URL(request.url)), resolve),
    http.all(({ request }) => new URL(request.url).pathname.includes(OUTPUTS_PATH), resolve),
    // The upload endpoint of the app (createUploadHandler's), answered at any origin like the outputs.
    http.all(({ request }) => /\/api\/uploads(\/|$)/.test(new URL(request.url).pathname), resolve),
  ];
}

import { errorResponse, jsonResponse } from './error-response.js';

/** How to reach the API. */
export interface Upstream {
  baseUrl: string;
  apiKey: string;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
}

/** The upstream's answer: its status, its body when it is JSON, and the response to send on. */
export interface UpstreamResult {
  /** The response for the browser, already filtered. */
  response: Response;
  /** The parsed body of a 2xx, for the caller to read the task id from. */
  json?: unknown;
  /** Why the upstream could not be used, for `onError` (the response then is a 502 or 504). */
  failure?: Error;
}

/**
 * Calls the API with the key and nothing from the browser's request but the path and the body the
 * proxy checked. The answer keeps the upstream's status; its body is passed on when it is JSON (an
 * error body without an `error` field gets one); anything else becomes the API's error shape. An
 * upstream that cannot be reached or drops the connection is a 502; one that does not answer within
 * `timeoutMs` (headers and body) is a 504. A 401 means the key itself was refused: a 502 for the browser.
 */
export async function callUpstream(upstream: Upstream, method: 'GET' | 'POST', path: string, body?: unknown): Promise<UpstreamResult> {
  const headers = new Headers({ Accept: 'application/json', Authorization: `Bearer ${upstream.apiKey}` });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, upstream.timeoutMs);

  let status: number;
  let text: string;
  let retryAfter: string | null;
  try {
    const res = await (upstream.fetch ?? globalThis.fetch)(upstream.baseUrl + path, {
      method,
      headers,
      // Re-serialized, so exactly what was validated is what is sent.
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: controller.signal,
    });
    status = res.status;
    retryAfter = res.headers.get('Retry-After');
    text = await res.text();
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    return timedOut
      ? { response: errorResponse(504, `The GPT Image 2 API did not answer within ${upstream.timeoutMs / 1000} s`), failure }
      : { response: errorResponse(502, 'The GPT Image 2 API could not be reached'), failure };
  } finally {
    clearTimeout(timer);
  }

  // The key never leaves the server, even if an upstream error were to quote it.
  text = text.split(upstream.apiKey).join('[redacted]');
  // The one upstream header worth passing on; the rest are the upstream's business (and its cookies
  // must never land on the app's origin).
  const passed: Record<string, string> = retryAfter === null ? {} : { 'Retry-After': retryAfter };

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const isObject = typeof json === 'object' && json !== null && !Array.isArray(json);
  if (status >= 200 && status < 300) {
    if (!isObject) {
      const failure = new Error(`The upstream answered HTTP ${status} with a body that is not a JSON object`);
      return { response: errorResponse(502, 'The GPT Image 2 API answered with a body that is not JSON'), failure };
    }
    return { response: jsonResponse(status, text, passed), json };
  }
  if (status === 401) {
    // The server's own key was refused: a configuration fault, not the user's session (a 401 would
    // send the browser to log in again, to no avail).
    return { response: errorResponse(502, "The server's GPT Image 2 API key was refused"), failure: new Error('The upstream refused the API key (HTTP 401): check the proxy\'s apiKey') };
  }
  if (status < 400) {
    // A redirect or an informational status: not something the API does; not followed.
    return { response: errorResponse(502, `The GPT Image 2 API answered HTTP ${status}`), failure: new Error(`The upstream answered HTTP ${status}`) };
  }
  if (isObject && typeof (json as { error?: unknown }).error === 'string') return { response: jsonResponse(status, text, passed) };
  // A gateway's HTML page or an odd body: the status stays, in the API's error shape.
  return { response: errorResponse(status, `The GPT Image 2 API answered HTTP ${status}`, {}, passed) };
}

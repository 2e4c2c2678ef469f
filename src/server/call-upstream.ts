import { errorResponse, jsonResponse } from './error-response.js';
import { readCapped } from './read-capped.js';

/** How to reach the API. */
export interface Upstream {
  baseUrl: string;
  /** The key, known to be set (the proxy checks it before calling). */
  apiKey: string;
  fetch: typeof fetch | undefined;
  timeoutMs: number;
  /** The largest answer read, in bytes; a larger one is a 502, and is never read past this. */
  maxAnswerBytes: number;
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

/** A `Retry-After` worth passing on: delay-seconds or an HTTP date, and nothing else. */
function safeRetryAfter(value: string | null, apiKey: string): string | null {
  if (value === null || value.includes(apiKey)) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return trimmed;
  return trimmed.length <= 40 && /^[\w ,:-]+$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))
    ? trimmed
    : null;
}

/**
 * The body as JSON text with the key taken out, and its parsed value; `undefined` when it is not
 * JSON. Re-serialized from the parsed value, so a key hidden by `\u` escapes is in plain sight
 * (and redacted) before anything is sent on.
 */
function redactedJson(
  bytes: Uint8Array,
  apiKey: string,
): { text: string; json: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const text = JSON.stringify(parsed); // throws for nesting too deep to serialize: not JSON to us
    if (!text.includes(apiKey)) return { text, json: parsed };
    const redacted = text.split(apiKey).join('[redacted]');
    return { text: redacted, json: JSON.parse(redacted) };
  } catch {
    return undefined;
  }
}

/**
 * Calls the API with the key and nothing from the browser's request but the path and the body the
 * proxy checked (already serialized). The answer keeps the upstream's status; its body is passed on
 * when it is JSON (an error body without an `error` field gets one); anything else becomes the API's
 * error shape. An answer over `maxAnswerBytes`, an upstream that cannot be reached or drops the
 * connection is a 502 (a GET is tried twice first); one that does not answer within `timeoutMs` (headers and body) is a 504. A 401
 * means the key itself was refused: a 502 for the browser. `signal` (the browser went away) aborts
 * the call.
 */
export async function callUpstream(
  upstream: Upstream,
  method: 'GET' | 'POST',
  path: string,
  body?: string,
  signal?: AbortSignal,
): Promise<UpstreamResult> {
  const { apiKey, maxAnswerBytes } = upstream;
  const headers = new Headers({ Accept: 'application/json', Authorization: `Bearer ${apiKey}` });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, upstream.timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener('abort', cancel);

  let status: number;
  let bytes: Uint8Array | null;
  let retryAfter: string | null;
  try {
    if (signal?.aborted) throw new Error('The browser went away');
    const call = () =>
      (upstream.fetch ?? globalThis.fetch)(upstream.baseUrl + path, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: controller.signal,
      });
    // A GET whose connection failed before any answer (a kept-alive socket the upstream had just
    // closed, say) is tried once more: it is safe to repeat. A POST never is.
    const res = await call().catch((error: unknown) => {
      if (method !== 'GET' || controller.signal.aborted) throw error;
      return call();
    });
    status = res.status;
    retryAfter = safeRetryAfter(res.headers.get('Retry-After'), apiKey);
    // A declared length over the cap is refused unread; an undeclared one is read up to the cap only.
    bytes =
      Number(res.headers.get('Content-Length') ?? NaN) > maxAnswerBytes
        ? (void res.body?.cancel().catch(() => {}), null)
        : await readCapped(res.body, maxAnswerBytes);
  } catch (error) {
    // Nobody is waiting for this answer: nothing to report.
    if (signal?.aborted) return { response: errorResponse(499, 'The request was cancelled') };
    const failure = error instanceof Error ? error : new Error(String(error));
    return timedOut
      ? {
          response: errorResponse(
            504,
            `The GPT Image 2 API did not answer within ${upstream.timeoutMs / 1000} s`,
          ),
          failure,
        }
      : { response: errorResponse(502, 'The GPT Image 2 API could not be reached'), failure };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
  if (!bytes) {
    const failure = new Error(
      `The upstream answered HTTP ${status} with a body over maxAnswerBytes (${maxAnswerBytes} bytes); it was not read`,
    );
    return {
      response: errorResponse(
        502,
        `The GPT Image 2 API answered with more than ${maxAnswerBytes} bytes`,
      ),
      failure,
    };
  }

  // The one upstream header worth passing on; the rest are the upstream's business (and its cookies
  // must never land on the app's origin).
  const passed: Record<string, string> = retryAfter === null ? {} : { 'Retry-After': retryAfter };
  const read = redactedJson(bytes, apiKey);
  const isObject =
    typeof read?.json === 'object' && read.json !== null && !Array.isArray(read.json);
  if (status >= 200 && status < 300) {
    if (!read || !isObject) {
      const failure = new Error(
        `The upstream answered HTTP ${status} with a body that is not a JSON object`,
      );
      return {
        response: errorResponse(502, 'The GPT Image 2 API answered with a body that is not JSON'),
        failure,
      };
    }
    return { response: jsonResponse(status, read.text, passed), json: read.json };
  }
  if (status === 401) {
    // The server's own key was refused: a configuration fault, not the user's session (a 401 would
    // send the browser to log in again, to no avail).
    return {
      response: errorResponse(502, "The server's GPT Image 2 API key was refused"),
      failure: new Error("The upstream refused the API key (HTTP 401): check the proxy's apiKey"),
    };
  }
  if (status < 400) {
    // A redirect or an informational status: not something the API does; not followed.
    return {
      response: errorResponse(502, `The GPT Image 2 API answered HTTP ${status}`),
      failure: new Error(`The upstream answered HTTP ${status}`),
    };
  }
  if (read && isObject && typeof (read.json as { error?: unknown }).error === 'string')
    return { response: jsonResponse(status, read.text, passed) };
  // A gateway's HTML page or an odd body: the status stays, in the API's error shape.
  return {
    response: errorResponse(status, `The GPT Image 2 API answered HTTP ${status}`, {}, passed),
  };
}

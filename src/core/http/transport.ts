import type { Clock } from '../clock.js';
import {
  GptImageError,
  HttpError,
  InsufficientCreditsError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  ServerError,
  SubmitOutcomeUnknownError,
  TaskNotFoundError,
  UnauthorizedError,
  ValidationError,
} from '../errors.js';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, type RetryOptions } from './retry.js';
import { TASKS_PATH } from './routes.js';

/** Headers, or a function that makes them for each request (for tokens that change). */
export type HeadersOption = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

/** What every request needs; built once by `createClient`. */
export interface Transport {
  baseUrl: string;
  apiKey?: string;
  headers?: HeadersOption;
  credentials?: RequestCredentials;
  fetch?: typeof fetch;
  clock: Clock;
  timeoutMs: number;
  retry: RetryOptions | false;
}

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call; it rejects with the signal's reason (an `AbortError` by default). */
  signal?: AbortSignal;
}

/** One HTTP exchange; returns the parsed JSON body of a 2xx or throws the typed error. */
async function exchange(
  transport: Transport,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  signal?: AbortSignal,
): Promise<unknown> {
  signal?.throwIfAborted();
  const headers = new Headers(
    typeof transport.headers === 'function' ? await transport.headers() : transport.headers,
  );
  headers.set('Accept', 'application/json');
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (transport.apiKey) headers.set('Authorization', `Bearer ${transport.apiKey}`);

  // Our own controller: it follows the caller's signal, and the request timeout (on the injected clock) aborts it.
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  const timer = new AbortController();
  transport.clock.sleep(transport.timeoutMs, timer.signal).then(
    () => {
      timedOut = true;
      controller.abort();
    },
    () => {},
  );
  try {
    const res = await (transport.fetch ?? globalThis.fetch)(transport.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: transport.credentials,
      signal: controller.signal,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.ok) {
      if (json === undefined)
        throw new InvalidResponseError(
          `HTTP ${res.status} with a body that is not JSON`,
          res.status,
        );
      return json;
    }
    throw errorFor(res, json, path, transport.clock.now());
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (timedOut) throw new NetworkError(`no response within ${transport.timeoutMs / 1000} s`);
    if (error instanceof GptImageError) throw error;
    throw new NetworkError(error instanceof Error ? error.message : String(error), error);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    timer.abort();
  }
}

/** The typed error for a non-2xx response. */
function errorFor(res: Response, json: unknown, path: string, now: number): GptImageError {
  const body = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const message = typeof body.error === 'string' ? body.error : res.statusText || 'no message';
  switch (res.status) {
    case 400: {
      const details = (body.details ?? {}) as { formErrors?: unknown; fieldErrors?: unknown };
      const formErrors = Array.isArray(details.formErrors) ? details.formErrors.map(String) : [];
      const fieldErrors =
        typeof details.fieldErrors === 'object' && details.fieldErrors
          ? (details.fieldErrors as Record<string, string[]>)
          : {};
      if (!formErrors.length && !Object.keys(fieldErrors).length) formErrors.push(message);
      return new ValidationError({ formErrors, fieldErrors }, 'server', 400);
    }
    case 401:
      return new UnauthorizedError();
    case 402:
      return new InsufficientCreditsError(typeof body.required === 'number' ? body.required : null);
    case 404:
      return path.startsWith(TASKS_PATH)
        ? new TaskNotFoundError(decodeURIComponent(path.slice(TASKS_PATH.length)))
        : new HttpError(404, message);
    case 429:
      return new RateLimitedError(parseRetryAfter(res.headers.get('Retry-After'), now));
    default:
      // 501 is no passing fault (a proxy without history answers it): not retried.
      return res.status >= 500 && res.status !== 501
        ? new ServerError(res.status, message, body.charged === false)
        : new HttpError(res.status, message);
  }
}

/**
 * A GET whose body `parse` turns into a value, retried with backoff (honouring `Retry-After`) on network
 * errors, 429, 5xx and bodies `parse` cannot make sense of: a GET is safe to repeat.
 */
export async function get<T>(
  transport: Transport,
  path: string,
  parse: (body: unknown) => T,
  options: CallOptions & { retry?: RetryOptions | false } = {},
): Promise<T> {
  const retry = options.retry ?? transport.retry;
  const retries = retry ? (retry.retries ?? 3) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return parse(await exchange(transport, 'GET', path, undefined, options.signal));
    } catch (error) {
      if (!(error instanceof GptImageError) || !error.retryable || attempt >= retries || !retry)
        throw error;
      const wait =
        error instanceof RateLimitedError && error.retryAfterMs !== null
          ? error.retryAfterMs
          : backoffDelay(attempt, retry);
      if (wait > MAX_RETRY_AFTER_MS) throw error;
      await transport.clock.sleep(wait, options.signal);
    }
  }
}

/**
 * A POST, never retried. A failure after the request may have reached the server (no answer, a 5xx,
 * an unreadable 2xx) becomes `SubmitOutcomeUnknownError`: a task may exist and be charged. A 5xx that
 * says `"charged": false` (our proxy refusing before sending) stays a plain `ServerError`.
 */
export async function post(
  transport: Transport,
  path: string,
  body: unknown,
  options: CallOptions = {},
): Promise<unknown> {
  try {
    return await exchange(transport, 'POST', path, body, options.signal);
  } catch (error) {
    if (
      error instanceof NetworkError ||
      (error instanceof ServerError && !error.notCharged) ||
      error instanceof InvalidResponseError
    ) {
      throw new SubmitOutcomeUnknownError(error);
    }
    throw error;
  }
}

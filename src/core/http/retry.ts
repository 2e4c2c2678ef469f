/** How failed GETs are retried. POSTs are never retried: the API is not idempotent. */
export interface RetryOptions {
  /** Extra attempts after the first. Defaults to `3`. */
  retries?: number;
  /** The first backoff delay; each further one doubles. Defaults to `1000` ms. */
  baseDelayMs?: number;
  /** The longest backoff delay. Defaults to `15000` ms. */
  maxDelayMs?: number;
  /** Randomize each delay between half and all of it, so many clients do not retry in step. Defaults to `true`. */
  jitter?: boolean;
}

// A Retry-After longer than this is not waited out inside one call: the error goes to the caller.
export const MAX_RETRY_AFTER_MS = 60_000;

/** The delay before retry number `attempt` (0-based). */
export function backoffDelay(attempt: number, options: RetryOptions): number {
  const { baseDelayMs = 1000, maxDelayMs = 15_000, jitter = true } = options;
  const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
  return jitter ? delay * (0.5 + Math.random() / 2) : delay;
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or `null` when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header?.trim()) return null;
  const seconds = Number(header);
  if (seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

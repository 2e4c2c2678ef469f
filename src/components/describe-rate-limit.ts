/**
 * A rate limit in words for a person, with the time to wait when the server said it (`Retry-After`,
 * as `RateLimitedError.retryAfterMs`): "Too many generations: try again in 42 s", "… in 3 min",
 * or "… try again shortly".
 */
export function describeRateLimit(retryAfterMs: number | null): string {
  if (retryAfterMs === null) return 'Too many generations: try again shortly';
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  if (seconds < 120) return `Too many generations: try again in ${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120
    ? `Too many generations: try again in ${minutes} min`
    : `Too many generations: try again in ${Math.ceil(minutes / 60)} h`;
}

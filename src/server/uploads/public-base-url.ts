const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a host name is this machine (`localhost`, `*.localhost`, `127.0.0.1`, `[::1]`). */
export const isLoopbackHost = (hostname: string) =>
  LOOPBACK.has(hostname) || hostname.endsWith('.localhost');

/**
 * The base of the URLs handed to the API, without a trailing slash. It must be `https`: the API fetches
 * the files from the internet. `http` is accepted for a loopback host only, for development against
 * the mock or a local tunnel (the real API cannot fetch your machine).
 */
export function checkPublicBaseUrl(value: unknown, option = 'publicBaseUrl'): string {
  if (typeof value !== 'string' || !URL.canParse(value)) {
    throw new TypeError(
      `${option} must be an absolute URL the API can fetch, e.g. https://cdn.example.com/uploads`,
    );
  }
  const url = new URL(value);
  if (url.search || url.hash || url.username || url.password)
    throw new TypeError(`${option} must have no query, fragment or credentials (got ${value})`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new TypeError(
      `${option} must be https (http is allowed only on localhost, for development); got ${value}`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

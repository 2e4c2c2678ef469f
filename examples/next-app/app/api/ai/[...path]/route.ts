// The proxy route: the browser's client calls /api/ai/… here; the key stays on the server.
import { createProxyHandler, type ProxyHandler } from 'gptimage2-react/server';

let handler: ProxyHandler | undefined;

// Made at the first request, so the key is read from the server's environment when it runs:
// `next build` loads this module to collect its config, with no secret in its environment.
function proxy(request: Request) {
  handler ??= createProxyHandler({
    apiKey: process.env.GPTIMAGE2_API_KEY ?? '', // server-only: no NEXT_PUBLIC_ prefix
    baseUrl: process.env.GPTIMAGE2_BASE_URL, // unset: the real API
    authorize: () => 'demo', // one user; a real app returns its session's user id, or null for a 401
  });
  return handler(request);
}

export { proxy as GET, proxy as POST };

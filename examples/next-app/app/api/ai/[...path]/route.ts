// The proxy route: the browser's client calls /api/ai/… here; the key stays on the server.
import { createProxyHandler } from 'gptimage2-react/server';

// The key is read when the server loads this route (`next start`). `next build` loads it too, with no
// secret in its environment: that is fine, the handler only needs the key at its first request.
const handler = createProxyHandler({
  apiKey: process.env.GPTIMAGE2_API_KEY, // server-only: no NEXT_PUBLIC_ prefix
  baseUrl: process.env.GPTIMAGE2_BASE_URL, // unset: the real API
  authorize: () => 'demo', // one user; a real app returns its session's user id, or null for a 401
});

export { handler as GET, handler as POST };

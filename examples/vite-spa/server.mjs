// The app's server: the built SPA from dist/, and the proxy route at /api/ai/… (the API key stays here).
//   GPTIMAGE2_API_KEY=sk_… node server.mjs      (PORT defaults to 8787; GPTIMAGE2_BASE_URL to the real API)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProxyHandler, toNodeHandler } from 'gptimage2-react/server';

const apiKey = process.env.GPTIMAGE2_API_KEY;
if (!apiKey) {
  console.error('Set GPTIMAGE2_API_KEY (server side only; it never reaches the browser).');
  process.exit(1);
}

const proxy = toNodeHandler(
  createProxyHandler({
    apiKey,
    baseUrl: process.env.GPTIMAGE2_BASE_URL, // unset: the real API
    authorize: () => 'demo', // one user; a real app returns the session's user id
  }),
);

const root = fileURLToPath(new URL('./dist/', import.meta.url));
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** A file of the build, or index.html for any other path (the SPA routes on the client). */
async function serveStatic(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(root, path.endsWith('/') ? 'index.html' : path);
  const body = await readFile(file.startsWith(root) ? file : join(root, 'index.html')).catch(() =>
    readFile(join(root, 'index.html')),
  );
  res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'text/html' });
  res.end(body);
}

const server = createServer((req, res) => {
  if (req.url?.startsWith('/api/ai/')) return void proxy(req, res);
  serveStatic(req, res).catch(() => {
    res.statusCode = 500;
    res.end();
  });
});
server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () =>
  console.log(`http://127.0.0.1:${server.address().port}`),
);

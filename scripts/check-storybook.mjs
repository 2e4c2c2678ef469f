// Opens every story and docs page of the built Storybook (storybook-static/, from `npm run
// build-storybook`) in headless Chromium, and fails on a render error or any console error.
//
//   node scripts/check-storybook.mjs [--dir storybook-static] [--only <id substring>] [--screenshots <dir>]
//
/* global document */
// The site is served by a tiny static server on 127.0.0.1 (a free port), as it would be deployed: the
// MSW service worker needs a real origin. Chromium is Debian's (CHROMIUM_PATH overrides).
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    only: { type: 'string' },
    screenshots: { type: 'string' },
    concurrency: { type: 'string', default: '3' },
  },
});
const root = resolve(args.dir);
if (!existsSync(join(root, 'index.json'))) {
  console.error(`No built Storybook in ${root}: run \`npm run build-storybook\` first.`);
  process.exit(1);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.mp4': 'video/mp4',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` read-only: GET and HEAD, no listing, nothing outside it. */
function serveStatic(request, response) {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  // Browsers ask for /favicon.ico on their own; the site has none, and that is no error of a story.
  if (pathname === '/favicon.ico') return void response.writeHead(204).end();
  let file = normalize(join(root, decodeURIComponent(pathname)));
  if (file !== root && !file.startsWith(root + sep)) return void response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file))
    return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  // Hashed bundles are cached across the pages (as a CDN would); the pages and the index are not.
  const hashed = /[-.][\w-]{8}\.(js|css)$/.test(file);
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-store',
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

const server = createServer(serveStatic);
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = await (await fetch(`${origin}/index.json`)).json();
const entries = Object.values(index.entries).filter(
  (entry) => !args.only || entry.id.includes(args.only),
);

const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
});
if (args.screenshots) mkdirSync(args.screenshots, { recursive: true });

// Storybook marks <body> with the phase of the preview: main (rendered), errordisplay, nopreview.
const RENDERED = 'body.sb-show-main, body.sb-show-errordisplay, body.sb-show-nopreview';
const RENDER_TIMEOUT_MS = 30_000;
// After the first render: long enough for effects, the first requests and any late console error.
const SETTLE_MS = 500;

/** Opens one entry, returns its problems (empty when it rendered cleanly). */
async function check(context, entry) {
  const began = Date.now();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // Chromium logs every 4xx/5xx answer. The mock API's (402, 401, 429, 5xx …) are the states those
    // stories show on purpose, and their plays assert the UI handles them; any other failed load counts.
    if (
      message.text().startsWith('Failed to load resource') &&
      url &&
      new URL(url).pathname.startsWith('/api/ai/')
    )
      return;
    problems.push(`console error: ${message.text()}${url ? ` [${url}]` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  const viewMode = entry.type === 'docs' ? 'docs' : 'story';
  try {
    // axe is left to the Vitest run (every story, with a11y errors failing it); here it would only cost time.
    await page.goto(
      `${origin}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${viewMode}&globals=a11y.manual:!true`,
      { waitUntil: 'domcontentloaded' },
    );
    await page.waitForSelector(RENDERED, { state: 'attached', timeout: RENDER_TIMEOUT_MS });
    const shown = await page.evaluate(() => document.body.className);
    if (shown.includes('sb-show-errordisplay')) {
      const message = await page
        .locator('#error-message')
        .innerText()
        .catch(() => '');
      const stack = await page
        .locator('#error-stack')
        .innerText()
        .catch(() => '');
      problems.push(`render error: ${message} ${stack.split('\n').slice(0, 3).join(' | ')}`.trim());
    } else if (shown.includes('sb-show-nopreview')) {
      problems.push('not found in the built site');
    } else {
      const root = viewMode === 'docs' ? '#storybook-docs' : '#storybook-root';
      await page.waitForFunction(
        (selector) => (document.querySelector(selector)?.childElementCount ?? 0) > 0,
        root,
        { timeout: RENDER_TIMEOUT_MS },
      );
      await page.waitForTimeout(SETTLE_MS);
    }
    if (args.screenshots)
      await page.screenshot({ path: join(args.screenshots, `${entry.id}.png`), fullPage: true });
  } catch (error) {
    problems.push(`did not render: ${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
    if (process.env.CHECK_TIMES) console.log(`${Date.now() - began} ms ${entry.id}`);
  }
  return problems;
}

const started = Date.now();
const failures = [];
const queue = [...entries];
const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
await Promise.all(
  Array.from({ length: Number(args.concurrency) }, async () => {
    for (let entry = queue.shift(); entry; entry = queue.shift()) {
      const problems = await check(context, entry);
      if (problems.length) failures.push({ entry, problems });
    }
  }),
);
await browser.close();
server.close();

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const stories = entries.filter((entry) => entry.type === 'story').length;
for (const { entry, problems } of failures) {
  console.error(`✗ ${entry.title} › ${entry.name} (${entry.id})`);
  for (const problem of problems) console.error(`    ${problem}`);
}
console.log(
  `Storybook check: ${entries.length - failures.length}/${entries.length} entries clean (${stories} stories, ${entries.length - stories} docs pages) in ${seconds} s.`,
);
process.exit(failures.length ? 1 : 0);

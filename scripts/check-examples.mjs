// npm run check:examples (CI runs it after `npm test`): the example apps on the packed library, as a user
// has it. Packs the library, installs the tarball into each example from its own lockfile, builds both
// (`next build` with no API key in the environment), runs the Vite example's own tests, then starts both
// against the mock API on loopback and drives one video and one image generation in Chromium to a visible
// result. Prints build times, bundle sizes and the test time.
//   SKIP_INSTALL=1 reuses the examples' node_modules (after a first run), reinstalling only the tarball;
//   E2E_ONLY=1 only starts the apps built by an earlier run and drives them.
import { spawn } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = { vite: join(root, 'examples/vite-spa'), next: join(root, 'examples/next-app') };
const KEY = 'sk_examples_check';
const figures = [];
const children = new Set();

/** Runs a command to its end; rejects with its output when it fails. Resolves with the seconds it took. */
function run(command, args, { cwd = root, env = process.env, quiet = true } = {}) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve((Date.now() - started) / 1000);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${cwd}) exited with ${code}\n${output.slice(-4000)}`,
          ),
        );
    });
  });
}

/** Starts a long-running server; resolves once `url` answers. */
async function start(name, command, args, { cwd, env, url }) {
  const child = spawn(command, args, {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode}\n${output}`);
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { child, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${url} within 120 s\n${output}`);
}

function stopAll() {
  for (const child of children) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  children.clear();
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Every file under `dir` whose name matches. */
const filesUnder = (dir, pattern) =>
  readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => pattern.test(path) && statSync(path).isFile());
const gzipKb = (files) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0) / 1024;
const kb = (n) => `${n.toFixed(1)} kB`;

/** The library as users get it: the tarball `npm pack` makes from the built package. */
async function pack() {
  await run('npm', ['run', 'build']);
  await run('npm', ['pack', '--silent']);
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  renameSync(join(root, `gptimage2-react-${version}.tgz`), join(root, 'gptimage2-react.tgz'));
}

/** Installs an example from its lockfile, with the tarball just packed (the lockfile pins no integrity for it). */
async function install(dir) {
  const lockPath = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  if (lock.packages['node_modules/gptimage2-react']?.integrity) {
    // With an integrity, npm would install the tarball of that hash from its cache, not the one just packed.
    delete lock.packages['node_modules/gptimage2-react'].integrity;
    writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  }
  const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
  if (process.env.SKIP_INSTALL && existsSync(join(dir, 'node_modules'))) {
    return run(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '../../gptimage2-react.tgz'],
      { cwd: dir, env },
    );
  }
  return run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, env });
}

/** An environment without the API key, as `next build` must work in. */
function withoutKey(extra = {}) {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra };
  delete env.GPTIMAGE2_API_KEY;
  return env;
}

/** Every entry type-checks under `"moduleResolution": "node"` (node10), `"node16"` and `"bundler"`, from the tarball. */
async function checkModuleResolution() {
  const fixture = join(root, 'examples/module-resolution');
  rmSync(join(fixture, 'node_modules'), { recursive: true, force: true });
  symlinkSync(join(examples.vite, 'node_modules'), join(fixture, 'node_modules'), 'dir');
  const tsc = join(root, 'node_modules/.bin/tsc');
  for (const mode of ['node10', 'node16', 'bundler'])
    await run(tsc, ['-p', `tsconfig.${mode}.json`], { cwd: fixture });
  figures.push(['module resolution node10, node16, bundler', 'every entry resolves']);
}

async function buildVite() {
  const seconds = await run('npm', ['run', 'build'], { cwd: examples.vite, env: withoutKey() });
  const app = gzipKb(filesUnder(join(examples.vite, 'dist'), /\.js$/));
  // The same build of React, ReactDOM and a QueryClientProvider alone: the difference is the library (and the forms).
  const baseline = await buildViteBaseline();
  figures.push(['vite-spa: tsc + vite build', `${seconds.toFixed(1)} s`]);
  figures.push(['vite-spa: JS (gzip)', kb(app)]);
  figures.push(['vite-spa: React + ReactDOM + TanStack Query alone (gzip)', kb(baseline)]);
  figures.push(['vite-spa: what gptimage2-react and the two forms add (gzip)', kb(app - baseline)]);
}

async function buildViteBaseline() {
  const outDir = join(examples.vite, 'node_modules/.baseline-dist');
  const entry = join(examples.vite, 'node_modules/.baseline-entry.js');
  writeFileSync(
    entry,
    `import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
createRoot(document.getElementById('root')).render(createElement(QueryClientProvider, { client: new QueryClient() }, createElement('main')));
`,
  );
  const script = `import { build } from 'vite';
await build({ root: ${JSON.stringify(examples.vite)}, configFile: false, logLevel: 'silent', build: { outDir: ${JSON.stringify(outDir)}, emptyOutDir: true, rolldownOptions: { input: ${JSON.stringify(entry)} } } });`;
  await run(process.execPath, ['--input-type=module', '-e', script], { cwd: examples.vite });
  const size = gzipKb(filesUnder(outDir, /\.js$/));
  rmSync(outDir, { recursive: true, force: true });
  rmSync(entry, { force: true });
  return size;
}

async function buildNext() {
  rmSync(join(examples.next, '.next'), { recursive: true, force: true });
  const seconds = await run('npx', ['next', 'build'], { cwd: examples.next, env: withoutKey() });
  const chunks = filesUnder(join(examples.next, '.next/static'), /\.js$/);
  const library = chunks.filter((file) => readFileSync(file, 'utf8').includes('gptimage2-react'));
  figures.push(['next-app: next build (no API key set)', `${seconds.toFixed(1)} s`]);
  figures.push(['next-app: client JS, every chunk (gzip)', kb(gzipKb(chunks))]);
  figures.push([
    'next-app: chunks holding gptimage2-react code (gzip, with whatever else they bundle)',
    kb(gzipKb(library)),
  ]);
}

async function testVite() {
  const seconds = await run('npx', ['vitest', 'run'], { cwd: examples.vite });
  figures.push([
    "vite-spa: the example's own tests (vitest run, 4 tests)",
    `${seconds.toFixed(1)} s`,
  ]);
}

/** Drives one video and one image generation in the page to a visible result; checks the key never reaches the browser. */
async function drive(browser, name, url, { reloadWhilePending }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const posts = [];
  const leaks = [];
  page.on(
    'request',
    (request) => request.method() === 'POST' && posts.push(new URL(request.url()).pathname),
  );
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    if (body.includes(KEY)) leaks.push(response.url());
  });
  const started = Date.now();
  await page.goto(url);
  const video = page.getByRole('form', { name: 'Video' });
  const image = page.getByRole('form', { name: 'Image' });
  await video.getByLabel('Video prompt').fill('Waves at dawn');
  await video.getByRole('button', { name: 'Generate video' }).click();
  if (reloadWhilePending) {
    // `persist`: a reload while the video is pending re-attaches to the same task, with no new submit.
    await video.getByRole('status').filter({ hasText: 'Generating' }).waitFor({ timeout: 30_000 });
    await page.reload();
    await video.getByRole('status').filter({ hasText: 'Generating' }).waitFor({ timeout: 30_000 });
  }
  await image.getByLabel('Image prompt').fill('A red fox in fresh snow');
  await image.getByRole('button', { name: 'Generate image' }).click();
  await video.locator('video').waitFor({ state: 'visible', timeout: 120_000 });
  await image
    .locator('img[alt^="Generated image"]')
    .waitFor({ state: 'visible', timeout: 120_000 });
  const loaded = await image
    .locator('img[alt^="Generated image"]')
    .evaluate((img) => img.complete && img.naturalWidth > 0);
  await context.close();
  const videoPosts = posts.filter((path) => path.endsWith('/api/ai/video/generate')).length;
  const imagePosts = posts.filter((path) => path.endsWith('/api/ai/image/generate')).length;
  if (videoPosts !== 1 || imagePosts !== 1)
    throw new Error(
      `${name}: expected one submit of each kind, saw ${videoPosts} video and ${imagePosts} image POSTs`,
    );
  if (!loaded) throw new Error(`${name}: the generated image did not load`);
  if (leaks.length)
    throw new Error(`${name}: the API key reached the browser in ${leaks.join(', ')}`);
  figures.push([
    `${name}: video + image to a visible result in Chromium${reloadWhilePending ? ' (with a reload while pending)' : ''}`,
    `${((Date.now() - started) / 1000).toFixed(1)} s`,
  ]);
}

async function endToEnd() {
  const { startMockServer } = await import(
    pathToFileURL(join(examples.vite, 'node_modules/gptimage2-react/dist/mock-node.js')).href
  );
  const mock = await startMockServer({
    port: 0,
    seed: 1,
    timing: 'fast',
    keys: { [KEY]: { credits: 10_000 } },
  });
  try {
    const serverEnv = (port) => ({
      ...withoutKey(),
      GPTIMAGE2_API_KEY: KEY,
      GPTIMAGE2_BASE_URL: mock.url,
      PORT: String(port),
    });
    const [vitePort, nextPort] = [await freePort(), await freePort()];
    const viteUrl = `http://127.0.0.1:${vitePort}/`;
    const nextUrl = `http://127.0.0.1:${nextPort}/`;
    await Promise.all([
      start('vite-spa server', process.execPath, ['server.mjs'], {
        cwd: examples.vite,
        env: serverEnv(vitePort),
        url: viteUrl,
      }),
      start('next start', 'npx', ['next', 'start', '-H', '127.0.0.1', '-p', String(nextPort)], {
        cwd: examples.next,
        env: serverEnv(nextPort),
        url: nextUrl,
      }),
    ]);
    // The Server Component's table is in the HTML the server sends, before any client code runs.
    const html = await (await fetch(nextUrl)).text();
    if (!/<table aria-label="Models">[\s\S]*Veo 3\.1 Fast/.test(html))
      throw new Error('next-app: the model table is not in the server-rendered HTML');
    if (html.includes(KEY)) throw new Error('next-app: the API key is in the page');

    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    try {
      await Promise.all([
        drive(browser, 'vite-spa', viteUrl, { reloadWhilePending: false }),
        drive(browser, 'next-app', nextUrl, { reloadWhilePending: true }),
      ]);
    } finally {
      await browser.close();
    }
  } finally {
    stopAll();
    await mock.close();
  }
}

try {
  const started = Date.now();
  if (process.env.E2E_ONLY) {
    await endToEnd();
    console.log(figures.map(([what, value]) => `${what}: ${value}`).join('\n'));
    process.exit(0);
  }
  await pack();
  const [viteInstall, nextInstall] = await Promise.all([
    install(examples.vite),
    install(examples.next),
  ]);
  figures.push([
    'install from lockfile + tarball',
    `vite-spa ${viteInstall.toFixed(1)} s, next-app ${nextInstall.toFixed(1)} s`,
  ]);
  await checkModuleResolution();
  // One build at a time: `next build` alone keeps two cores busy.
  await buildVite();
  await testVite();
  await buildNext();
  await endToEnd();
  figures.push(['check:examples in all', `${((Date.now() - started) / 1000).toFixed(0)} s`]);
  console.log(figures.map(([what, value]) => `${what}: ${value}`).join('\n'));
} catch (error) {
  stopAll();
  console.error(figures.map(([what, value]) => `${what}: ${value}`).join('\n'));
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vite';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';

// Library entries: what `package.json#exports` points at. Declarations come from `tsc` (see `npm run build`).
const allEntries: Record<string, string> = {
  index: 'src/index.ts',
  client: 'src/core/index.ts',
  server: 'src/server/index.ts',
  'server-fs': 'src/server/uploads/file-system/index.ts',
  'server-s3': 'src/server/uploads/s3/index.ts',
  upload: 'src/upload/index.ts',
  mock: 'src/mock/index.ts',
  'mock-node': 'src/mock/node.ts',
  testing: 'src/testing/index.ts',
  'testing-setup': 'src/testing/setup.ts',
};
// Entries land issue by issue; build those that exist.
export const entries = Object.fromEntries(
  Object.entries(allEntries).filter(([, file]) => existsSync(file)),
);

// Debian's Chromium with the quiet flags (scripts/chromium.mjs).
const chromium = playwright({
  launchOptions: {
    executablePath: chromiumPath,
    args: chromiumArgs,
  },
});

// The visual tests' Chromium: a window as large as the largest capture (1280 wide, pages up to 3000 px
// tall), so the test frame is never scaled down to fit it (a scaled frame would capture 1280 px as 1024).
const chromiumForScreenshots = playwright({
  launchOptions: {
    executablePath: chromiumPath,
    args: [...chromiumArgs, '--font-render-hinting=none'],
  },
  contextOptions: { viewport: { width: 1300, height: 3000 } },
});

// React 18 in place of 19, for the projects that run the suites again under it (peer range ^18 || ^19).
const react18 = [
  { find: /^react-dom(\/.*)?$/, replacement: 'react-dom-18$1' },
  { find: /^react(\/.*)?$/, replacement: 'react-18$1' },
];

// Never bundled: peers, dependencies and Node's built-ins.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^zod($|\/)/,
  /^radix-ui($|\/)/,
  /^msw($|\/)/,
  /^@aws-sdk\//,
  /^node:/,
  ...builtinModules,
];

// The component suite in Chromium, run under React 19 and again under React 18. A new object for each
// project: Vitest writes into a project's browser instances as it resolves them.
const componentSuite = () => ({
  // With the check that the project runs the React major it names (also run by dom and dom-react18).
  include: ['test/browser/**/*.test.{ts,tsx}', 'test/reliability/react-major.test.tsx'],
  setupFiles: ['test/setup/browser.ts'],
  // Real upload handlers on 127.0.0.1 (file system and s3rver) for test/browser/create-uploader.test.tsx.
  globalSetup: ['test/setup/upload-servers.ts'],
  testTimeout: 30_000,
  // Patience for what a user would see, as Testing Library's in the setup (5 s, not 1 s).
  expect: { poll: { timeout: 5000 } },
  globals: true,
  browser: {
    enabled: true,
    provider: chromium,
    headless: true,
    instances: [{ browser: 'chromium' as const }],
    screenshotFailures: false,
  },
});

export default defineConfig({
  plugins: [react()],
  build: {
    lib: {
      entry: entries,
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    outDir: 'dist',
    copyPublicDir: false,
    minify: false,
    // Maps stay out of the package (files: !dist/**/*.map), so no file may point at one: a user's Vite
    // would fail to read it ("An error occurred while trying to read the map file").
    sourcemap: 'hidden',
    target: 'es2022',
    rolldownOptions: {
      external,
      // The bundle drops per-file directives: mark the React entry as client code for React Server
      // Components (Next.js). The client, server and mock entries stay importable from server code.
      output: {
        banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? "'use client';" : ''),
      },
    },
  },
  test: {
    // Read from the root config only: how long a browser page may take to connect. On a loaded 2-core
    // machine three Vite servers optimise their dependencies and three Chromiums start at once; the
    // 60 s default was seen to run out ("the browser session never connected").
    browser: { connectTimeout: 180_000 },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts', 'test/ssr/**/*.test.tsx'],
          exclude: ['test/browser/**', 'test/react/**', 'test/testing/**'],
          globals: true,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: [
            'test/react/**/*.test.{ts,tsx}',
            'test/reliability/**/*.test.tsx',
            'test/testing/**/*.test.{ts,tsx}',
          ],
          setupFiles: ['test/setup/dom.ts'],
          globals: true,
        },
      },
      {
        // The same hook tests under React 18 (the peer range is ^18 || ^19), with React aliased
        // everywhere, TanStack Query and Testing Library included, so there is one React.
        extends: true,
        resolve: { alias: react18 },
        test: {
          name: 'dom-react18',
          provide: { reactMajor: '18' },
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/reliability/react-major.test.tsx'],
          setupFiles: ['test/setup/react18.ts', 'test/setup/dom.ts'],
          globals: true,
          server: { deps: { inline: ['@tanstack/react-query'] } },
        },
      },
      {
        extends: true,
        test: { name: 'browser', ...componentSuite(), sequence: { groupOrder: 1 } },
      },
      {
        // The component suite again under React 18, in Chromium (Vite prebundles with the alias applied),
        // after the React 19 run, not beside it: two Chromiums on two cores doubled every wait.
        extends: true,
        resolve: { alias: react18 },
        test: {
          name: 'browser-react18',
          provide: { reactMajor: '18' },
          ...componentSuite(),
          sequence: { groupOrder: 2 },
        },
      },
      {
        // Every story in stories/ as a test in Chromium: it renders, its play passes, axe finds nothing
        // (.storybook/main.ts's viteFinal applies: the library aliases, no library build).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          // Plays walk whole flows (uploads, polls, playing media): room for a loaded machine (the
          // walkthrough to a playing video took 42 s beside other work).
          testTimeout: 90_000,
          // Stories tagged `visual` are also compared with their screenshots (test/setup/visual.ts).
          setupFiles: ['test/setup/visual.ts'],
          browser: {
            enabled: true,
            provider: chromiumForScreenshots,
            headless: true,
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
            expect: {
              toMatchScreenshot: {
                // One set of baselines, taken with this machine's Chromium and fonts (see .ci/run).
                resolveScreenshotPath: ({ arg, ext, root }) =>
                  `${root}/test/visual/baselines/${arg}${ext}`,
                resolveDiffPath: ({ arg, ext, root, attachmentsDir }) =>
                  `${root}/${attachmentsDir}/visual/${arg}${ext}`,
              },
            },
          },
        },
      },
    ],
  },
});

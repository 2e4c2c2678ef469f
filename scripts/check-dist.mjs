// Checks the built package for what users rely on but types cannot show:
// - the React entry is marked 'use client' (React Server Components), the others are not;
// - the client, server and mock entries never import React (they run in Node, edge and any framework);
// - only `mock/node` and `server/fs` import Node built-ins (the rest runs on edge runtimes and in browsers);
// - only `server/s3` loads the AWS SDK (an optional peer dependency).
// - the testing entry stays out of the main entry, and its setup file imports nothing;
// - the TanStack peer ranges agree (react-query pins its query-core exactly: the app must have one), and
//   the examples install versions inside them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const failures = [];
const read = (file) => readFileSync(join('dist', file), 'utf8');

/** Every file an entry loads, following relative imports and requires. */
function graph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  for (const [, spec] of read(entry).matchAll(
    /(?:from\s+|import\(|require\()["'](\.[^"']+)["']/g,
  )) {
    graph(join(dirname(entry), spec), seen);
  }
  return seen;
}

const bare = (files) =>
  [...files].flatMap((file) =>
    [...read(file).matchAll(/(?:from\s+|import\(|require\()["']([^."'][^"']*)["']/g)].map(
      (m) => m[1],
    ),
  );

for (const ext of ['js', 'cjs']) {
  if (!read(`index.${ext}`).startsWith('"use client";'))
    failures.push(`dist/index.${ext} does not start with "use client"`);
  for (const entry of [
    'client',
    'server',
    'server-fs',
    'server-s3',
    'upload',
    'mock',
    'mock-node',
  ]) {
    const file = `${entry}.${ext}`;
    const files = graph(file);
    if (read(file).includes('use client')) failures.push(`dist/${file} is marked "use client"`);
    const imports = bare(files);
    const react = imports.filter((spec) =>
      /^(react|react-dom|@tanstack|radix-ui)(\/|$)/.test(spec),
    );
    if (react.length) failures.push(`dist/${file} loads ${react.join(', ')}`);
    const node = imports.filter((spec) => spec.startsWith('node:'));
    if (entry !== 'mock-node' && entry !== 'server-fs' && node.length)
      failures.push(`dist/${file} loads ${node.join(', ')}`);
    const aws = imports.filter((spec) => spec.startsWith('@aws-sdk/'));
    if (entry !== 'server-s3' && aws.length) failures.push(`dist/${file} loads ${aws.join(', ')}`);
  }
  // The testing setup file is loaded by test runners before anything else: DOM stubs only, no imports.
  const setupImports = bare(graph(`testing-setup.${ext}`));
  if (setupImports.length)
    failures.push(`dist/testing-setup.${ext} loads ${setupImports.join(', ')}`);
  // Nothing of the testing entry (it swaps TanStack Query's timers) reaches an app through the main entry.
  if ([...graph(`index.${ext}`)].some((file) => read(file).includes('setTimeoutProvider(')))
    failures.push(`dist/index.${ext} loads the testing entry`);
}

// One query-core in the app: ours (observers, `timeoutManager`) is the one react-query brings, so both
// peers need the same minimum (`timeoutManager` exists from 5.87.0; 5.108 is the version tested).
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const peers = manifest.peerDependencies;
if (peers['@tanstack/react-query'] !== peers['@tanstack/query-core'])
  failures.push(
    `package.json: the peer ranges of @tanstack/react-query (${peers['@tanstack/react-query']}) and ` +
      `@tanstack/query-core (${peers['@tanstack/query-core']}) differ`,
  );
const minimum = (range) =>
  range
    .replace(/^[\^~]/, '')
    .split('.')
    .map(Number);
const below = (version, floor) => {
  const [a, b] = [version.split('.').map(Number), minimum(floor)];
  const diff = a.map((part, i) => part - (b[i] ?? 0)).find((d) => d !== 0) ?? 0;
  return a[0] !== b[0] || diff < 0;
};
for (const example of ['vite-spa', 'next-app']) {
  const dir = join('examples', example);
  const wanted = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies;
  const locked = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')).packages;
  for (const name of ['@tanstack/react-query', '@tanstack/query-core']) {
    const version = locked[`node_modules/${name}`]?.version;
    if (!version || below(version, peers[name]))
      failures.push(
        `${dir}: ${name} ${version ?? '(not installed)'} is outside the peer range ${peers[name]}`,
      );
  }
  if (below(minimum(wanted['@tanstack/react-query']).join('.'), peers['@tanstack/react-query']))
    failures.push(
      `${dir}/package.json asks for @tanstack/react-query ${wanted['@tanstack/react-query']}, below the peer range`,
    );
}

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(
  'dist: the React entry is a client module; client, server and mock are React-free and edge-safe; only server/s3 loads the AWS SDK; the TanStack peers agree with the examples.',
);

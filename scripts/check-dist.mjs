// Checks the built package for what users rely on but types cannot show:
// - the React entry is marked 'use client' (React Server Components), the others are not;
// - the client, server and mock entries never import React (they run in Node, edge and any framework);
// - only `mock/node` and `server/fs` import Node built-ins (the rest runs on edge runtimes and in browsers);
// - only `server/s3` loads the AWS SDK (an optional peer dependency).
// - the testing entry stays out of the main entry, and its setup file imports nothing.
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

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(
  'dist: the React entry is a client module; client, server and mock are React-free and edge-safe; only server/s3 loads the AWS SDK.',
);

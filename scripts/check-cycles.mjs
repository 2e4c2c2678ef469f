// Fails when `src` has an import cycle between files or between folders, type-only imports included.
//
// Checked level by level: inside each folder, every direct file and every subfolder (taken whole) is
// one node, and an import between two of them is an edge. Each level must be acyclic. A cycle of
// files anywhere shows up at the level of their nearest common folder, so this covers file cycles too.
//
// Usage: node scripts/check-cycles.mjs [root]   (root defaults to src)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
// Static imports and re-exports (`from '…'`), bare imports (`import '…'`) and dynamic `import('…')`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? listFiles(path)
      : SOURCE.test(name) && !name.endsWith('.d.ts')
        ? [path]
        : [];
  });
}

/** The file a relative specifier names (`./x.js` is `./x.ts` in source), or `undefined`. */
function resolveSpecifier(from, specifier) {
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|mjs|jsx)$/, '');
  const candidates = [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every import edge between files under `root`, as `[from, to]` paths relative to it. */
export function importEdges(root) {
  const edges = [];
  for (const file of listFiles(root)) {
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      const target = resolveSpecifier(file, specifier);
      if (target && !relative(root, target).startsWith('..'))
        edges.push([relative(root, file), relative(root, target)]);
    }
  }
  return edges;
}

/** One cycle of the directed graph, as a list of nodes, or `null`. */
function findCycle(graph) {
  const state = new Map(); // 1: on the current path, 2: done
  const path = [];
  const visit = (node) => {
    state.set(node, 1);
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 1) return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(node, 2);
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

/** Every level's cycle, each as a readable chain with the imports that make it. */
export function findCycles(edges) {
  const folders = new Set(['']);
  for (const pair of edges)
    for (const file of pair)
      for (let dir = dirname(file); dir !== '.'; dir = dirname(dir)) folders.add(dir);
  const cycles = [];
  for (const folder of folders) {
    const prefix = folder ? folder + sep : '';
    // The child of `folder` that holds `file`: the file itself or its subfolder.
    const childOf = (file) =>
      file.startsWith(prefix) ? prefix + file.slice(prefix.length).split(sep)[0] : undefined;
    const graph = new Map();
    const why = new Map();
    for (const [from, to] of edges) {
      const a = childOf(from);
      const b = childOf(to);
      if (!a || !b || a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a).add(b);
      if (!why.has(`${a}>${b}`)) why.set(`${a}>${b}`, `${from} → ${to}`);
    }
    // Report every cycle, not just the first: break each one found at its last link and look again.
    for (let cycle = findCycle(graph); cycle; cycle = findCycle(graph)) {
      const links = cycle.slice(1).map((node, i) => `    ${why.get(`${cycle[i]}>${node}`)}`);
      cycles.push(`${cycle.join(' → ')}\n${links.join('\n')}`);
      graph.get(cycle.at(-2)).delete(cycle.at(-1));
    }
  }
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? 'src');
  const cycles = findCycles(importEdges(root));
  if (cycles.length) {
    console.error(
      `Import cycles in ${relative(process.cwd(), root) || '.'} (move the shared part to where both can import it):\n`,
    );
    console.error(cycles.join('\n\n'));
    process.exit(1);
  }
  console.log(`No import cycles in ${relative(process.cwd(), root) || '.'}.`);
}

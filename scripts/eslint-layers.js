// The layers of `src`, one way: core ← query ← react ← components; server and mock on core only;
// upload (the browser uploader) on core only; testing over core, query, react and mock; nothing in src reaches stories or tests. An ESLint rule so
// the editor says it at once. Relative imports are resolved against the file, so depth does not matter.
import { dirname, relative, resolve, sep } from 'node:path';

/** Per layer (a folder of src): the layers it may import, and the packages it must not. */
export const LAYERS = {
  core: {
    may: ['core'],
    packages: 'none',
    why: 'the client has no dependencies and runs in any runtime',
  },
  query: {
    may: ['core', 'query'],
    packages: ['react', 'react-dom', '@tanstack/react-query', 'radix-ui', 'msw'],
    why: 'the observers are framework-free',
  },
  react: {
    may: ['core', 'query', 'react'],
    packages: ['radix-ui', 'msw', 'zod'],
    why: 'hooks never reach into components',
  },
  upload: {
    may: ['core', 'upload'],
    packages: [
      'react',
      'react-dom',
      '@tanstack/react-query',
      '@tanstack/query-core',
      'radix-ui',
      'msw',
    ],
    why: 'the uploader is framework-free, in its own entry',
  },
  components: {
    may: ['core', 'query', 'react', 'components'],
    packages: ['msw'],
    why: 'components get data through hooks',
  },
  server: {
    may: ['core', 'server'],
    packages: [
      'react',
      'react-dom',
      '@tanstack/react-query',
      '@tanstack/query-core',
      'radix-ui',
      'msw',
    ],
    why: 'the proxy uses the core only',
  },
  mock: {
    may: ['core', 'mock'],
    packages: ['react', 'react-dom', '@tanstack/react-query', '@tanstack/query-core', 'radix-ui'],
    why: 'the mock uses the core only',
  },
  testing: {
    may: ['core', 'query', 'react', 'mock', 'testing'],
    packages: [],
    why: 'the testing entry never brings in the proxy',
  },
  // src/index.ts, the main entry.
  '': {
    may: ['core', 'query', 'react', 'components'],
    packages: [],
    why: 'the main entry re-exports the browser layers',
  },
};

/** `react/jsx-runtime` → `react`, `@scope/name/sub` → `@scope/name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The rule for one file: `null` outside src. */
function layerOf(file, srcDir) {
  const path = relative(srcDir, file);
  if (path.startsWith('..')) return null;
  const parts = path.split(sep);
  return parts.length === 1 ? '' : parts[0];
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of src (see scripts/eslint-layers.js)' },
    schema: [],
  },
  create(context) {
    const srcDir = resolve(context.cwd, 'src');
    const file = context.filename;
    const layer = layerOf(file, srcDir);
    if (layer === null) return {};
    const rules = LAYERS[layer];
    const check = (node) => {
      const specifier =
        node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!specifier) return;
      const name = layer === '' ? 'src/index.ts' : `src/${layer}`;
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const to = layerOf(target, srcDir);
        if (to === null) {
          context.report({
            node,
            message: `${name} must not import ${relative(context.cwd, target)}: nothing in src imports stories, tests or files outside src.`,
          });
        } else if (!(rules?.may ?? []).includes(to)) {
          context.report({
            node,
            message: `${name} must not import src/${to} (it may import ${rules ? rules.may.join(', ') : 'nothing: unknown layer'}): ${rules?.why ?? 'add the folder to scripts/eslint-layers.js'}.`,
          });
        }
      } else if (
        rules &&
        (rules.packages === 'none' || rules.packages.includes(packageOf(specifier)))
      ) {
        context.report({ node, message: `${name} must not import ${specifier}: ${rules.why}.` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
    };
  },
};

/** The plugin: `layers/imports`. */
export default { rules: { imports: rule } };

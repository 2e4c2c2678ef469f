import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const INDEX = `${ROOT}src/index.ts`;
const CLIENT = `${ROOT}src/core/index.ts`;

/** The hooks, as the size-limit budget names them. */
export const HOOKS = [
  'GptImageProvider',
  'useGenerateVideo',
  'useGenerateImage',
  'useTask',
  'useTaskProgress',
  'taskQueryOptions',
  'generateVideoMutationOptions',
  'generateImageMutationOptions',
  'taskKeys',
];
/** The components of issue 5, each measured as what it adds to the hooks. */
export const COMPONENTS = [
  'ModelSelect',
  'DurationPicker',
  'AspectRatioPicker',
  'ResolutionPicker',
  'PromptField',
  'CreditEstimate',
  'ImageDropzone',
  'TaskProgress',
  'useGenerationForm',
];
/** Published sizes the issue compares against (min+gzip), for the table. */
export const REFERENCES = { 'fal client': 21 * 1024, "TanStack AI's video hook": 19 * 1024 };

export interface SizeFigure {
  name: string;
  /** Bytes, minified and gzipped (level 9), or `null` when the export is not on this branch yet. */
  bytes: number | null;
  /** For a component: bytes it adds to the hooks. */
  addedBytes?: number | null;
  /** For a component: bytes it adds to the hooks when the app already ships radix-ui (left out of the bundle). */
  addedWithoutRadixBytes?: number | null;
}

/**
 * Minified+gzipped size of a bundle made from `source` (an ES module importing the library), as an
 * app's production build would ship it: esbuild, ESM, minified and tree-shaken, `NODE_ENV` set to
 * production, react, react-dom and @tanstack/react-query left out (everything else, radix-ui
 * included, bundled), gzip level 9. `null` when an import is missing.
 */
async function measure(source: string, { radix = true } = {}): Promise<number | null> {
  try {
    const result = await build({
      stdin: { contents: source, resolveDir: ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      minify: true,
      treeShaking: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"production"' },
      external: [
        'react',
        'react/*',
        'react-dom',
        'react-dom/*',
        '@tanstack/react-query',
        ...(radix ? [] : ['radix-ui', 'radix-ui/*', '@radix-ui/*']),
      ],
      logLevel: 'silent',
    });
    return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
  } catch (error) {
    const missing = (error as { errors?: Array<{ text: string }> }).errors?.some((e) =>
      /No matching export/.test(e.text),
    );
    if (missing) return null;
    throw error;
  }
}

// Each import is used, so nothing is shaken off that an app using it would keep.
const uses = (names: string[], from: string) =>
  `import { ${names.join(', ')} } from ${JSON.stringify(from)};\nexport const used = [${names.join(', ')}];`;

/** Sizes of the client, the hooks, each component over the hooks, and the whole entry. */
export async function measureSizes(): Promise<SizeFigure[]> {
  const client = await measure(`export * from ${JSON.stringify(CLIENT)};`);
  const hooks = await measure(uses(HOOKS, INDEX));
  const figures: SizeFigure[] = [
    { name: 'client (gptimage2-react/client, whole entry)', bytes: client },
    { name: 'hooks (with the client code they use)', bytes: hooks },
  ];
  const hooksWithoutRadix = await measure(uses(HOOKS, INDEX), { radix: false });
  const added = (bytes: number | null, base: number | null) =>
    bytes === null || base === null ? null : bytes - base;
  for (const component of COMPONENTS) {
    const bytes = await measure(uses([...HOOKS, component], INDEX));
    const withoutRadix = await measure(uses([...HOOKS, component], INDEX), { radix: false });
    figures.push({
      name: `hooks + ${component}`,
      bytes,
      addedBytes: added(bytes, hooks),
      addedWithoutRadixBytes: added(withoutRadix, hooksWithoutRadix),
    });
  }
  const all = await measure(uses([...HOOKS, ...COMPONENTS], INDEX));
  figures.push({
    name: 'hooks + every component (a whole generation form)',
    bytes: all,
    addedBytes: added(all, hooks),
    addedWithoutRadixBytes: added(
      await measure(uses([...HOOKS, ...COMPONENTS], INDEX), { radix: false }),
      hooksWithoutRadix,
    ),
  });
  figures.push({
    name: 'whole gptimage2-react entry',
    bytes: await measure(`export * from ${JSON.stringify(INDEX)};`),
  });
  return figures;
}

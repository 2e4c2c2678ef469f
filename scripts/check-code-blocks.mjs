// Type-checks every ```ts / ```tsx block of the README and of the Storybook docs pages
// (stories/**/*.mdx) against the library's sources (tsconfig's `paths` map the package names to src/),
// so the docs cannot drift from the API. Stubs stand in only for the reader's own modules.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'node_modules/.cache/code-blocks-check';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const documents = [
  'README.md',
  ...readdirSync('stories', { recursive: true })
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => join('stories', file)),
];

let count = 0;
for (const document of documents) {
  const lines = readFileSync(document, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|tsx)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    while (i + 1 < lines.length && !lines[++i].startsWith('```'));
    // `export {}` makes each block a module (top-level await, no clashes); the name says where it is.
    const name = `${document.replace(/[/.]/g, '_')}-line-${start + 1}.tsx`;
    writeFileSync(join(dir, name), `${lines.slice(start, i).join('\n')}\nexport {};\n`);
    count++;
  }
}

const redis =
  '{ get(key: string): Promise<string | null>; set(key: string, value: string, options: { PX: number }): Promise<unknown> }';
writeFileSync(
  join(dir, 'reader-code.d.ts'),
  `declare module '@/auth' { export function auth(): Promise<{ user?: { id?: string } } | null>; }
declare module '@/lib/quota' { export const quota: { allows(userId: string, credits: number): Promise<boolean>; charge(userId: string, credits: number): Promise<void> }; }
declare module '@/lib/redis' { export const redis: ${redis}; }
declare module '@/components/video-form' { export function VideoForm(): import('react').ReactElement; }
declare module '@/lib/models' {
  import type { BuiltInModel, Registry } from 'gptimage2-react/client';
  export const registry: Registry<Extract<BuiltInModel, { id: 'gpt-image-2' | 'nano-banana-2' | 'veo3_fast' }>>;
}
declare const redis: ${redis};
`,
);
const up = '../../..';
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: `${up}/tsconfig.json`,
    compilerOptions: {
      noEmit: true,
      noUnusedLocals: false,
      types: ['node', 'vitest/globals', 'msw-storybook-addon/csf3'],
    },
    include: ['./*.tsx', './*.d.ts'],
  }),
);

try {
  execFileSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
  console.log(`Docs: ${count} TypeScript blocks in ${documents.length} documents type-check.`);
} catch (error) {
  // File names carry the document and the line each block starts on.
  console.error(String(error.stdout || error.message).replaceAll(`${dir}/`, ''));
  process.exit(1);
}

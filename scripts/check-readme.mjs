// Type-checks every ```ts / ```tsx block of the README against the library's sources, so the docs
// cannot drift from the API. Stubs stand in only for the reader's own code (their auth, quota, Redis).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = 'node_modules/.cache/readme-check';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const lines = readFileSync('README.md', 'utf8').split('\n');
const blocks = [];
for (let i = 0; i < lines.length; i++) {
  const open = /^```(ts|tsx)\s*$/.exec(lines[i]);
  if (!open) continue;
  const start = i + 1;
  while (i + 1 < lines.length && !lines[++i].startsWith('```'));
  blocks.push({ start, code: lines.slice(start, i).join('\n') });
}
blocks.forEach(({ start, code }, n) => {
  // `export {}` makes each block a module (top-level await, no name clashes between blocks).
  writeFileSync(join(dir, `readme-line-${start + 1}.tsx`), `${code}\nexport {};\n`);
  void n;
});

writeFileSync(
  join(dir, 'reader-code.d.ts'),
  `declare module '@/auth' { export function auth(): Promise<{ user?: { id?: string } } | null>; }
declare module '@/lib/quota' { export const quota: { allows(userId: string, credits: number): Promise<boolean>; charge(userId: string, credits: number): Promise<void> }; }
declare const redis: { get(key: string): Promise<string | null>; set(key: string, value: string, options: { PX: number }): Promise<unknown> };
`,
);
const src = (path) => [`../../../src/${path}`];
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify({
    extends: '../../../tsconfig.json',
    compilerOptions: {
      noEmit: true,
      types: ['node'],
      noUnusedLocals: false,
      paths: {
        'gptimage2-react': src('index.ts'),
        'gptimage2-react/client': src('core/index.ts'),
        'gptimage2-react/server': src('server/index.ts'),
        'gptimage2-react/mock': src('mock/index.ts'),
        'gptimage2-react/mock/node': src('mock/node.ts'),
      },
    },
    include: ['./*.tsx', './*.d.ts'],
  }),
);

try {
  execFileSync('npx', ['tsc', '-p', join(dir, 'tsconfig.json')], { stdio: 'pipe' });
  console.log(`README: ${blocks.length} TypeScript blocks type-check.`);
} catch (error) {
  // File names carry the README line each block starts on.
  console.error(String(error.stdout || error.message).replaceAll(`${dir}/`, ''));
  process.exit(1);
}

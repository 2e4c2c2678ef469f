// Type-checks every ```ts / ```tsx block of the Storybook docs pages (stories/**/*.mdx) against the
// library's sources, so the guides cannot drift from the API. Stubs stand in only for the reader's own
// modules (their auth, quota, Redis).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = 'node_modules/.cache/docs-code-check';
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const pages = readdirSync('stories', { recursive: true })
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => join('stories', file));

let count = 0;
for (const page of pages) {
  const lines = readFileSync(page, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|tsx)\s*$/.test(lines[i])) continue;
    const start = i + 1;
    while (i + 1 < lines.length && !lines[++i].startsWith('```'));
    // `export {}` makes each block a module (top-level await, no clashes); the name says where it is.
    const name = `${relative('stories', page).replace(/[/.]/g, '_')}-line-${start + 1}.tsx`;
    writeFileSync(join(dir, name), `${lines.slice(start, i).join('\n')}\nexport {};\n`);
    count++;
  }
}

writeFileSync(
  join(dir, 'reader-code.d.ts'),
  `declare module '@/auth' { export function auth(): Promise<{ user?: { id?: string } } | null>; }
declare module '@/lib/quota' { export const quota: { allows(userId: string, credits: number): Promise<boolean>; charge(userId: string, credits: number): Promise<void> }; }
declare module '@/lib/redis' { export const redis: { get(key: string): Promise<string | null>; set(key: string, value: string, options: { PX: number }): Promise<unknown> }; }
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
  console.log(`Docs: ${count} TypeScript blocks in ${pages.length} pages type-check.`);
} catch (error) {
  console.error(String(error.stdout || error.message).replaceAll(`${dir}/`, ''));
  process.exit(1);
}

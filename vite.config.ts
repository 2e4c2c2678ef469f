/// <reference types="vitest/config" />
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Library entries: what `package.json#exports` points at. Declarations come from `tsc` (see `npm run build`).
const allEntries: Record<string, string> = {
  index: 'src/index.ts',
  client: 'src/core/index.ts',
  server: 'src/server/index.ts',
  mock: 'src/mock/index.ts',
  'mock-node': 'src/mock/node.ts',
};
// Entries land issue by issue; build those that exist.
export const entries = Object.fromEntries(Object.entries(allEntries).filter(([, file]) => existsSync(file)));

// Never bundled: peers, dependencies and Node's built-ins.
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^zod($|\/)/, /^radix-ui($|\/)/, /^msw($|\/)/, /^node:/, ...builtinModules];

export default defineConfig({
  build: {
    lib: {
      entry: entries,
      formats: ['es', 'cjs'],
      fileName: (format, name) => `${name}.${format === 'es' ? 'js' : 'cjs'}`,
    },
    outDir: 'dist',
    copyPublicDir: false,
    minify: false,
    sourcemap: true,
    target: 'es2022',
    rolldownOptions: { external },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/dom/**'],
          setupFiles: ['test/setup/node.ts'],
          globals: true,
        },
      },
    ],
  },
});

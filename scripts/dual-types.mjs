// Makes CommonJS declarations (`.d.cts`) beside tsc's ESM ones (`.d.ts`), with relative imports
// pointing at `.cjs`, so `require` users get types that match the file they load (attw checks this).
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8').replace(
        /(from\s+|import\()(['"])(\.{1,2}\/[^'"]+?)\.js\2/g,
        '$1$2$3.cjs$2',
      );
      writeFileSync(path.replace(/\.d\.ts$/, '.d.cts'), text);
    }
  }
}
walk(process.argv[2] ?? 'dist/types');

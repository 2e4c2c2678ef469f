import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SCRIPT = join(import.meta.dirname, '../../scripts/check-cycles.mjs');
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'cycles-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes the fixture files, each `path: source`. */
function tree(files: Record<string, string>) {
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), source);
  }
}

/** The script's exit code and output over the fixture. */
async function check(): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, root]);
    return { code: 0, output: stdout };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

test('passes a tree whose files and folders import one way', async () => {
  tree({
    'core/errors.ts': "import type { Task } from './task/task.js';",
    'core/task/task.ts': 'export type Task = {};',
    'core/http/parse.ts':
      "import { E } from '../errors.js';\nimport type { Task } from '../task/task.js';",
    'core/client.ts': "export * from './http/parse.js';",
    'react/hook.ts': "import { c } from '../core/client.js';",
  });
  expect(await check()).toEqual({ code: 0, output: expect.stringContaining('No import cycles') });
});

test('refuses a cycle between two files, type-only imports included', async () => {
  tree({
    'mock/faults.ts': "import type { MockFailure } from './scenarios.js';",
    'mock/scenarios.ts': "import type { MockFault } from './faults.js';",
  });
  const { code, output } = await check();
  expect(code).toBe(1);
  expect(output).toContain('mock/faults.ts → mock/scenarios.ts → mock/faults.ts');
});

test('refuses a cycle between folders made by different files', async () => {
  tree({
    'core/registry/adapt.ts': "import { mode } from '../request/input-mode.js';",
    'core/registry/model-spec.ts': 'export type ModelSpec = {};',
    'core/request/input-mode.ts': "import type { ModelSpec } from '../registry/model-spec.js';",
  });
  const { code, output } = await check();
  expect(code).toBe(1);
  expect(output).toContain('core/registry → core/request → core/registry');
  expect(output).toContain('core/registry/adapt.ts → core/request/input-mode.ts');
});

test('refuses a cycle between a file and a sibling folder, through re-exports', async () => {
  tree({
    'core/errors.ts': "export type { Task } from './task/task.js';",
    'core/task/task.ts': 'export type Task = {};',
    'core/task/parse.ts': "import { InvalidResponseError } from '../errors.js';",
  });
  const { code, output } = await check();
  expect(code).toBe(1);
  expect(output).toContain('core/errors.ts → core/task → core/errors.ts');
});

test('refuses a cycle between top-level folders through an index and a dynamic import', async () => {
  tree({
    'server/index.ts': "export { handler } from './handler.js';",
    'server/handler.ts': "const m = await import('../mock/create.js');",
    'mock/create.ts': "import { handler } from '../server';",
  });
  const { code, output } = await check();
  expect(code).toBe(1);
  expect(output).toContain('mock → server → mock');
});

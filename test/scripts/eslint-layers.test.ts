// Lints small snippets with the repository's own eslint.config.js, so the layer rule cannot silently
// stop working (a renamed folder, a dropped config block): each forbidden import must be refused.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '../..') });

/** The layer rule's messages for `source` as if it were the file at `path`. */
async function layerErrors(path: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = 1;\n`, { filePath: path });
  return result!.messages
    .filter((message) => message.ruleId === 'layers/imports')
    .map((message) => message.message);
}

// [file, import statement] pairs that break a layer rule.
const forbidden: readonly (readonly [string, string])[] = [
  // core imports nothing of ours outside core, and no package at all.
  ['src/core/client.ts', "import { useTask } from '../react/use-task.js';"],
  ['src/core/http/transport.ts', "import type { Route } from '../../server/match-route.js';"],
  ['src/core/http/transport.ts', "export { createMockApi } from '../../mock/index.js';"],
  ['src/core/client.ts', "import { QueryObserver } from '@tanstack/query-core';"],
  ['src/core/client.ts', "import { z } from 'zod';"],
  ['src/core/client.ts', "import { createServer } from 'node:http';"],
  // query: core only, no React.
  ['src/query/generation-observer.ts', "import { useState } from 'react';"],
  ['src/query/generation-observer.ts', "import { useQuery } from '@tanstack/react-query';"],
  ['src/query/generation-observer.ts', "import { taskKeys } from '../react/query-keys.js';"],
  [
    'src/query/generation-observer.ts',
    "import { ModelSelect } from '../components/model-select.js';",
  ],
  [
    'src/query/generation-observer.ts',
    "import { toNodeHandler } from '../server/to-node-handler.js';",
  ],
  // react: core and query, never components.
  ['src/react/use-task.ts', "import { TaskProgress } from '../components/task-progress.js';"],
  [
    'src/react/use-task.ts',
    "import type { ImageItem } from '../components/use-image-dropzone.js';",
  ],
  ['src/react/use-task.ts', "import { createMockApi } from '../mock/create-mock-api.js';"],
  ['src/react/use-task.ts', "import { Select } from 'radix-ui';"],
  // components: react, query and core; not the proxy, the mock or MSW.
  [
    'src/components/model-select.tsx',
    "import { createProxyHandler } from '../server/create-proxy-handler.js';",
  ],
  ['src/components/model-select.tsx', "import { createMockApi } from '../mock/index.js';"],
  ['src/components/model-select.tsx', "import { http } from 'msw';"],
  // server and mock: core only, never each other, never React.
  [
    'src/server/create-proxy-handler.ts',
    "import { createMockApi } from '../mock/create-mock-api.js';",
  ],
  ['src/server/create-proxy-handler.ts', "import { taskKeys } from '../react/query-keys.js';"],
  ['src/server/create-proxy-handler.ts', "import type { ReactNode } from 'react';"],
  ['src/server/uploads/store.ts', "import { matchRoute } from '../../mock/index.js';"],
  ['src/mock/create-mock-api.ts', "import { matchRoute } from '../server/match-route.js';"],
  ['src/mock/create-mock-api.ts', "import { useTask } from '../react/use-task.js';"],
  ['src/mock/create-mock-api.ts', "import { QueryClient } from '@tanstack/react-query';"],
  // testing: core, query, react and mock, never the proxy.
  ['src/testing/index.ts', "import { createProxyHandler } from '../server/index.js';"],
  // nothing in src imports stories or tests, nor a dynamic import of them.
  [
    'src/components/model-select.tsx',
    "import { meta } from '../../stories/model-select.stories.js';",
  ],
  ['src/react/use-task.ts', "import { renderWithClient } from '../../test/react/harness.js';"],
  ['src/testing/index.ts', "const harness = await import('../../test/helpers/mock-session.js');"],
  ['src/index.ts', "export * from './server/index.js';"],
];

// And the imports each layer is meant to make.
const allowed: readonly (readonly [string, string])[] = [
  ['src/core/http/transport.ts', "import { NetworkError } from '../errors.js';"],
  [
    'src/query/generation-observer.ts',
    "import { QueryObserver } from '@tanstack/query-core';\nimport type { Task } from '../core/task/task.js';",
  ],
  [
    'src/react/use-task.ts',
    "import { useQuery } from '@tanstack/react-query';\nimport { taskKeys } from './query-keys.js';\nimport type { Task } from '../core/task/task.js';",
  ],
  [
    'src/components/model-select.tsx',
    "import { Select } from 'radix-ui';\nimport { useTask } from '../react/use-task.js';\nimport { listModels } from '../core/registry/registry.js';",
  ],
  [
    'src/server/create-proxy-handler.ts',
    "import { createServer } from 'node:http';\nimport { estimateCredits } from '../core/registry/estimate-credits.js';",
  ],
  [
    'src/mock/create-mock-api.ts',
    "import { z } from 'zod';\nimport { http } from 'msw';\nimport { systemClock } from '../core/clock.js';",
  ],
  [
    'src/testing/index.ts',
    "import { createMockApi } from '../mock/index.js';\nimport { GptImageProvider } from '../react/provider.js';\nimport { createClient } from '../core/client.js';",
  ],
  ['src/index.ts', "export * from './core/index.js';\nexport * from './components/index.js';"],
];

describe('the layer rule in eslint.config.js', () => {
  // Loading the config and its plugins takes seconds on a loaded machine: once, outside the tests.
  beforeAll(() => eslint.calculateConfigForFile('src/index.ts'), 60_000);

  it.each(forbidden)('refuses, in %s: %s', async (path, source) => {
    const errors = await layerErrors(path, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/must not import/);
  });

  it.each(allowed)('accepts, in %s: %s', async (path, source) => {
    expect(await layerErrors(path, source)).toEqual([]);
  });

  it('names the layer, what it may import and why', async () => {
    expect(
      await layerErrors(
        'src/react/use-task.ts',
        "import { TaskProgress } from '../components/task-progress.js';",
      ),
    ).toEqual([
      'src/react must not import src/components (it may import core, query, react): hooks never reach into components.',
    ]);
  });

  it('leaves tests and stories free to import any layer', async () => {
    expect(
      await layerErrors(
        'test/server/create-proxy-handler.test.ts',
        "import { createMockApi } from '../../src/mock/index.js';",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'stories/model-select.stories.tsx',
        "import { createMockApi } from '../src/mock/index.js';",
      ),
    ).toEqual([]);
  });
});

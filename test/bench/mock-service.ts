import type { Clock } from '../../src/core/clock.js';
import { createClient } from '../../src/core/client.js';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import { defaultRegistry } from '../../src/core/registry/registry.js';
import type { DraftRequest } from '../../src/core/request/types.js';
import { validateRequest } from '../../src/core/request/validate-request.js';
import type { Task } from '../../src/core/task/task.js';
import { createMockApi, type MockApiOptions } from '../../src/mock/index.js';

const ORIGIN = 'http://mock.test';

/**
 * The mock API and a client that reaches it through a `fetch` calling `api.handle` directly (no
 * interceptor, so a run of thousands of polls stays fast), both on `clock`.
 */
export function mockService(clock: Clock, options: MockApiOptions = {}) {
  const api = createMockApi({ clock, seed: 2026, credits: 1e9, timing: 'realistic', ...options });
  const fetch = (input: RequestInfo | URL, init?: RequestInit) =>
    api.handle(new Request(input, init));
  const client = createClient({ baseUrl: ORIGIN, clock, fetch, retry: { jitter: false } });
  /** GET requests the mock received for one task. */
  const getsOf = (taskId: string) =>
    api.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/${taskId}`)).length;
  return { api, client, getsOf };
}

/** The smallest valid request for a model: a prompt, plus a reference image when it needs one. */
export function requestFor(model: ModelSpec): DraftRequest {
  const textMode = model.inputModes.some((mode) => mode.startsWith('text_'));
  const request: DraftRequest = {
    model: model.id,
    prompt: 'A lighthouse at dusk',
    ...(textMode ? {} : { inputImageUrls: ['https://example.com/ref.png'] }),
  };
  const errors = validateRequest(request, model.kind, defaultRegistry);
  if (errors)
    throw new Error(`No valid minimal request for ${model.id}: ${JSON.stringify(errors)}`);
  return request;
}

/** `count` models, round-robin over the 20 built-in ones. */
export function modelsRoundRobin(count: number): ModelSpec[] {
  return Array.from({ length: count }, (_, i) => builtInModels[i % builtInModels.length]!);
}

/** The snapshot a just-submitted task has (what `useGenerateVideo` seeds its query with). */
export function pendingSnapshot(taskId: string, model: string, creditsUsed: number | null): Task {
  return {
    id: taskId,
    status: 'pending',
    type: null,
    request: null,
    model,
    prompt: null,
    imageUrls: [],
    videoUrl: null,
    errorCode: null,
    errorMessage: null,
    creditsUsed,
    creditsRefunded: false,
    createdAt: null,
    updatedAt: null,
  };
}

/** When each task really ended (completed or failed), from the mock's own records. */
export function endTimes(api: ReturnType<typeof mockService>['api']): Map<string, number> {
  return new Map(
    api
      .tasks()
      .filter((task) => task.status !== 0)
      .map((task) => [task.taskId, Date.parse(task.updatedAt)]),
  );
}

// Fault injection on the client's own polling loop (`waitForTask`): 100 tasks across the 20 models,
// a quarter of them failing, followed through each fault of issue 8 on virtual time. Every task must
// end in its true terminal state, or (when the task is really gone) a typed error naming it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { TaskNotFoundError } from '../../src/core/errors.js';
import { builtInModels } from '../../src/core/registry/models.js';
import { createMockApi, type MockScenario } from '../../src/mock/index.js';
import { requestFor } from '../bench/mock-service.js';
import { createVirtualTime } from '../bench/virtual-time.js';
import { faultScenarios, REQUEST_TIMEOUT_MS } from './fault-scenarios.js';
import {
  fetchFrom,
  notFoundFrom,
  notFoundOnce,
  type Override,
} from '../helpers/fetch-from-mock.js';
import { catchEscapes, expectTrueEnd, expectTypedErrorFor, type Outcome } from './truth.js';

// Deterministic on virtual time, but thousands of steps: a loaded machine needs more than the default 5 s.
const SLOW = 60_000;

const TASKS = 100;
let escapes: ReturnType<typeof catchEscapes>;
beforeEach(() => void (escapes = catchEscapes()));
afterEach(() => {
  escapes.stop();
  expect(escapes.escaped).toEqual([]);
});

/** Submits `TASKS` tasks (no faults yet), then follows every one with `waitForTask` through `scenario`. */
async function followThrough(scenario: MockScenario, override?: Override) {
  const time = createVirtualTime(Date.UTC(2026, 0, 1));
  const api = createMockApi({
    clock: time.clock,
    seed: 8,
    credits: 1e9,
    timing: 'realistic',
    scenario: { failureRate: 0.25 },
  });
  const client = createClient({
    baseUrl: 'http://mock.test',
    clock: time.clock,
    fetch: fetchFrom(api, override),
    retry: { jitter: false },
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  const submitted: Array<{ taskId: string; model: string }> = [];
  for (let i = 0; i < TASKS; i++) {
    const model = builtInModels[i % builtInModels.length]!;
    submitted.push({
      taskId: (await client.submit(model.kind, requestFor(model))).taskId,
      model: model.id,
    });
  }
  api.setScenario(scenario);
  const outcomes: Outcome[] = [];
  for (const { taskId, model } of submitted) {
    client.waitForTask(taskId, { model, timeoutMs: 30 * 60_000 }).then(
      (task) => void outcomes.push({ taskId, task, error: null }),
      (error: unknown) => void outcomes.push({ taskId, task: null, error }),
    );
  }
  await time.runUntil(() => outcomes.length === TASKS, 60 * 60_000);
  // No task id lost: one outcome per submitted task, one POST per task, and the service has no other.
  expect(outcomes.map((o) => o.taskId).sort()).toEqual(submitted.map((s) => s.taskId).sort());
  expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(TASKS);
  const truth = new Map(api.tasks().map((task) => [task.taskId, task]));
  expect([...truth.keys()].sort()).toEqual(submitted.map((s) => s.taskId).sort());
  return { outcomes, truth, api };
}

describe(
  'waitForTask under faults: every task ends in its true terminal state',
  { timeout: SLOW },
  () => {
    it.each(Object.entries(faultScenarios))('%s', async (_, scenario) => {
      const { outcomes, truth, api } = await followThrough(scenario);
      for (const outcome of outcomes) expectTrueEnd(outcome, truth.get(outcome.taskId));
      // The faults did strike, and some tasks failed for real: both paths were exercised.
      expect(api.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(50);
      expect(outcomes.filter((o) => o.error !== null).length).toBeGreaterThan(10);
    });

    it('a 404 in the middle of polling (a replica that lost the task for a moment)', async () => {
      const { outcomes, truth, api } = await followThrough({}, notFoundOnce(2));
      for (const outcome of outcomes) expectTrueEnd(outcome, truth.get(outcome.taskId));
      expect(api.requests.filter((r) => r.method === 'GET').length).toBeGreaterThan(TASKS * 2);
    });

    it('a task gone for good in the middle of polling ends in TaskNotFoundError naming it', async () => {
      const { outcomes } = await followThrough({}, notFoundFrom(2));
      // The first poll comes before any task can end, so every one is gone by its end.
      for (const outcome of outcomes) expectTypedErrorFor(outcome, TaskNotFoundError);
    });
  },
);

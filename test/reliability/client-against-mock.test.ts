// The library's client against the mock, end to end through MSW, on a virtual clock.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/client.js';
import {
  InsufficientCreditsError,
  InvalidResponseError,
  NetworkError,
  RateLimitedError,
  SubmitOutcomeUnknownError,
  TaskFailedError,
  TaskNotFoundError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../src/core/errors.js';
import { defaultRegistry, extendRegistry } from '../../src/core/registry/registry.js';
import type { MockApiOptions } from '../../src/mock/index.js';
import { TASK_ID } from '../helpers/api-calls.js';
import { mockHarness } from '../helpers/mock-harness.js';

const KEY = 'sk_live_test';
const start = mockHarness('msw');

async function setup(options: MockApiOptions = {}) {
  const harness = await start({ keys: { [KEY]: { credits: 100 } }, ...options });
  const client = createClient({ baseUrl: harness.url, apiKey: KEY, clock: harness.clock });
  return { ...harness, client };
}

/** Settles a promise to its value or its error, so a test can advance the clock meanwhile. */
const outcome = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('the client against the mock (MSW, virtual clock)', () => {
  it('submits, sees the task pending, and waits for it to complete', async () => {
    const { client, clock, api } = await setup();
    const submission = await client.generateImage({
      model: 'gpt-image-2',
      prompt: 'A red fox in fresh snow',
      aspectRatio: '16:9',
    });
    expect(submission).toEqual({
      taskId: expect.stringMatching(TASK_ID),
      creditsUsed: 3,
      status: 'pending',
    });
    expect(await client.getTask(submission.taskId)).toMatchObject({
      id: submission.taskId,
      status: 'pending',
      type: 'image',
      imageUrls: [],
    });

    const updates: string[] = [];
    const done = outcome(
      client.waitForTask(submission.taskId, { onUpdate: (task) => updates.push(task.status) }),
    );
    await clock.advance(90_000);
    const { value: task } = (await done) as {
      value: Awaited<ReturnType<typeof client.waitForTask>>;
    };
    expect(task).toMatchObject({
      status: 'completed',
      model: 'gpt-image-2',
      creditsUsed: 3,
      creditsRefunded: false,
    });
    expect(updates.at(-1)).toBe('completed');
    const image = await fetch(task.imageUrls[0]!);
    expect(await image.text()).toContain('A red fox in fresh snow');
    // The model-aware schedule polls a handful of times, not every second.
    expect(
      api.requests.filter(
        (request) => request.method === 'GET' && request.path.startsWith('/api/ai/tasks/'),
      ).length,
    ).toBeLessThan(20);
    expect(api.balance()).toBe(97);
  });

  it('waits for a task to fail and reports the refund', async () => {
    const { client, clock, api } = await setup({ scenario: 'providerFailure' });
    const { taskId, creditsUsed } = await client.generateVideo({
      model: 'kling/v2-1-pro',
      prompt: 'Slow pan',
      inputImageUrls: ['https://example.com/frame.png'],
      duration: 10,
    });
    expect(creditsUsed).toBe(42);
    expect(api.balance()).toBe(58);
    const failed = outcome(client.waitForTask(taskId));
    await clock.advance(180_000);
    const { error } = (await failed) as { error: TaskFailedError };
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ errorCode: 'moderation_blocked', creditsRefunded: true });
    expect(error.task).toMatchObject({ status: 'failed', videoUrl: null, creditsUsed: 42 });
    expect(api.balance()).toBe(100);
  });

  it('maps 402, 401 and 404 to their typed errors', async () => {
    const { client, api, url, clock } = await setup();
    api.setBalance(KEY, 10);
    const short = await client
      .generateVideo({ model: 'veo3', prompt: 'Waves' })
      .catch((error: unknown) => error);
    expect(short).toBeInstanceOf(InsufficientCreditsError);
    expect(short).toMatchObject({ required: 63 });
    expect(api.balance()).toBe(10);

    const stranger = createClient({ baseUrl: url, apiKey: 'sk_live_wrong', clock });
    await expect(
      stranger.generateImage({ model: 'gpt-image-2', prompt: 'A fox' }),
    ).rejects.toBeInstanceOf(UnauthorizedError);

    api.setBalance('sk_live_other', 10);
    const other = createClient({ baseUrl: url, apiKey: 'sk_live_other', clock });
    const { taskId } = await client.generateImage({ model: 'gpt-image-2', prompt: 'A fox' });
    await expect(other.getTask(taskId)).rejects.toBeInstanceOf(TaskNotFoundError);
  });

  it("surfaces the server's 400 on the right field when the client's registry is out of date", async () => {
    const { url, clock } = await setup();
    // The client believes Veo 3.1 also makes 4-second clips; the mock (the reference) says 8 only.
    const registry = extendRegistry(defaultRegistry, { override: { veo3: { durations: [4, 8] } } });
    const client = createClient({ baseUrl: url, apiKey: KEY, clock, registry });
    const error = await client
      .submit('video', { model: 'veo3', prompt: 'Waves', duration: 4 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      source: 'server',
      status: 400,
      fieldErrors: { duration: ['duration must be 8 for veo3 (fixed)'] },
    });
  });

  it('retries a GET through 503s and honours Retry-After', async () => {
    const { client, clock, api } = await setup({ timing: 'instant' });
    const { taskId } = await client.generateImage({ model: 'gpt-image-2', prompt: 'A fox' });
    api.inject({ type: 'serverError', status: 503 }, { path: '/api/ai/tasks/*', times: 2 });
    const read = outcome(client.getTask(taskId));
    await clock.advance(10_000);
    expect(await read).toMatchObject({ value: { status: 'completed' } });

    api.inject({ type: 'rateLimit', retryAfter: 5 });
    const before = api.requests.length;
    const again = outcome(client.getTask(taskId));
    await clock.advance(5_000);
    expect(await again).toMatchObject({ value: { status: 'completed' } });
    const [limited, retried] = api.requests.slice(before);
    expect(limited).toMatchObject({ status: 429, fault: 'rateLimit' });
    expect(retried!.time - limited!.time).toBe(5_000);

    api.inject('rateLimit');
    await expect(client.getTask(taskId, { retry: false })).rejects.toBeInstanceOf(RateLimitedError);
  });

  it('reports an uncertain submit when the answer is lost after the task was charged', async () => {
    const { client, api } = await setup();
    api.inject({ type: 'drop', phase: 'after' });
    const dropped = await client
      .generateImage({ model: 'gpt-image-2', prompt: 'A fox' })
      .catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect((dropped as SubmitOutcomeUnknownError).cause).toBeInstanceOf(NetworkError);
    api.inject('malformedJson');
    const garbled = await client
      .generateImage({ model: 'gpt-image-2', prompt: 'A fox' })
      .catch((e: unknown) => e);
    expect(garbled).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect((garbled as SubmitOutcomeUnknownError).cause).toBeInstanceOf(InvalidResponseError);
    // Both tasks exist and were charged: why the client must not resubmit blindly.
    expect(api.tasks()).toHaveLength(2);
    expect(api.balance()).toBe(94);
  });

  it('gives up on an answer slower than its request timeout', async () => {
    const { url, clock, api } = await setup({ timing: 'instant' });
    const client = createClient({
      baseUrl: url,
      apiKey: KEY,
      clock,
      requestTimeoutMs: 2_000,
      retry: false,
    });
    const { taskId } = await client.generateImage({ model: 'gpt-image-2', prompt: 'A fox' });
    api.inject({ type: 'latency', ms: 5_000 });
    const slow = outcome(client.getTask(taskId));
    await clock.advance(2_000);
    const { error } = (await slow) as { error: NetworkError };
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/no response within 2 s/);
    await clock.advance(3_000); // let the mock finish its late answer
  });

  it("normalizes the quickstart's spelling, refund included", async () => {
    const { client, clock, api } = await setup({
      scenario: { spelling: 'quickstart', failure: { code: 'STORAGE_ERROR' } },
    });
    const { taskId } = await client.generateImage({ model: 'google/nano-banana', prompt: 'A fox' });
    const failed = outcome(client.waitForTask(taskId));
    await clock.advance(60_000);
    const { error } = (await failed) as { error: TaskFailedError };
    expect(error.task).toMatchObject({
      id: taskId,
      status: 'failed',
      errorCode: 'STORAGE_ERROR',
      creditsRefunded: true,
      updatedAt: expect.any(String),
    });
    expect(api.tasks()[0]!.creditsRefunded).toBe(true);
  });

  it('follows a task to completion through a flaky network', async () => {
    const { client, clock, api } = await setup({ seed: 3 });
    const { taskId } = await client.generateVideo({ model: 'veo3_fast', prompt: 'Waves' });
    api.setScenario('flakyNetwork');
    const done = outcome(client.waitForTask(taskId));
    await clock.advance(180_000);
    expect(await done).toMatchObject({
      value: { status: 'completed', videoUrl: expect.stringMatching(/\/video\.mp4$/) },
    });
    expect(api.requests.some((request) => request.fault !== null)).toBe(true);
  });

  it('times out, keeping the task id, when the task outlasts the wait', async () => {
    const { client, clock } = await setup();
    const { taskId } = await client.generateVideo({ model: 'veo3', prompt: 'Waves' });
    const waited = outcome(client.waitForTask(taskId, { timeoutMs: 20_000 }));
    await clock.advance(25_000);
    const { error } = (await waited) as { error: TimeoutError };
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.taskId).toBe(taskId);
    expect((await client.getTask(taskId)).status).toBe('pending'); // veo3 takes 50 s or more
  });
});

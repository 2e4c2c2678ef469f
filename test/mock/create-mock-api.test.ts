// Tasks, time, credits and accounts, through MSW and over real HTTP alike.
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import { estimateCredits } from '../../src/core/registry/estimate-credits.js';
import { mockFailures } from '../../src/mock/index.js';
import { FOX, TASK_ID, WAVES, get, post } from '../helpers/api-calls.js';
import { transports, mockHarness } from '../helpers/mock-harness.js';

/** The smallest valid request for a model. */
function requestFor(model: ModelSpec): Record<string, unknown> {
  if (model.kind === 'image') return { model: model.id, prompt: 'A test prompt' };
  const mode = model.inputModes[0]!;
  return {
    model: model.id,
    prompt: 'A test prompt',
    inputMode: mode,
    ...(mode === 'image_to_video' ? { inputImageUrls: ['https://example.com/frame.png'] } : {}),
  };
}

const submitPath = (body: { model: string }) =>
  `/api/ai/${builtInModels.find((m) => m.id === body.model)!.kind}/generate`;

describe.each(transports)('the task lifecycle (%s)', (transport) => {
  const start = mockHarness(transport);

  it('keeps a task pending until the clock passes its time, then completes it', async () => {
    const { url, api, clock } = await start();
    const { body } = await post(`${url}/api/ai/image/generate`, FOX);
    expect(body.taskId).toMatch(TASK_ID);
    await clock.advance(14_999); // gpt-image-2: 15–60 s
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`)).body.status).toBe(0);
    await clock.advance(45_001);
    const done = (await get(`${url}/api/ai/tasks/${body.taskId}`)).body;
    expect(done.status).toBe(1);

    // The same seed replays the same time: pending 1 ms before it, completed at it.
    const endsAt = Date.parse(done.updatedAt);
    const replay = await start();
    const again = (await post(`${replay.url}/api/ai/image/generate`, FOX)).body;
    expect(again.taskId).toBe(body.taskId);
    await replay.clock.advance(endsAt - replay.clock.now() - 1);
    expect((await get(`${replay.url}/api/ai/tasks/${again.taskId}`)).body.status).toBe(0);
    await replay.clock.advance(1);
    expect((await get(`${replay.url}/api/ai/tasks/${again.taskId}`)).body.status).toBe(1);
    expect(api.tasks()).toEqual(
      replay.api.tasks().map((task) => ({
        ...task,
        imageUrls: task.imageUrls.map((u) => u.replace(replay.url, url)),
      })),
    );
  });

  it("takes a time within each model's typical range", async () => {
    const { url, api, clock } = await start({ credits: 10_000 });
    for (const model of builtInModels)
      expect(
        (
          await post(
            `${url}${submitPath(requestFor(model) as { model: string })}`,
            requestFor(model),
          )
        ).status,
      ).toBe(200);
    await clock.advance(120_000);
    for (const task of api.tasks()) {
      const [fastest, slowest] = builtInModels.find((m) => m.id === task.model)!.typicalSeconds;
      const seconds = (Date.parse(task.updatedAt) - Date.parse(task.createdAt)) / 1000;
      expect(task.status).toBe(1);
      expect(seconds).toBeGreaterThanOrEqual(fastest);
      expect(seconds).toBeLessThanOrEqual(slowest);
    }
  });

  it('scales task times: fast is a tenth of realistic, instant is done at the first poll, a number is a factor', async () => {
    const seconds = async (timing: 'realistic' | 'fast' | 'instant' | number) => {
      const { url, api, clock } = await start({ timing });
      const { body } = await post(`${url}/api/ai/video/generate`, WAVES);
      const first = (await get(`${url}/api/ai/tasks/${body.taskId}`)).body.status;
      await clock.advance(200_000);
      const [task] = api.tasks();
      return { first, ms: Date.parse(task!.updatedAt) - Date.parse(task!.createdAt) };
    };
    const realistic = await seconds('realistic');
    expect(realistic.first).toBe(0);
    expect(Math.abs((await seconds('fast')).ms - realistic.ms / 10)).toBeLessThanOrEqual(1);
    expect(await seconds('instant')).toEqual({ first: 1, ms: 0 });
    expect(Math.abs((await seconds(0.5)).ms - realistic.ms / 2)).toBeLessThanOrEqual(1);
  });

  it('charges the published price of every priced model, options at their defaults', async () => {
    const { url, api } = await start({ credits: 10_000 });
    for (const model of builtInModels.filter((m) => m.credits !== null)) {
      const { body } = await post(
        `${url}${submitPath(requestFor(model) as { model: string })}`,
        requestFor(model),
      );
      expect(body.creditsUsed, model.id).toBe(estimateCredits({ model: model.id }));
    }
    const charged = api.tasks().reduce((sum, task) => sum + task.creditsUsed, 0);
    expect(api.balance()).toBe(10_000 - charged);
  });

  it('prices by resolution and duration, and charges the documented stand-in for unpublished prices', async () => {
    const { url } = await start({ credits: 10_000 });
    const price = async (body: Record<string, unknown>) =>
      (await post(`${url}${submitPath(body as { model: string })}`, body)).body.creditsUsed;
    expect(await price({ model: 'nano-banana-2', prompt: 'p', resolution: '4K' })).toBe(8);
    expect(await price({ model: 'nano-banana-pro', prompt: 'p' })).toBe(12);
    expect(
      await price({
        model: 'kling/v2-1-pro',
        prompt: 'p',
        inputMode: 'image_to_video',
        inputImageUrls: ['https://e.com/a.png'],
        duration: 10,
      }),
    ).toBe(42);
    expect(
      await price({
        model: 'sora-2-pro-text-to-video',
        prompt: 'p',
        inputMode: 'text_to_video',
        duration: 20,
        providerInput: { resolution: '1080p' },
      }),
    ).toBe(96);
    expect(
      await price({
        model: 'hailuo/02-text-to-video-standard',
        prompt: 'p',
        inputMode: 'text_to_video',
        duration: 10,
      }),
    ).toBe(21);
    // Not published: ceil(seconds × 0.5 | 1 | 1.5 for 480p | 720p | 1080p).
    expect(
      await price({ model: 'wan/2-6-text-to-video', prompt: 'p', inputMode: 'text_to_video' }),
    ).toBe(5);
    expect(
      await price({
        model: 'wan/2-6-text-to-video',
        prompt: 'p',
        inputMode: 'text_to_video',
        duration: 15,
        providerInput: { resolution: '1080p' },
      }),
    ).toBe(23);
    expect(
      await price({
        model: 'bytedance/seedance-1.5-pro',
        prompt: 'p a b',
        inputMode: 'text_to_video',
        duration: 4,
        providerInput: { resolution: '480p' },
      }),
    ).toBe(2);
    expect(
      await price({
        model: 'bytedance/seedance-1.5-pro',
        prompt: 'p a b',
        inputMode: 'text_to_video',
        duration: 12,
      }),
    ).toBe(12);
  });

  it('refunds a failed task when it fails, whether or not anyone polls', async () => {
    // A first run learns when the task fails; the same seed replays it to the millisecond.
    const learn = await start({ credits: 100 });
    learn.api.inject({ type: 'failTask' });
    await post(`${learn.url}/api/ai/video/generate`, WAVES);
    await learn.clock.advance(70_000); // veo3_fast: 30–70 s
    const failsAt = Date.parse(learn.api.tasks()[0]!.updatedAt);

    const { url, api, clock } = await start({ credits: 100 });
    api.inject({ type: 'failTask' });
    const { body } = await post(`${url}/api/ai/video/generate`, WAVES);
    expect(api.balance()).toBe(91);
    expect(api.tasks()[0]).toMatchObject({ status: 0, creditsRefunded: false, errorCode: null });
    await clock.advance(failsAt - clock.now() - 1);
    expect(api.balance()).toBe(91);
    await clock.advance(1);
    expect(api.balance()).toBe(100);
    expect(api.requests).toHaveLength(1); // nobody polled
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`)).body).toMatchObject({
      status: 2,
      imageUrls: [],
      videoUrl: null,
      errorCode: mockFailures.emptyResult.code,
      errorMessage: mockFailures.emptyResult.message,
      creditsUsed: 9,
      creditsRefunded: true,
    });
    // A completed task keeps its charge.
    await post(`${url}/api/ai/video/generate`, WAVES);
    await clock.advance(70_000);
    expect(api.balance()).toBe(91);
  });

  it('fails the share of tasks the failure rate says, with the API and provider codes', async () => {
    const { url, api, clock } = await start({ credits: 10_000, scenario: { failureRate: 0.5 } });
    for (let i = 0; i < 40; i++) await post(`${url}/api/ai/image/generate`, FOX);
    await clock.advance(60_000);
    const tasks = api.tasks();
    const failed = tasks.filter((task) => task.status === 2);
    expect(failed.length).toBeGreaterThan(8);
    expect(failed.length).toBeLessThan(32);
    expect(tasks.filter((task) => task.status === 1)).toHaveLength(40 - failed.length);
    expect(new Set(failed.map((task) => task.errorCode))).toEqual(
      new Set(['EMPTY_RESULT', 'STORAGE_ERROR', 'moderation_blocked']),
    );
    expect(api.balance()).toBe(10_000 - 3 * (40 - failed.length));
  });

  it('scopes tasks and balances to their key', async () => {
    const { url, api } = await start({ keys: { sk_a: { credits: 10 }, sk_b: { credits: 10 } } });
    const { body } = await post(`${url}/api/ai/image/generate`, FOX, 'sk_a');
    expect(api.balance('sk_a')).toBe(7);
    expect(api.balance('sk_b')).toBe(10);
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_b')).body).toEqual({
      error: 'Task not found',
    });
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_a')).body.taskId).toBe(body.taskId);
    expect(api.tasks('sk_a')).toHaveLength(1);
    expect(api.tasks('sk_b')).toEqual([]);
    // A key added later authenticates and has its own balance.
    expect((await post(`${url}/api/ai/image/generate`, FOX, 'sk_c')).status).toBe(401);
    api.setBalance('sk_c', 3);
    expect((await post(`${url}/api/ai/image/generate`, FOX, 'sk_c')).status).toBe(200);
    expect(api.balance('sk_c')).toBe(0);
    expect(() => api.balance()).toThrow(/name the one you mean/);
    expect(() => api.balance('sk_zz')).toThrow(/Unknown key/);
  });

  it('runs one anonymous account when no keys are given', async () => {
    const { url, api } = await start();
    expect(api.balance()).toBe(1000);
    expect((await post(`${url}/api/ai/image/generate`, FOX)).status).toBe(200);
    expect((await post(`${url}/api/ai/image/generate`, FOX, 'sk_anything')).status).toBe(200);
    expect(api.balance()).toBe(994);
    api.setBalance(2);
    expect((await post(`${url}/api/ai/image/generate`, FOX)).body).toEqual({
      error: 'Insufficient credits',
      required: 3,
    });
    expect(() => api.balance('sk_a')).toThrow(/no keys/);
    expect((await start({ credits: 7 })).api.balance()).toBe(7);
  });

  it('records every request for inspection', async () => {
    const { url, api, clock } = await start({ keys: { sk_a: { credits: 10 } } });
    await clock.advance(1234);
    await post(`${url}/api/ai/image/generate`, FOX, 'sk_a');
    await get(`${url}/api/ai/tasks/tsk_nope`, 'sk_a');
    expect(api.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/ai/image/generate',
        body: FOX,
        status: 200,
        fault: null,
        time: clock.now(),
      }),
      expect.objectContaining({
        method: 'GET',
        path: '/api/ai/tasks/tsk_nope',
        body: undefined,
        status: 404,
      }),
    ]);
    expect(api.requests[0]!.headers).toMatchObject({
      authorization: 'Bearer sk_a',
      'content-type': 'application/json',
    });
    expect(api.requests[0]!.url).toBe(`${url}/api/ai/image/generate`);
  });

  it('replays identically from the same seed, and differently from another', async () => {
    const session = async (seed: number) => {
      const { url, api, clock } = await start({
        seed,
        credits: 10_000,
        scenario: { failureRate: 0.3, faultRate: 0.3 },
      });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await post(
          `${url}${i % 2 ? '/api/ai/video/generate' : '/api/ai/image/generate'}`,
          i % 2 ? WAVES : FOX,
        ).catch(() => null);
        statuses.push(res?.status ?? 0);
      }
      await clock.advance(120_000);
      return {
        statuses,
        tasks: api.tasks().map(({ imageUrls, videoUrl, ...task }) => ({
          ...task,
          outputs: imageUrls.length + (videoUrl ? 1 : 0),
        })),
        balance: api.balance(),
      };
    };
    const first = await session(42);
    expect(await session(42)).toEqual(first);
    expect(new Set(first.statuses).size).toBeGreaterThan(1); // faults did strike
    const other = await session(43);
    expect(other.tasks.map((task) => task.taskId)).not.toEqual(
      first.tasks.map((task) => task.taskId),
    );
  });

  it('reset() forgets everything and replays from the start', async () => {
    const { url, api } = await start({ keys: { sk_a: { credits: 10 } } });
    const first = (await post(`${url}/api/ai/image/generate`, FOX, 'sk_a')).body.taskId;
    api.setScenario('unauthorized');
    api.inject('drop', { times: Infinity });
    api.reset();
    expect(api.requests).toEqual([]);
    expect(api.tasks()).toEqual([]);
    expect(api.balance('sk_a')).toBe(10);
    expect(api.scenario).toEqual({});
    // The virtual clock has not moved, and the seed starts over: the same id again.
    expect((await post(`${url}/api/ai/image/generate`, FOX, 'sk_a')).body.taskId).toBe(first);
  });

  it('writes output URLs on outputBaseUrl when given', async () => {
    const { url, api, clock } = await start({
      timing: 'instant',
      outputBaseUrl: 'http://cdn.localhost:9999/',
    });
    const { body } = await post(`${url}/api/ai/image/generate`, FOX);
    await clock.advance(0);
    expect(api.tasks()[0]!.imageUrls).toEqual([
      `http://cdn.localhost:9999/__mock__/outputs/${body.taskId}/image-1.svg`,
    ]);
    expect((await get(`${url}/__mock__/outputs/${body.taskId}/image-1.svg`)).status).toBe(200);
  });
});

// The standalone server over real HTTP on 127.0.0.1: every documented status and body, as curl sees them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { TaskFailedError } from '../../src/core/errors.js';
import { createVirtualClock, mockScenarios, type VirtualClock } from '../../src/mock/index.js';
import { startMockServer, type MockServer } from '../../src/mock/node.js';
import { videoClips } from '../../src/mock/outputs/video-clips.js';
import { FOX, TASK_ID, WAVES, call, get, post } from '../helpers/api-calls.js';

let clock: VirtualClock;
let server: MockServer;
let url: string;

beforeEach(async () => {
  clock = createVirtualClock();
  server = await startMockServer({
    port: 0,
    clock,
    seed: 7,
    keys: { sk_a: { credits: 100 }, sk_b: { credits: 5 } },
  });
  url = server.url;
});
afterEach(() => server.close());

describe('the mock server over real HTTP', () => {
  it('listens on 127.0.0.1 at the port it reports', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toMatch(/:0$/);
  });

  it('accepts a submit with { taskId, status: 0, creditsUsed } and debits the key', async () => {
    const res = await post(`${url}/api/ai/image/generate`, FOX, 'sk_a');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body).toEqual({ taskId: expect.stringMatching(TASK_ID), status: 0, creditsUsed: 3 });
    expect(server.api.balance('sk_a')).toBe(97);
    expect(server.api.balance('sk_b')).toBe(5);
  });

  it('shows the canonical snapshot, pending until the clock passes the task, then completed', async () => {
    const { body: submitted } = await post(`${url}/api/ai/image/generate`, FOX, 'sk_a');
    const createdAt = new Date(clock.now()).toISOString();
    const pending = await get(`${url}/api/ai/tasks/${submitted.taskId}`, 'sk_a');
    expect(pending.body).toEqual({
      taskId: submitted.taskId,
      type: 'image',
      status: 0,
      model: 'gpt-image-2',
      prompt: FOX.prompt,
      imageUrls: [],
      videoUrl: null,
      errorCode: null,
      errorMessage: null,
      creditsUsed: 3,
      creditsRefunded: false,
      createdAt,
      updatedAt: createdAt,
    });
    await clock.advance(60_000); // gpt-image-2 takes 15–60 s
    const done = await get(`${url}/api/ai/tasks/${submitted.taskId}`, 'sk_a');
    expect(done.body).toMatchObject({
      status: 1,
      imageUrls: [`${url}/__mock__/outputs/${submitted.taskId}/image-1.svg`],
      videoUrl: null,
      createdAt,
    });
    expect(Date.parse(done.body.updatedAt) - Date.parse(createdAt)).toBeGreaterThanOrEqual(15_000);
  });

  it('answers 400 Invalid request with the flattened field errors', async () => {
    const missing = await post(`${url}/api/ai/image/generate`, { model: 'gpt-image-2' }, 'sk_a');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: 'Invalid request',
      details: { formErrors: [], fieldErrors: { prompt: ['Prompt is required'] } },
    });

    const several = await post(
      `${url}/api/ai/video/generate`,
      { ...WAVES, duration: 5, fps: 0, cameraAngle: 'low' },
      'sk_a',
    );
    expect(several.status).toBe(400);
    expect(several.body.error).toBe('Invalid request');
    expect(several.body.details.formErrors).toEqual([expect.stringContaining('"cameraAngle"')]);
    expect(several.body.details.fieldErrors).toEqual({
      duration: ['duration must be 8 for veo3_fast (fixed)'],
      fps: ['fps must be an integer from 1 to 60'],
    });
    expect(server.api.balance('sk_a')).toBe(100);
  });

  it('answers 400 to a body that is not JSON, and 415 to another content type', async () => {
    const broken = await call(`${url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer sk_a' },
      body: '{"prompt":',
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({
      error: 'Invalid request',
      details: { formErrors: ['The request body is not valid JSON'], fieldErrors: {} },
    });
    const text = await call(`${url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer sk_a' },
      body: JSON.stringify(FOX),
    });
    expect(text.status).toBe(415);
    expect(text.body.error).toMatch(/application\/json/);
  });

  it('answers 401 Unauthorized without a valid bearer key, on every endpoint', async () => {
    const unauthorized = { error: 'Unauthorized' };
    for (const res of [
      await post(`${url}/api/ai/image/generate`, FOX),
      await post(`${url}/api/ai/video/generate`, WAVES, 'sk_nope'),
      await call(`${url}/api/ai/image/generate`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'sk_a' },
        body: JSON.stringify(FOX),
      }),
      await get(`${url}/api/ai/tasks/tsk_01J9XA5M2R9W4QZC4PYJF3N7ND`),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(unauthorized);
    }
    expect(server.api.tasks()).toEqual([]);
  });

  it('answers 402 with the price and charges nothing when the balance is short', async () => {
    const res = await post(`${url}/api/ai/video/generate`, WAVES, 'sk_b'); // 9 credits, 5 on the key
    expect(res.status).toBe(402);
    expect(res.body).toEqual({ error: 'Insufficient credits', required: 9 });
    expect(server.api.balance('sk_b')).toBe(5);
    expect(server.api.tasks('sk_b')).toEqual([]);
    // Exactly enough is enough.
    server.api.setBalance('sk_b', 9);
    expect((await post(`${url}/api/ai/video/generate`, WAVES, 'sk_b')).status).toBe(200);
    expect(server.api.balance('sk_b')).toBe(0);
  });

  it("answers 404 Task not found for an unknown id and for another key's task", async () => {
    const { body } = await post(`${url}/api/ai/image/generate`, FOX, 'sk_a');
    for (const res of [
      await get(`${url}/api/ai/tasks/tsk_01J9XA5M2R9W4QZC4PYJF3N7ND`, 'sk_a'),
      await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_b'),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: 'Task not found' });
    }
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_a')).status).toBe(200);
  });

  it('answers 404 to unknown paths and 405 (with Allow) to wrong methods', async () => {
    const unknown = await get(`${url}/api/ai/images`, 'sk_a');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'Not found' });
    const getSubmit = await get(`${url}/api/ai/video/generate`, 'sk_a');
    expect(getSubmit.status).toBe(405);
    expect(getSubmit.headers.get('allow')).toBe('POST');
    const postTask = await post(`${url}/api/ai/tasks/tsk_x`, {}, 'sk_a');
    expect(postTask.status).toBe(405);
    expect(postTask.headers.get('allow')).toBe('GET');
  });

  it('serves a completed image as an SVG at the requested aspect ratio, showing the prompt and model', async () => {
    const { body } = await post(
      `${url}/api/ai/image/generate`,
      { model: 'nano-banana-2', prompt: 'Fox & <hound>', aspectRatio: '9:16', resolution: '2K' },
      'sk_a',
    );
    const imageUrl = `${url}/__mock__/outputs/${body.taskId}/image-1.svg`;
    expect((await get(imageUrl)).status).toBe(404); // not made yet
    await clock.advance(30_000);
    const { body: task } = await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_a');
    expect(task.imageUrls).toEqual([imageUrl]);
    const image = await get(imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(image.body).toMatch(/^<svg [^>]*width="1152" height="2048"/);
    expect(image.body).toContain('Fox &amp; &lt;hound&gt;');
    expect(image.body).toContain('nano-banana-2');
  });

  it('serves a completed video as a real MP4 of the nearest shape, with byte ranges', async () => {
    const { body } = await post(`${url}/api/ai/video/generate`, WAVES, 'sk_a');
    await clock.advance(70_000);
    const { body: task } = await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_a');
    expect(task).toMatchObject({
      status: 1,
      type: 'video',
      imageUrls: [],
      videoUrl: `${url}/__mock__/outputs/${body.taskId}/video.mp4`,
    });
    const res = await fetch(task.videoUrl);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe('ftyp');
    expect(Buffer.from(bytes).toString('base64')).toBe(videoClips['9:16']);
    const part = await fetch(task.videoUrl, { headers: { Range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${bytes.length}`);
    expect((await part.arrayBuffer()).byteLength).toBe(100);
  });

  it('fails a task at its time, refunds it and says so in the snapshot', async () => {
    server.api.setScenario('providerFailure');
    const { body } = await post(`${url}/api/ai/video/generate`, WAVES, 'sk_a');
    expect(server.api.balance('sk_a')).toBe(91);
    await clock.advance(70_000);
    expect(server.api.balance('sk_a')).toBe(100);
    const { body: task } = await get(`${url}/api/ai/tasks/${body.taskId}`, 'sk_a');
    expect(task).toMatchObject({
      status: 2,
      videoUrl: null,
      errorCode: mockScenarios.providerFailure.failure.code,
      errorMessage: mockScenarios.providerFailure.failure.message,
      creditsUsed: 9,
      creditsRefunded: true,
    });
  });

  it('drops the connection when told to: the client gets no response at all', async () => {
    server.api.inject('drop');
    await expect(
      fetch(`${url}/api/ai/tasks/tsk_x`, { headers: { Authorization: 'Bearer sk_a' } }),
    ).rejects.toThrow(TypeError);
    expect(server.api.requests.at(-1)).toMatchObject({
      path: '/api/ai/tasks/tsk_x',
      status: 0,
      fault: 'drop',
    });
    expect((await get(`${url}/api/ai/tasks/tsk_x`, 'sk_a')).status).toBe(404);
  });
});

describe('the client against the mock server, on the real clock', () => {
  let live: MockServer;
  beforeEach(async () => {
    live = await startMockServer({
      port: 0,
      timing: 'instant',
      keys: { sk_live_test: { credits: 50 } },
    });
  });
  afterEach(() => live.close());

  it('submits, reads and waits for a task to completion', async () => {
    const client = createClient({
      baseUrl: live.url,
      apiKey: 'sk_live_test',
      pollSchedule: () => 0,
    });
    const submission = await client.generateImage({
      model: 'nano-banana-pro',
      prompt: 'A lighthouse at dusk',
      resolution: '4K',
    });
    expect(submission).toEqual({
      taskId: expect.stringMatching(TASK_ID),
      creditsUsed: 20,
      status: 'pending',
    });
    const task = await client.waitForTask(submission.taskId);
    expect(task).toMatchObject({
      id: submission.taskId,
      status: 'completed',
      model: 'nano-banana-pro',
      creditsUsed: 20,
      creditsRefunded: false,
    });
    expect((await fetch(task.imageUrls[0]!)).headers.get('content-type')).toMatch(
      /^image\/svg\+xml/,
    );
    expect(live.api.balance()).toBe(30);
  });

  it('waits for a task to failure, with the refund', async () => {
    live.api.inject({ type: 'failTask', code: 'STORAGE_ERROR' });
    const client = createClient({
      baseUrl: live.url,
      apiKey: 'sk_live_test',
      pollSchedule: () => 0,
    });
    const { taskId } = await client.generateVideo({
      model: 'veo3_lite',
      prompt: 'Rain on a window',
    });
    const failed = await client.waitForTask(taskId).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(TaskFailedError);
    expect(failed).toMatchObject({
      errorCode: 'STORAGE_ERROR',
      errorMessage: 'The output could not be saved to storage',
      creditsRefunded: true,
    });
    expect(live.api.balance()).toBe(50);
  });
});

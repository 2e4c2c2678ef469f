// The mock's list of tasks (`GET /api/ai/tasks`): per account, newest first, paged by opaque cursors.
import { describe, expect, it } from 'vitest';
import { createMockApi, createVirtualClock } from '../../src/mock/index.js';
import { FOX } from '../helpers/api-calls.js';

const BASE = 'http://mock.test';

function setup(options: Parameters<typeof createMockApi>[0] = {}) {
  const clock = createVirtualClock();
  const api = createMockApi({ clock, seed: 7, timing: 'fast', ...options });
  const call = async (method: string, path: string, body?: unknown, key?: string) => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (key) headers.Authorization = `Bearer ${key}`;
    const response = await api.handle(
      new Request(BASE + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read field by field
    return { status: response.status, body: (await response.json()) as any };
  };
  const submit = async (prompt: string, key?: string) => {
    const { body } = await call('POST', '/api/ai/image/generate', { ...FOX, prompt }, key);
    await clock.advance(1);
    return body.taskId as string;
  };
  return { api, clock, call, submit };
}

describe('the mock list of tasks', () => {
  it('lists tasks newest first with their requests and live snapshots', async () => {
    const { call, clock, submit } = setup();
    const first = await submit('one');
    const video = await call('POST', '/api/ai/video/generate', {
      model: 'sora-2-text-to-video',
      prompt: 'two',
      inputMode: 'text_to_video',
      duration: 5,
      providerInput: { resolution: '720p' },
    });
    const { status, body } = await call('GET', '/api/ai/tasks');
    expect(status).toBe(200);
    expect(body.tasks.map((task: { taskId: string }) => task.taskId)).toEqual([
      video.body.taskId,
      first,
    ]);
    expect(body.nextCursor).toBeNull();
    // The request as the client sent it, a video's resolution back in `resolution`.
    expect(body.tasks[0].request).toEqual({
      model: 'sora-2-text-to-video',
      prompt: 'two',
      inputMode: 'text_to_video',
      duration: 5,
      resolution: '720p',
    });
    expect(body.tasks[1]).toMatchObject({ status: 0, request: { ...FOX, prompt: 'one' } });
    await clock.advance(10 * 60_000);
    const later = await call('GET', '/api/ai/tasks');
    expect(later.body.tasks[1].status).toBe(1);
  });

  it('pages by cursor without repeating or skipping when a task is submitted between pages', async () => {
    const { call, submit } = setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submit(`task ${i}`));
    const first = await call('GET', '/api/ai/tasks?limit=2');
    expect(first.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([ids[4], ids[3]]);
    await submit('a new one');
    const second = await call('GET', `/api/ai/tasks?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([ids[2], ids[1]]);
    const third = await call('GET', `/api/ai/tasks?limit=2&cursor=${second.body.nextCursor}`);
    expect(third.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([ids[0]]);
    expect(third.body.nextCursor).toBeNull();
  });

  it('keeps each key to its own tasks', async () => {
    const { call, submit } = setup({ keys: { sk_a: { credits: 100 }, sk_b: { credits: 100 } } });
    const a = await submit('mine', 'sk_a');
    await submit('theirs', 'sk_b');
    const { body } = await call('GET', '/api/ai/tasks', undefined, 'sk_a');
    expect(body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([a]);
    expect((await call('GET', '/api/ai/tasks')).status).toBe(401);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=not-a-cursor', 'cursor'],
    ['cursor=', 'cursor'],
  ])('answers ?%s with the API 400 naming %s', async (query, field) => {
    const { call } = setup();
    const { status, body } = await call('GET', `/api/ai/tasks?${query}`);
    expect(status).toBe(400);
    expect(body.error).toBe('Invalid request');
    expect(Object.keys(body.details.fieldErrors)).toEqual([field]);
    expect(body.details.fieldErrors[field][0]).toMatch(new RegExp(`^${field} must`));
  });

  it('answers 404 as the real API does when made with taskList: false', async () => {
    const { call } = setup({ taskList: false });
    expect((await call('GET', '/api/ai/tasks')).status).toBe(404);
  });
});

// The proxy's history: GET {prefix}/api/ai/tasks over real HTTP on 127.0.0.1, the browser client
// (no key) → the proxy with its default memory store → the mock API server on a virtual clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  fixedPollSchedule,
  HistoryUnavailableError,
  ValidationError,
  type GptImageClient,
} from '../../src/core/index.js';
import { createVirtualClock } from '../../src/mock/index.js';
import { startMockServer, type MockServer } from '../../src/mock/node.js';
import {
  createMemoryTaskOwnerStore,
  createProxyHandler,
  toNodeHandler,
  type ProxyOptions,
} from '../../src/server/index.js';
import { KEY, authorizeByHeader, listen, send } from '../helpers/proxy-server.js';

const clock = createVirtualClock();
let mock: MockServer;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, clock, seed: 5, keys: { [KEY]: { credits: 10_000 } } });
  afterAll(() => mock.close());
});
beforeEach(() => mock.api.reset());

async function startProxy(options: Partial<ProxyOptions> = {}) {
  const handler = createProxyHandler({
    apiKey: KEY,
    baseUrl: mock.url,
    authorize: authorizeByHeader,
    onError: () => {},
    prefix: '/gen',
    ...options,
  });
  return (await listen(toNodeHandler(handler))).url;
}

/** The browser client of one user, as a page would make it: no key, the proxy's prefix. */
const browser = (url: string, user: string): GptImageClient =>
  createClient({
    baseUrl: `${url}/gen`,
    headers: { 'x-user': user },
    retry: false,
    pollSchedule: fixedPollSchedule(0),
  });

const image = (prompt: string) => ({ model: 'gpt-image-2', prompt, aspectRatio: '1:1' }) as const;

describe('the proxy history', () => {
  it("lists only the user's own tasks, newest first, each with its request and last known snapshot", async () => {
    const url = await startProxy();
    const alice = browser(url, 'alice');
    const bob = browser(url, 'bob');
    const first = await alice.generateImage(image('A fox'));
    const video = await alice.generateVideo({
      model: 'sora-2-text-to-video',
      prompt: 'Waves',
      duration: 5,
      resolution: '1080p',
    });
    const theirs = await bob.generateImage(image('Not yours'));

    const page = await alice.listTasks();
    expect(page.nextCursor).toBeNull();
    expect(page.tasks.map((task) => task.id)).toEqual([video.taskId, first.taskId]);
    expect(page.tasks[0]).toMatchObject({
      status: 'pending',
      type: 'video',
      model: 'sora-2-text-to-video',
      prompt: 'Waves',
      creditsUsed: video.creditsUsed,
      // As the client sent it, the resolution where the request type has it.
      request: {
        model: 'sora-2-text-to-video',
        prompt: 'Waves',
        duration: 5,
        resolution: '1080p',
        inputMode: 'text_to_video',
      },
    });
    expect(page.tasks[1]!.request).toEqual(image('A fox'));
    expect((await bob.listTasks()).tasks.map((task) => task.id)).toEqual([theirs.taskId]);
    // Nothing reached the API for a list.
    expect(mock.api.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it('keeps the snapshot each relayed poll brings', async () => {
    const url = await startProxy();
    const alice = browser(url, 'alice');
    const { taskId } = await alice.generateImage(image('A lighthouse'));
    expect((await alice.listTasks()).tasks[0]).toMatchObject({ status: 'pending', imageUrls: [] });
    await clock.advance(120_000);
    // Nobody polled: the list still shows the last known snapshot; the browser follows it live.
    expect((await alice.listTasks()).tasks[0]!.status).toBe('pending');
    const done = await alice.getTask(taskId);
    expect(done.status).toBe('completed');
    const listed = (await alice.listTasks()).tasks[0]!;
    expect(listed).toMatchObject({ status: 'completed', imageUrls: done.imageUrls });
    expect(listed.request).toEqual(image('A lighthouse'));
  });

  it('pages without repeating or skipping a task when one is submitted between pages', async () => {
    const url = await startProxy();
    const alice = browser(url, 'alice');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await alice.generateImage(image(`Task ${i}`))).taskId);
    const first = await alice.listTasks({ limit: 2 });
    expect(first.tasks.map((task) => task.id)).toEqual([ids[4], ids[3]]);
    const newer = (await alice.generateImage(image('Submitted between pages'))).taskId;
    const second = await alice.listTasks({ limit: 2, cursor: first.nextCursor });
    expect(second.tasks.map((task) => task.id)).toEqual([ids[2], ids[1]]);
    const third = await alice.listTasks({ limit: 2, cursor: second.nextCursor });
    expect(third.tasks.map((task) => task.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
    expect((await alice.listTasks({ limit: 1 })).tasks[0]!.id).toBe(newer);
    // The default page is 20.
    for (let i = 0; i < 16; i++) await alice.generateImage(image(`More ${i}`));
    const full = await alice.listTasks();
    expect(full.tasks).toHaveLength(20);
    expect(full.nextCursor).not.toBeNull();
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=1e1', 'limit'],
    ['limit=-5', 'limit'],
    ['cursor=%3Cscript%3E', 'cursor'],
    ['cursor=MTIzOmFiYw', null], // a well-formed cursor (no such task): an empty page, not an error
  ])('answers ?%s with the API 400 naming the parameter and its rule', async (query, field) => {
    const url = await startProxy();
    const answer = await send(url, `/gen/api/ai/tasks?${query}`, {
      headers: { 'x-user': 'alice' },
    });
    if (field === null) {
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ tasks: [], nextCursor: null });
      return;
    }
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      error: 'Invalid request',
      details: { fieldErrors: { [field]: [expect.stringMatching(new RegExp(`^${field} must`))] } },
    });
  });

  it('refuses an unknown user (401), answers 405 to a POST on the list, and a bad limit reaches the client typed', async () => {
    const url = await startProxy();
    expect((await send(url, '/gen/api/ai/tasks')).status).toBe(401);
    const post = await send(url, '/gen/api/ai/tasks', {
      method: 'POST',
      headers: { 'x-user': 'alice' },
    });
    expect(post).toMatchObject({ status: 405, headers: { allow: 'GET' } });
    // The browser client gets the 400 as its typed error, naming the field.
    const error = await browser(url, 'alice')
      .listTasks({ limit: 500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.limit).toEqual([
      'limit must be a whole number from 1 to 100 (got "500")',
    ]);
  });

  it('forgets tasks with their owners after taskTtlMs', async () => {
    let now = Date.now();
    const url = await startProxy({
      taskTtlMs: 60_000,
      taskStore: createMemoryTaskOwnerStore({ now: () => now }),
    });
    const alice = browser(url, 'alice');
    const { taskId } = await alice.generateImage(image('Soon gone'));
    now += 30_000;
    expect((await alice.listTasks()).tasks.map((task) => task.id)).toEqual([taskId]);
    now += 31_000;
    expect(await alice.listTasks()).toEqual({ tasks: [], nextCursor: null });
    expect(
      (await send(url, `/gen/api/ai/tasks/${taskId}`, { headers: { 'x-user': 'alice' } })).status,
    ).toBe(404);
  });

  it('answers 501, which the client reports as HistoryUnavailableError, with a store that keeps no history', async () => {
    const owners = new Map<string, string>();
    const url = await startProxy({
      taskStore: {
        get: (taskId) => owners.get(taskId),
        set: (taskId, userId) => void owners.set(taskId, userId),
      },
    });
    const alice = browser(url, 'alice');
    const { taskId } = await alice.generateImage(image('Still works'));
    expect((await alice.getTask(taskId)).id).toBe(taskId);
    const answer = await send(url, '/gen/api/ai/tasks', { headers: { 'x-user': 'alice' } });
    expect(answer.status).toBe(501);
    expect(answer.json).toMatchObject({ error: expect.stringMatching(/keeps no history/) });
    await expect(alice.listTasks()).rejects.toBeInstanceOf(HistoryUnavailableError);
  });
});

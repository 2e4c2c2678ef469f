// Browser-side client (no key) → the proxy on Node's http server → the mock API server, all over real
// HTTP on 127.0.0.1. The mock's task times run on a virtual clock the test moves; HTTP is real.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  extendRegistry,
  defaultRegistry,
  fixedPollSchedule,
  InsufficientCreditsError,
  RateLimitedError,
  ServerError,
  SubmitOutcomeUnknownError,
  TaskFailedError,
  TaskNotFoundError,
  ValidationError,
  type GptImageClient,
} from '../../src/core/index.js';
import { createVirtualClock } from '../../src/mock/index.js';
import { startMockServer, type MockServer } from '../../src/mock/node.js';
import { createProxyHandler, toNodeHandler } from '../../src/server/index.js';
import { KEY, listen } from '../helpers/proxy-server.js';

const clock = createVirtualClock();
let mock: MockServer;
let proxyUrl: string;
/** Every body the browser received, to show the key never reached it. */
const received: string[] = [];

/** The app's authorize: the user named by a `session` cookie. */
const bySessionCookie = (request: Request) =>
  /(?:^|;\s*)session=(\w+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null;

beforeAll(async () => {
  mock = await startMockServer({ port: 0, clock, seed: 11, keys: { [KEY]: { credits: 100 } } });
  afterAll(() => mock.close());
  const handler = createProxyHandler({
    apiKey: KEY,
    baseUrl: mock.url,
    authorize: bySessionCookie,
    onError: () => {},
  });
  proxyUrl = (await listen(toNodeHandler(handler))).url;
});

beforeEach(() => mock.api.reset());

/** The client as a browser page would make it: the proxy's origin, a session cookie, no key. */
function browserClient(user: string, registry = defaultRegistry): GptImageClient {
  return createClient({
    baseUrl: proxyUrl,
    registry,
    headers: { cookie: `session=${user}` },
    retry: false,
    pollSchedule: fixedPollSchedule(0),
    fetch: async (input, init) => {
      const response = await fetch(input, init);
      received.push(await response.clone().text(), JSON.stringify([...response.headers]));
      return response;
    },
  });
}

const alice = () => browserClient('alice');
const taskPolls = () =>
  mock.api.requests.filter(
    (request) => request.method === 'GET' && request.path.startsWith('/api/ai/tasks/'),
  );

afterAll(() => {
  expect(received.length).toBeGreaterThan(10);
  expect(received.join('\n')).not.toContain(KEY);
});

describe('through the proxy, end to end', () => {
  it('submits an image, sees it pending, and follows it to its output', async () => {
    const client = alice();
    const { taskId, creditsUsed } = await client.generateImage({
      model: 'gpt-image-2',
      prompt: 'A red fox in fresh snow',
      aspectRatio: '16:9',
    });
    expect(creditsUsed).toBe(3);
    expect(mock.api.balance(KEY)).toBe(97);
    const [submit] = mock.api.requests;
    expect(submit!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(submit!.headers.cookie).toBeUndefined();

    expect(await client.getTask(taskId)).toMatchObject({ id: taskId, status: 'pending' });
    await clock.advance(60_000); // gpt-image-2 takes 15–60 s
    const task = await client.waitForTask(taskId);
    expect(task).toMatchObject({ status: 'completed', model: 'gpt-image-2', creditsUsed: 3 });
    // The output lives on the API's CDN (here, the mock), not behind the proxy.
    expect(await (await fetch(task.imageUrls[0]!)).text()).toContain('A red fox in fresh snow');
  });

  it('submits a video with a resolution, which reaches the API in providerInput', async () => {
    const client = alice();
    const { taskId, creditsUsed } = await client.generateVideo({
      model: 'sora-2-text-to-video',
      prompt: 'Waves at dusk',
      duration: 5,
      resolution: '1080p',
      aspectRatio: '16:9',
    });
    expect(creditsUsed).toBe(8);
    expect(mock.api.requests[0]!.body).toMatchObject({
      inputMode: 'text_to_video',
      providerInput: { resolution: '1080p' },
    });
    await clock.advance(600_000);
    expect(await client.waitForTask(taskId)).toMatchObject({
      status: 'completed',
      videoUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
    });
  });

  it('reports a failed task and its refund', async () => {
    mock.api.inject({ type: 'failTask', code: 'STORAGE_ERROR' }, { method: 'POST' });
    const client = alice();
    const { taskId } = await client.generateImage({
      model: 'nano-banana-pro',
      prompt: 'A lighthouse',
      resolution: '4K',
    });
    expect(mock.api.balance(KEY)).toBe(80);
    await clock.advance(600_000);
    const error = await client.waitForTask(taskId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ errorCode: 'STORAGE_ERROR', creditsRefunded: true });
    expect(mock.api.balance(KEY)).toBe(100);
  });

  it('passes on 402 Insufficient credits with the price; nothing is charged', async () => {
    mock.api.setBalance(KEY, 10);
    const error = await alice()
      .generateVideo({ model: 'veo3', prompt: 'A cup', duration: 8 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InsufficientCreditsError);
    expect(error).toMatchObject({ required: 63 });
    expect(mock.api.balance(KEY)).toBe(10);
  });

  it('keeps each user to their own tasks: another user gets Task not found, and the API is not asked', async () => {
    const { taskId } = await alice().generateImage({ model: 'gpt-image-2', prompt: 'Mine' });
    const error = await browserClient('bob')
      .getTask(taskId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskNotFoundError);
    expect(error).toMatchObject({ taskId });
    expect(taskPolls()).toHaveLength(0);
    expect(await alice().getTask(taskId)).toMatchObject({ id: taskId });
    expect(taskPolls()).toHaveLength(1);
  });

  it('refuses a request the browser let through (a tampered registry) before the API sees it', async () => {
    const lax = extendRegistry(defaultRegistry, {
      override: { 'kling/v2-1-pro': { durations: [5, 7, 10] } },
    });
    const error = await browserClient('alice', lax)
      .generateVideo({
        model: 'kling/v2-1-pro',
        prompt: 'Slow pan',
        duration: 7 as 5,
        inputImageUrls: ['https://cdn.test/frame.png'],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      source: 'server',
      fieldErrors: { duration: ['duration must be one of 5, 10 for kling/v2-1-pro'] },
    });
    expect(mock.api.requests).toHaveLength(0);
  });

  it('answers a submit whose connection the API dropped with a 502: the client says the outcome is unknown', async () => {
    mock.api.inject({ type: 'drop', phase: 'after' });
    const error = await alice()
      .generateImage({ model: 'gpt-image-2', prompt: 'Lost' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect((error as SubmitOutcomeUnknownError).cause).toBeInstanceOf(ServerError);
    expect(mock.api.balance(KEY)).toBe(97); // charged: exactly why the client must not resubmit blindly
  });

  it('passes on a 429 with its Retry-After', async () => {
    const { taskId } = await alice().generateImage({ model: 'gpt-image-2', prompt: 'Busy' });
    mock.api.inject({ type: 'rateLimit', retryAfter: 3 }, { method: 'GET' });
    const error = await alice()
      .getTask(taskId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 3000 });
  });

  it('turns a refused server key into a 502, not a 401 that would send the user to log in again', async () => {
    const handler = createProxyHandler({
      apiKey: 'sk_live_revoked',
      baseUrl: mock.url,
      authorize: bySessionCookie,
      onError: () => {},
    });
    const { url } = await listen(toNodeHandler(handler));
    const client = createClient({ baseUrl: url, headers: { cookie: 'session=alice' } });
    const error = await client
      .generateImage({ model: 'gpt-image-2', prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect((error as SubmitOutcomeUnknownError).cause).toMatchObject({
      code: 'server_error',
      status: 502,
    });
  });
});

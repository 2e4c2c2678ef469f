import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  HttpError,
  InsufficientCreditsError,
  RateLimitedError,
  SubmitOutcomeUnknownError,
  UnauthorizedError,
  ValidationError,
} from '../../src/core/index.js';
import { API, recordRequests, setupMswServer } from '../helpers/msw-server.js';

const server = setupMswServer();
const seen = recordRequests(server);
const client = createClient({ baseUrl: API, apiKey: 'sk_live_test' });
const sora = {
  model: 'sora-2-text-to-video',
  prompt: 'A ceramic cup',
  aspectRatio: '16:9',
  duration: 5,
} as const;

describe('submitting', () => {
  it('posts the documented body with the key and returns the task id and credits', async () => {
    server.use(
      http.post(`${API}/api/ai/video/generate`, () =>
        HttpResponse.json({ taskId: 'tsk_1', status: 0, creditsUsed: 5 }),
      ),
    );
    seen.length = 0;
    await expect(client.generateVideo({ ...sora, resolution: '1080p' })).resolves.toEqual({
      taskId: 'tsk_1',
      creditsUsed: 5,
      status: 'pending',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer sk_live_test');
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    // The library's `resolution` travels in providerInput for video; inputMode is filled in.
    expect(JSON.parse(seen[0]!.body)).toEqual({
      ...sora,
      inputMode: 'text_to_video',
      providerInput: { resolution: '1080p' },
    });
  });

  it('sends an image resolution at the top level and never sends inputMode for images', async () => {
    server.use(
      http.post(`${API}/api/ai/image/generate`, () =>
        HttpResponse.json({ taskId: 'tsk_2', status: 0, creditsUsed: 6 }),
      ),
    );
    seen.length = 0;
    await client.generateImage({
      model: 'nano-banana-2',
      prompt: 'A fox',
      resolution: '2K',
      inputMode: 'text_to_image',
    });
    expect(JSON.parse(seen[0]!.body)).toEqual({
      model: 'nano-banana-2',
      prompt: 'A fox',
      resolution: '2K',
    });
  });

  it('accepts the quickstart spelling `id` in a submit response', async () => {
    server.use(
      http.post(`${API}/api/ai/image/generate`, () =>
        HttpResponse.json({ id: 'tsk_3', status: 0, creditsUsed: 3 }),
      ),
    );
    await expect(
      client.generateImage({ model: 'gpt-image-2', prompt: 'x' }),
    ).resolves.toMatchObject({ taskId: 'tsk_3' });
  });

  it('refuses an invalid request with field errors and makes no network call', async () => {
    seen.length = 0;
    const error = await client
      .generateVideo({
        model: 'kling/v2-1-pro',
        prompt: 'x',
        duration: 7 as 5,
        inputImageUrls: ['https://cdn.test/a.png'],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      source: 'client',
      code: 'validation',
      fieldErrors: { duration: ['duration must be one of 5, 10 for kling/v2-1-pro'] },
    });
    expect(seen).toHaveLength(0);
  });

  it.each([
    [
      400,
      {
        error: 'Invalid request',
        details: { formErrors: [], fieldErrors: { prompt: ['Prompt is required'] } },
      },
      ValidationError,
      { source: 'server', fieldErrors: { prompt: ['Prompt is required'] } },
    ],
    [
      400,
      { error: 'Invalid request', details: {} },
      ValidationError,
      { formErrors: ['Invalid request'] },
    ],
    [401, { error: 'Unauthorized' }, UnauthorizedError, { code: 'unauthorized', retryable: false }],
    [
      402,
      { error: 'Insufficient credits', required: 12 },
      InsufficientCreditsError,
      { code: 'insufficient_credits', required: 12 },
    ],
    [403, { error: 'Forbidden' }, HttpError, { code: 'http_error', status: 403 }],
  ])('maps HTTP %i to its typed error', async (status, body, type, fields) => {
    server.use(
      http.post(`${API}/api/ai/video/generate`, () => HttpResponse.json(body, { status })),
    );
    const error = await client.generateVideo(sora).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(fields);
  });

  it('refuses a 429 without retrying, with the Retry-After delay', async () => {
    seen.length = 0;
    server.use(
      http.post(`${API}/api/ai/video/generate`, () =>
        HttpResponse.json({ error: 'Too many' }, { status: 429, headers: { 'Retry-After': '7' } }),
      ),
    );
    const error = await client.generateVideo(sora).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ retryAfterMs: 7000, retryable: true });
    expect(seen).toHaveLength(1);
  });

  it.each([
    ['a 500', () => HttpResponse.json({ error: 'boom' }, { status: 500 })],
    ['a 502 page', () => new HttpResponse('<html>Bad gateway</html>', { status: 502 })],
    ['a dropped connection', () => HttpResponse.error()],
    ['a 200 that is not JSON', () => new HttpResponse('<html>ok</html>', { status: 200 })],
    ['a 200 without a task id', () => HttpResponse.json({ status: 0, creditsUsed: 5 })],
  ])(
    'reports %s after a submit as an unknown outcome, and never retries the POST',
    async (_, respond) => {
      seen.length = 0;
      server.use(http.post(`${API}/api/ai/video/generate`, respond));
      const error = await client.generateVideo(sora).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SubmitOutcomeUnknownError);
      expect(error).toMatchObject({ code: 'submit_outcome_unknown', retryable: false });
      expect(seen).toHaveLength(1);
    },
  );

  it('defaults to the production base URL with a key, and to the same origin without one', async () => {
    seen.length = 0;
    server.use(
      http.post('https://gptimage2api.org/api/ai/image/generate', () =>
        HttpResponse.json({ taskId: 'tsk_p', status: 0 }),
      ),
    );
    await createClient({ apiKey: 'sk_live_x' }).generateImage({
      model: 'gpt-image-2',
      prompt: 'x',
    });
    expect(seen[0]!.url).toBe('https://gptimage2api.org/api/ai/image/generate');
    // Without a key the client talks to the page's origin (here: no origin, so fetch refuses the relative URL).
    const sameOrigin = createClient({
      fetch: async (input) => HttpResponse.json({ taskId: String(input), status: 0 }),
    });
    await expect(
      sameOrigin.generateImage({ model: 'gpt-image-2', prompt: 'x' }),
    ).resolves.toMatchObject({ taskId: '/api/ai/image/generate' });
  });

  it('sends extra headers, from an object or a function, without a key', async () => {
    seen.length = 0;
    server.use(
      http.post(`${API}/api/ai/image/generate`, () =>
        HttpResponse.json({ taskId: 'tsk_h', status: 0 }),
      ),
    );
    await createClient({
      baseUrl: API,
      headers: async () => ({ 'X-App-Token': 'abc' }),
    }).generateImage({ model: 'gpt-image-2', prompt: 'x' });
    expect(seen[0]!.headers.get('x-app-token')).toBe('abc');
    expect(seen[0]!.headers.has('authorization')).toBe(false);
  });

  it('aborts a submit with the platform AbortError', async () => {
    server.use(
      http.post(`${API}/api/ai/image/generate`, async () => {
        await new Promise((r) => setTimeout(r, 50));
        return HttpResponse.json({ taskId: 'late', status: 0 });
      }),
    );
    const controller = new AbortController();
    const pending = client.generateImage(
      { model: 'gpt-image-2', prompt: 'x' },
      { signal: controller.signal },
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

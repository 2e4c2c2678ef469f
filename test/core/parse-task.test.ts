import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createClient, InvalidResponseError } from '../../src/core/index.js';
import { parseTask, parseTaskPage } from '../../src/core/http/parse-task.js';
import { createVirtualClock } from '../../src/mock/virtual-clock.js';
import { API, recordRequests, setupMswServer } from '../helpers/msw-server.js';

const done = { taskId: 'tsk_u', status: 1, type: 'video' };

describe('parseTask', () => {
  it('hands on http(s) output URLs, in either spelling', () => {
    expect(parseTask({ ...done, videoUrl: 'https://cdn.test/v.mp4' }).videoUrl).toBe(
      'https://cdn.test/v.mp4',
    );
    expect(
      parseTask({ id: 'tsk_i', status: 1, outputImageUrls: ['http://cdn.test/a.png', null] })
        .imageUrls,
    ).toEqual(['http://cdn.test/a.png']);
    expect(parseTask({ taskId: 'tsk_p', status: 0 })).toMatchObject({
      videoUrl: null,
      imageUrls: [],
    });
  });

  it.each([
    ['javascript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['//evil.test/v.mp4'],
    ['/relative/v.mp4'],
    ['https://'],
  ])('refuses a videoUrl of %s with a typed error naming the field, not retryable', (url) => {
    const error = (() => {
      try {
        return parseTask({ ...done, videoUrl: url });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({
      code: 'invalid_response',
      retryable: false,
      message: 'Invalid response: videoUrl must be an absolute http(s) URL',
    });
  });

  it('refuses an unsafe image URL by its index, and the quickstart spelling too', () => {
    expect(() =>
      parseTask({
        ...done,
        type: 'image',
        imageUrls: ['https://cdn.test/a.png', 'javascript:void 0'],
      }),
    ).toThrow('imageUrls[1] must be an absolute http(s) URL');
    expect(() => parseTask({ ...done, outputVideoUrl: 'data:video/mp4;base64,AAAA' })).toThrow(
      'videoUrl must be an absolute http(s) URL',
    );
  });
});

describe('parseTaskPage: the recorded request', () => {
  // A listed task, as the list page carries it.
  const listed = (task: unknown) => parseTaskPage({ tasks: [task], nextCursor: null }).tasks[0]!;

  const request = {
    model: 'veo3_fast',
    prompt: 'Waves at dawn',
    inputImageUrls: ['https://cdn.test/ref.png'],
    duration: 8,
    resolution: '720p',
    providerInput: { seed: 3 },
  };

  it('is null from a server that records none', () => {
    expect(listed(done).request).toBeNull();
  });

  it('is never read from a single snapshot (getTask), which does not carry one', () => {
    expect(parseTask({ ...done, request }).request).toBeNull();
  });

  it('hands on a well-formed request, leaving out fields a request does not have', () => {
    expect(listed({ ...done, request: { ...request, apiKey: 'x', extra: 1 } }).request).toEqual(
      request,
    );
  });

  it.each([
    ['not an object', 'veo3_fast'],
    ['no model', { prompt: 'Waves' }],
    ['a number where a string goes', { ...request, prompt: 42 }],
    ['a string where a number goes', { ...request, duration: '8' }],
    ['an input image that is not http(s)', { ...request, inputImageUrls: ['javascript:x'] }],
    ['input images that are not a list', { ...request, inputImageUrls: 'https://cdn.test/a.png' }],
    ['a providerInput that is not an object', { ...request, providerInput: [1] }],
  ])('is null, not a crash, for a request with %s; the task itself stands', (_, malformed) => {
    const task = listed({ ...done, request: malformed });
    expect(task.request).toBeNull();
    expect(task).toMatchObject({ id: 'tsk_u', status: 'completed' });
  });
});

describe('waitForTask with an unsafe output URL', () => {
  const server = setupMswServer();
  const seen = recordRequests(server);

  it('rejects at once with the typed error (the same snapshot would come again) instead of resolving with the URL', async () => {
    const clock = createVirtualClock();
    const client = createClient({ baseUrl: API, clock });
    server.use(
      http.get(`${API}/api/ai/tasks/:id`, () =>
        HttpResponse.json({ ...done, videoUrl: 'javascript:alert(1)' }),
      ),
    );
    const result = client
      .waitForTask('tsk_u', { model: 'veo3_fast', submittedAt: clock.now() - 60_000 })
      .catch((e: unknown) => e);
    await clock.settle();
    expect(await result).toBeInstanceOf(InvalidResponseError);
    expect(seen).toHaveLength(1);
  });
});

// Every injected fault and every named scenario, through MSW and over real HTTP alike.
import { describe, expect, it } from 'vitest';
import { mockScenarios, networkFaults, type MockApi } from '../../src/mock/index.js';
import { FOX, WAVES, call, get, post } from '../helpers/api-calls.js';
import { mockHarness, transports, until, type Harness } from '../helpers/mock-harness.js';

const submit = (url: string) => post(`${url}/api/ai/image/generate`, FOX);

/** Submits and measures, on the mock's clock, how long the answer takes. */
async function answerTime({ url, clock }: Harness): Promise<{ ms: number; status: number }> {
  const sent = clock.now();
  let answered = false;
  const pending = submit(url).then((res) => ((answered = true), res));
  await until(() => clock.pending > 0 || answered, 'the request to reach the mock');
  while (!answered && (await clock.next()));
  const res = await pending;
  return { ms: clock.now() - sent, status: res.status };
}

/** A task id that exists (submitted straight through `handle`, so no fault meets it). */
async function existingTask(api: MockApi, url: string): Promise<string> {
  const res = await api.handle(
    new Request(`${url}/api/ai/image/generate`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(FOX),
    }),
  );
  return ((await res.json()) as { taskId: string }).taskId;
}

describe.each(transports)('injected faults (%s)', (transport) => {
  const start = mockHarness(transport);

  it('429 with Retry-After (1 s by default)', async () => {
    const { url, api } = await start();
    api.inject('rateLimit');
    api.inject({ type: 'rateLimit', retryAfter: 7 });
    const first = await get(`${url}/api/ai/tasks/tsk_x`);
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('1');
    expect(first.body).toEqual({ error: 'Too many requests' });
    expect((await get(`${url}/api/ai/tasks/tsk_x`)).headers.get('retry-after')).toBe('7');
    expect((await get(`${url}/api/ai/tasks/tsk_x`)).status).toBe(404); // used up
  });

  it('5xx with a JSON body or a gateway HTML page', async () => {
    const { url, api } = await start();
    api.inject('serverError');
    api.inject({ type: 'serverError', status: 502 });
    api.inject({ type: 'serverError', status: 503, body: 'json' });
    api.inject({ type: 'serverError', status: 504 });
    const answers = [await submit(url), await submit(url), await submit(url), await submit(url)];
    expect(answers.map((res) => res.status)).toEqual([500, 502, 503, 504]);
    expect(answers[0]!.body).toEqual({ error: 'Internal Server Error' });
    expect(answers[1]!.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answers[1]!.body).toMatch(/<h1>502 Bad Gateway<\/h1>/);
    expect(answers[2]!.body).toEqual({ error: 'Service Unavailable' });
    expect(answers[3]!.body).toMatch(/504 Gateway Timeout/);
    expect(api.tasks()).toEqual([]); // struck before the service: nothing created or charged
    expect(api.balance()).toBe(1000);
  });

  it('a dropped connection before the service: no answer, no task', async () => {
    const { url, api } = await start();
    api.inject('drop');
    await expect(submit(url)).rejects.toThrow(TypeError);
    expect(api.tasks()).toEqual([]);
    expect(api.requests[0]).toMatchObject({ status: 0, fault: 'drop' });
  });

  it('a dropped connection after the service: no answer, yet the task exists and is charged', async () => {
    const { url, api } = await start();
    api.inject({ type: 'drop', phase: 'after' });
    await expect(submit(url)).rejects.toThrow(TypeError);
    expect(api.tasks()).toHaveLength(1);
    expect(api.balance()).toBe(997);
  });

  it('malformed JSON: the real answer cut short (after the service, by default)', async () => {
    const { url, api } = await start();
    api.inject('malformedJson');
    const res = await submit(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(typeof res.body).toBe('string');
    expect(() => JSON.parse(res.body)).toThrow(SyntaxError);
    expect(res.body).toMatch(/^\{"taskId":"tsk_/);
    expect(api.tasks()).toHaveLength(1);
    api.inject({ type: 'malformedJson', phase: 'before' });
    expect(typeof (await submit(url)).body).toBe('string');
    expect(api.tasks()).toHaveLength(1);
  });

  it('an HTML page where JSON was expected', async () => {
    const { url, api } = await start();
    api.inject('html');
    api.inject({ type: 'html', status: 403 });
    const page = await get(`${url}/api/ai/tasks/tsk_x`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.body).toMatch(/^<!DOCTYPE html>/);
    expect((await get(`${url}/api/ai/tasks/tsk_x`)).status).toBe(403);
  });

  it('latency: the answer waits for the clock', async () => {
    const harness = await start({ timing: 'instant' });
    harness.api.inject({ type: 'latency', ms: 5000 });
    expect(await answerTime(harness)).toEqual({ ms: 5000, status: 200 });
    expect(await answerTime(harness)).toEqual({ ms: 0, status: 200 }); // used up
  });

  it("the quickstart's spelling of a snapshot: id, outputImageUrls, creditRefunded, completedAt", async () => {
    const { url, api, clock } = await start();
    const taskId = await existingTask(api, url);
    api.inject('quickstartSpelling', { times: 2 });
    const pending = (await get(`${url}/api/ai/tasks/${taskId}`)).body;
    expect(pending).toMatchObject({
      id: taskId,
      status: 0,
      outputImageUrls: [],
      creditRefunded: false,
      completedAt: null,
    });
    await clock.advance(60_000);
    const done = (await get(`${url}/api/ai/tasks/${taskId}`)).body;
    expect(Object.keys(done).sort()).toEqual(
      [
        'id',
        'type',
        'status',
        'model',
        'prompt',
        'outputImageUrls',
        'videoUrl',
        'errorCode',
        'errorMessage',
        'creditsUsed',
        'creditRefunded',
        'createdAt',
        'completedAt',
      ].sort(),
    );
    expect(done.outputImageUrls).toEqual([`${url}/__mock__/outputs/${taskId}/image-1.svg`]);
    expect(done.completedAt).toBe(api.tasks()[0]!.updatedAt);
    expect((await get(`${url}/api/ai/tasks/${taskId}`)).body.taskId).toBe(taskId); // back to canonical
  });

  it('a forced task failure, with the code and message given', async () => {
    const { url, api, clock } = await start();
    api.inject({
      type: 'failTask',
      code: 'KLING_1301',
      message: 'Prompt rejected by the provider',
    });
    await submit(url);
    await submit(url);
    await clock.advance(60_000);
    expect(api.tasks().map((task) => [task.status, task.errorCode, task.errorMessage])).toEqual([
      [2, 'KLING_1301', 'Prompt rejected by the provider'],
      [1, null, null],
    ]);
  });

  it('targets by method, path (exact, prefix or RegExp) and count', async () => {
    const { url, api } = await start();
    api.inject(
      { type: 'serverError', status: 503 },
      { method: 'get', path: '/api/ai/tasks/*', times: 2 },
    );
    api.inject('rateLimit', { path: /\/video\// });
    api.inject('html', { path: '/api/ai/tasks/tsk_exact' });
    expect((await submit(url)).status).toBe(200); // a POST to images: none applies
    expect((await get(`${url}/api/ai/tasks/tsk_a`)).status).toBe(503);
    expect((await get(`${url}/api/ai/tasks/tsk_b`)).status).toBe(503);
    expect((await get(`${url}/api/ai/tasks/tsk_exact`)).status).toBe(200); // the HTML page
    expect((await get(`${url}/api/ai/tasks/tsk_c`)).status).toBe(404);
    expect((await post(`${url}/api/ai/video/generate`, WAVES)).status).toBe(429);
    expect(api.requests.map((request) => request.fault)).toEqual([
      null,
      'serverError',
      'serverError',
      'html',
      null,
      'rateLimit',
    ]);
  });

  it('leaves outputs alone unless a target names them; Infinity and clearFaults', async () => {
    const { url, api, clock } = await start({ timing: 'instant' });
    const taskId = await existingTask(api, url);
    await clock.advance(0);
    const image = `${url}/__mock__/outputs/${taskId}/image-1.svg`;
    api.inject('serverError', { times: Infinity });
    expect((await get(image)).status).toBe(200);
    expect((await get(`${url}/api/ai/tasks/${taskId}`)).status).toBe(500);
    expect((await get(`${url}/api/ai/tasks/${taskId}`)).status).toBe(500);
    api.clearFaults();
    expect((await get(`${url}/api/ai/tasks/${taskId}`)).status).toBe(200);
    api.inject('drop', { path: '/__mock__/outputs/*' });
    await expect(get(image)).rejects.toThrow(TypeError);
  });

  it('refuses faults it cannot apply', async () => {
    const { api } = await start();
    expect(() => api.inject('latency' as never)).toThrow(/needs its delay/);
    expect(() => api.inject('drop', { times: 0 })).toThrow(RangeError);
  });
});

describe.each(transports)('scenarios (%s)', (transport) => {
  const start = mockHarness(transport);

  it('realistic: tasks take their typical time and succeed', async () => {
    const { url, api, clock } = await start({ scenario: 'realistic', timing: 'instant' });
    await submit(url);
    await clock.advance(14_000);
    expect(api.tasks()[0]!.status).toBe(0); // the preset's realistic timing wins over the option
    await clock.advance(46_000);
    expect(api.tasks()[0]!.status).toBe(1);
  });

  it('instant: done at the first poll', async () => {
    const { url, api } = await start({ scenario: 'instant' });
    const { body } = await submit(url);
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`)).body.status).toBe(1);
    expect(api.scenario).toBe(mockScenarios.instant);
  });

  it('providerFailure: every task fails with a provider code and is refunded', async () => {
    const { url, api, clock } = await start({ scenario: 'providerFailure' });
    await submit(url);
    await post(`${url}/api/ai/video/generate`, WAVES);
    await clock.advance(70_000);
    expect(api.tasks().map((task) => [task.status, task.errorCode, task.creditsRefunded])).toEqual([
      [2, 'moderation_blocked', true],
      [2, 'moderation_blocked', true],
    ]);
    expect(api.balance()).toBe(1000);
  });

  it('insufficientCredits: every submit answers 402 with its price, nothing charged', async () => {
    const { url, api } = await start();
    api.setScenario('insufficientCredits');
    expect((await post(`${url}/api/ai/video/generate`, WAVES)).body).toEqual({
      error: 'Insufficient credits',
      required: 9,
    });
    expect((await submit(url)).status).toBe(402);
    expect(api.balance()).toBe(1000);
    expect(api.tasks()).toEqual([]);
  });

  it('unauthorized: every request answers 401, even with a valid key', async () => {
    const { url, api } = await start({ keys: { sk_a: { credits: 10 } } });
    const taskId = (await post(`${url}/api/ai/image/generate`, FOX, 'sk_a')).body.taskId;
    api.setScenario('unauthorized');
    expect((await post(`${url}/api/ai/image/generate`, FOX, 'sk_a')).body).toEqual({
      error: 'Unauthorized',
    });
    expect((await get(`${url}/api/ai/tasks/${taskId}`, 'sk_a')).status).toBe(401);
    api.setScenario({});
    expect((await get(`${url}/api/ai/tasks/${taskId}`, 'sk_a')).status).toBe(200);
  });

  it('flakyNetwork: some requests meet the network faults, the same ones for the same seed', async () => {
    const run = async () => {
      const { url, api } = await start({ scenario: 'flakyNetwork' });
      const taskId = await existingTask(api, url);
      for (let i = 0; i < 40; i++)
        await get(`${url}/api/ai/tasks/${taskId}`).catch(() => undefined);
      return api.requests.map((request) => request.fault);
    };
    const faults = await run();
    const struck = faults.filter((fault) => fault !== null);
    expect(struck.length).toBeGreaterThan(3);
    expect(struck.length).toBeLessThan(20);
    const kinds = new Set(networkFaults.map((fault) => fault.type));
    expect(struck.every((fault) => kinds.has(fault!))).toBe(true);
    expect(new Set(struck).size).toBeGreaterThan(1);
    expect(await run()).toEqual(faults);
  });

  it('slowNetwork: every answer takes 1.5–4 s of clock time', async () => {
    const harness = await start({ scenario: 'slowNetwork' });
    for (let i = 0; i < 3; i++) {
      const { ms, status } = await answerTime(harness);
      expect(status).toBe(200);
      expect(ms).toBeGreaterThanOrEqual(1500);
      expect(ms).toBeLessThanOrEqual(4000);
    }
  });

  it('a scenario object: the quickstart spelling throughout; unknown names are refused', async () => {
    const { url, api } = await start();
    api.setScenario({ spelling: 'quickstart' });
    const { body } = await submit(url);
    expect((await get(`${url}/api/ai/tasks/${body.taskId}`)).body).toMatchObject({
      id: body.taskId,
      outputImageUrls: [],
    });
    expect(() => api.setScenario('chaos' as never)).toThrow(/Unknown mock scenario "chaos"/);
  });
});

describe('handle() directly', () => {
  const start = mockHarness('msw');

  it('answers a dropped connection with Response.error()', async () => {
    const { url, api } = await start();
    api.inject('drop');
    const dropped = await api.handle(new Request(`${url}/api/ai/tasks/tsk_x`));
    expect(dropped.type).toBe('error');
  });

  it('answers an id that cannot be decoded as an unknown task', async () => {
    const { url } = await start();
    const res = await call(`${url}/api/ai/tasks/%E0%A4%A`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'Task not found' });
  });
});

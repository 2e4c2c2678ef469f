// Every injected fault (src/mock/faults.ts), through MSW and over real HTTP alike.
import { describe, expect, it } from 'vitest';
import { WAVES, get, post } from '../helpers/api-calls.js';
import { mockHarness, transports } from '../helpers/mock-harness.js';
import { answerTime, existingTask, submit } from './submit-helpers.js';

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

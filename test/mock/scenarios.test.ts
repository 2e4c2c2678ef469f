// Every named scenario (src/mock/scenarios.ts), through MSW and over real HTTP alike.
import { describe, expect, it } from 'vitest';
import { mockScenarios, networkFaults } from '../../src/mock/index.js';
import { FOX, WAVES, get, post } from '../helpers/api-calls.js';
import { mockHarness, transports } from '../helpers/mock-harness.js';
import { answerTime, existingTask, submit } from './submit-helpers.js';

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

// createMockHandlers' own options: which origins it answers.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMockApi, createMockHandlers, createVirtualClock } from '../../src/mock/index.js';
import { FOX, get, post } from '../helpers/api-calls.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('createMockHandlers', () => {
  it('answers the API at any origin by default, relative to where the app runs', async () => {
    server.use(...createMockHandlers(createMockApi({ clock: createVirtualClock() })));
    expect((await post('http://localhost:6006/api/ai/image/generate', FOX)).status).toBe(200);
    expect((await get('https://gptimage2api.org/api/ai/tasks/tsk_x')).status).toBe(404);
  });

  it('answers only its baseUrl when given one, and outputs anywhere', async () => {
    const clock = createVirtualClock();
    const api = createMockApi({
      clock,
      timing: 'instant',
      outputBaseUrl: 'https://cdn.example.com',
    });
    server.use(...createMockHandlers(api, { baseUrl: 'https://api.example.com/gpt/' }));
    const { body } = await post('https://api.example.com/gpt/api/ai/image/generate', FOX);
    expect(body.status).toBe(0);
    // Unhandled (MSW refuses them here, and says so on the console): another origin, and the same
    // origin outside the prefix.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(fetch('https://other.example.com/api/ai/tasks/tsk_x')).rejects.toThrow();
    await expect(fetch('https://api.example.com/api/ai/tasks/tsk_x')).rejects.toThrow();
    expect(quiet).toHaveBeenCalledTimes(2);
    quiet.mockRestore();
    expect(api.requests).toHaveLength(1);
    const { body: task } = await get(`https://api.example.com/gpt/api/ai/tasks/${body.taskId}`);
    expect(task.imageUrls).toEqual([
      `https://cdn.example.com/__mock__/outputs/${body.taskId}/image-1.svg`,
    ]);
    expect((await get(task.imageUrls[0])).status).toBe(200);
  });
});

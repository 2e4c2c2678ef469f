import { describe, expect, it } from 'vitest';
import { createMockApi } from '../../src/mock/index.js';
import { mockFetch } from '../../src/testing/mock-fetch.js';

const body = JSON.stringify({ model: 'gpt-image-2', prompt: 'A red fox' });
const post = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body };

describe('mockFetch', () => {
  it('answers a same-origin path from the mock, against the page’s origin', async () => {
    const api = createMockApi({ seed: 1 });
    const response = await mockFetch(api)('/api/ai/image/generate', post);
    expect(response.status).toBe(200);
    expect(api.requests[0]).toMatchObject({
      method: 'POST',
      url: `${location.origin}/api/ai/image/generate`,
    });
  });

  it('rejects a dropped connection as fetch does, and an aborted request with the signal’s reason', async () => {
    const api = createMockApi({ seed: 1 });
    api.inject('drop');
    await expect(mockFetch(api)('/api/ai/image/generate', post)).rejects.toThrow(TypeError);
    const controller = new AbortController();
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(
      mockFetch(api)('/api/ai/image/generate', { ...post, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

import { describe, expect, it } from 'vitest';
import { createRegistry, defaultRegistry } from '../../src/core/index.js';
import { largestRequestBytes } from '../../src/server/index.js';
import { postJson, startFakeUpstream, startProxy } from '../helpers/proxy-server.js';

// The default body cap: the largest request the registry accepts, so no valid request gets a 413.
const urls = (count: number, length: number) =>
  Array.from(
    { length: count },
    (_, index) =>
      `https://uploads.example.com/${String(index).padStart(2, '0')}/${'k'.repeat(length - 35)}.png`,
  );

describe('largestRequestBytes', () => {
  it('makes room for the longest prompt at 4 bytes a character, the most image URLs and providerInput', () => {
    // nano-banana-2: 20,000 characters and 14 images is the largest built-in request.
    expect(largestRequestBytes(defaultRegistry)).toBe(20_000 * 4 + 14 * 4099 + 65_536 + 4096);
    const one = createRegistry([
      { ...defaultRegistry.get('gpt-image-2')!, promptMax: 100, maxImages: 0 },
    ]);
    expect(largestRequestBytes(one)).toBe(400 + 65_536 + 4096);
  });

  it('is the proxy default: a 20,000-character Japanese prompt with 14 image URLs on nano-banana-2 goes through', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({ baseUrl: upstream.url });
    const body = {
      model: 'nano-banana-2',
      prompt: '雪の中の赤い狐'.repeat(2858).slice(0, 20_000),
      inputImageUrls: urls(14, 500),
    };
    expect(Buffer.byteLength(JSON.stringify(body))).toBeGreaterThan(65_536);
    const answer = await postJson(url, '/api/ai/image/generate', body);
    expect(answer.status).toBe(200);
    expect(JSON.parse(upstream.requests[0]!.body)).toEqual(body);
  }, 20_000);

  it('still refuses a body past it with a 413', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({ baseUrl: upstream.url });
    const answer = await postJson(url, '/api/ai/image/generate', {
      model: 'nano-banana-2',
      prompt: 'x',
      inputImageUrls: urls(14, 16_000),
    });
    expect(answer).toMatchObject({
      status: 413,
      json: {
        error: `Request body too large (at most ${largestRequestBytes(defaultRegistry)} bytes)`,
      },
    });
    expect(upstream.requests).toHaveLength(0);
  });
});

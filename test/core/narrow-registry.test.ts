import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultRegistry } from '../../src/core/index.js';
import { narrowRegistry } from '../../src/server/index.js';
import { postJson, startFakeUpstream, startProxy } from '../helpers/proxy-server.js';

describe('narrowRegistry', () => {
  it('keeps only the named models, in the base order, typed by their ids', () => {
    const registry = narrowRegistry(defaultRegistry, ['veo3_fast', 'gpt-image-2']);
    expect(registry.models.map((model) => model.id)).toEqual(['gpt-image-2', 'veo3_fast']);
    expect(registry.get('nano-banana-2')).toBeUndefined();
    expectTypeOf(registry.models[0]!.id).toEqualTypeOf<'gpt-image-2' | 'veo3_fast'>();
  });

  it('refuses an unknown id at compile time and at run time, and an empty list', () => {
    // @ts-expect-error: not a built-in model
    expect(() => narrowRegistry(defaultRegistry, ['gpt-image-3'])).toThrow(
      new TypeError('narrowRegistry: unknown model ids gpt-image-3'),
    );
    expect(() => narrowRegistry(defaultRegistry, [])).toThrow('narrowRegistry: no model ids given');
  });

  it('makes the proxy refuse every other model before anything is sent, and forward the named ones', async () => {
    const upstream = await startFakeUpstream();
    const { url } = await startProxy({
      baseUrl: upstream.url,
      registry: narrowRegistry(defaultRegistry, ['gpt-image-2', 'veo3_fast']),
    });
    const refused = await postJson(url, '/api/ai/image/generate', {
      model: 'nano-banana-2',
      prompt: 'A fox',
    });
    expect(refused).toMatchObject({
      status: 400,
      json: {
        details: { fieldErrors: { model: ['model nano-banana-2 is not a known image model'] } },
      },
    });
    expect(upstream.requests).toHaveLength(0);
    expect(
      (await postJson(url, '/api/ai/image/generate', { model: 'gpt-image-2', prompt: 'A fox' }))
        .status,
    ).toBe(200);
    expect(
      (await postJson(url, '/api/ai/video/generate', { model: 'veo3_fast', prompt: 'Waves' }))
        .status,
    ).toBe(200);
    expect(upstream.requests).toHaveLength(2);
  });
});

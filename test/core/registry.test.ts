import { describe, expect, it } from 'vitest';
import {
  builtInModels,
  createClient,
  defaultRegistry,
  estimateCredits,
  extendRegistry,
  listModels,
  unavailableReason,
  validateRequest,
  ValidationError,
} from '../../src/core/index.js';

const model = (id: string) => defaultRegistry.get(id)!;

describe('the registry', () => {
  it('holds the 20 models of the reference: 4 image and 16 video', () => {
    expect(builtInModels).toHaveLength(20);
    expect(listModels(defaultRegistry, { kind: 'image' }).map((m) => m.id)).toEqual([
      'gpt-image-2',
      'nano-banana-2',
      'nano-banana-pro',
      'google/nano-banana',
    ]);
    expect(listModels(defaultRegistry, { kind: 'video' })).toHaveLength(16);
  });

  it('lists models by input mode and by attached images', () => {
    expect(
      listModels(defaultRegistry, {
        kind: 'video',
        inputMode: 'image_to_video',
        imageCount: 2,
      }).map((m) => m.id),
    ).toEqual(['veo3_fast', 'veo3', 'veo3_lite']);
    const textToVideo = listModels(defaultRegistry, { inputMode: 'text_to_video' }).map(
      (m) => m.id,
    );
    expect(textToVideo).toContain('kling/v2-1-master-text-to-video');
    expect(textToVideo).not.toContain('kling/v2-1-standard');
    expect(textToVideo).toHaveLength(10);
    expect(listModels(defaultRegistry, { kind: 'image', imageCount: 9 }).map((m) => m.id)).toEqual([
      'nano-banana-2',
      'google/nano-banana',
    ]);
  });

  it('says why a model cannot serve the current input', () => {
    expect(unavailableReason(model('kling/v2-1-pro'), { inputMode: 'text_to_video' })).toBe(
      'Kling V2.1 Pro does not do text-to-video',
    );
    expect(unavailableReason(model('veo3'), { imageCount: 4 })).toBe(
      'Veo 3.1 takes at most 3 images (4 attached)',
    );
    expect(unavailableReason(model('sora-2-image-to-video'), { imageCount: 2 })).toBe(
      'Sora 2 Image-to-Video takes at most 1 image (2 attached)',
    );
    expect(unavailableReason(model('sora-2-text-to-video'), { imageCount: 1 })).toBe(
      'Sora 2 takes no images (1 attached)',
    );
    expect(
      unavailableReason(model('veo3'), {
        kind: 'video',
        inputMode: 'image_to_video',
        imageCount: 3,
      }),
    ).toBeUndefined();
  });

  it('can be extended, corrected and trimmed without touching the default', () => {
    const custom = extendRegistry(defaultRegistry, {
      add: [
        {
          id: 'acme/clip-1',
          name: 'Acme Clip',
          family: 'Acme',
          kind: 'video',
          inputModes: ['text_to_video'],
          maxImages: 0,
          durations: [6],
          aspectRatios: ['1:1'],
          resolutions: [],
          promptMax: 800,
          credits: 7,
          typicalSeconds: [10, 20],
        },
      ],
      override: { veo3: { durations: [4, 8] } },
      remove: ['veo3_lite'],
    });
    expect(custom.get('acme/clip-1')?.name).toBe('Acme Clip');
    expect(custom.get('veo3')?.durations).toEqual([4, 8]);
    expect(custom.get('veo3_lite')).toBeUndefined();
    expect(defaultRegistry.get('veo3')?.durations).toEqual([8]);
    expect(
      validateRequest({ model: 'acme/clip-1', prompt: 'x', duration: 6 }, 'video', custom),
    ).toBeNull();
    expect(
      validateRequest({ model: 'veo3', prompt: 'x', duration: 4 }, 'video', custom),
    ).toBeNull();
    expect(estimateCredits({ model: 'acme/clip-1' }, custom)).toBe(7);
    // A client on the custom registry validates against it.
    const client = createClient({
      registry: custom,
      fetch: () => Promise.reject(new Error('no network in this test')),
    });
    return expect(
      client.generateVideo({ model: 'acme/clip-1', prompt: 'x', duration: 5 as 6 }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

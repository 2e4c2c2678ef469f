import { describe, expect, it } from 'vitest';
import {
  adaptRequest,
  builtInModels,
  createClient,
  defaultRegistry,
  estimateCredits,
  extendRegistry,
  getAspectRatioOptions,
  getDurationOptions,
  getResolutionOptions,
  listModels,
  unavailableReason,
  validateRequest,
  ValidationError,
  type DraftRequest,
} from '../../src/core/index.js';

const model = (id: string) => defaultRegistry.get(id)!;
const IMG = 'https://cdn.test/a.png';

describe('the registry', () => {
  it('holds the 20 models of the reference: 4 image and 16 video', () => {
    expect(builtInModels).toHaveLength(20);
    expect(listModels(defaultRegistry, { kind: 'image' }).map((m) => m.id)).toEqual(['gpt-image-2', 'nano-banana-2', 'nano-banana-pro', 'google/nano-banana']);
    expect(listModels(defaultRegistry, { kind: 'video' })).toHaveLength(16);
  });

  it('lists models by input mode and by attached images', () => {
    expect(listModels(defaultRegistry, { kind: 'video', inputMode: 'image_to_video', imageCount: 2 }).map((m) => m.id)).toEqual(['veo3_fast', 'veo3', 'veo3_lite']);
    const textToVideo = listModels(defaultRegistry, { inputMode: 'text_to_video' }).map((m) => m.id);
    expect(textToVideo).toContain('kling/v2-1-master-text-to-video');
    expect(textToVideo).not.toContain('kling/v2-1-standard');
    expect(textToVideo).toHaveLength(10);
    expect(listModels(defaultRegistry, { kind: 'image', imageCount: 9 }).map((m) => m.id)).toEqual(['nano-banana-2', 'google/nano-banana']);
  });

  it('says why a model cannot serve the current input', () => {
    expect(unavailableReason(model('kling/v2-1-pro'), { inputMode: 'text_to_video' })).toBe('Kling V2.1 Pro does not do text-to-video');
    expect(unavailableReason(model('veo3'), { imageCount: 4 })).toBe('Veo 3.1 takes at most 3 images (4 attached)');
    expect(unavailableReason(model('sora-2-image-to-video'), { imageCount: 2 })).toBe('Sora 2 Image-to-Video takes at most 1 image (2 attached)');
    expect(unavailableReason(model('sora-2-text-to-video'), { imageCount: 1 })).toBe('Sora 2 takes no images (1 attached)');
    expect(unavailableReason(model('veo3'), { kind: 'video', inputMode: 'image_to_video', imageCount: 3 })).toBeUndefined();
  });

  it('can be extended, corrected and trimmed without touching the default', () => {
    const custom = extendRegistry(defaultRegistry, {
      add: [{ id: 'acme/clip-1', name: 'Acme Clip', family: 'Acme', kind: 'video', inputModes: ['text_to_video'], maxImages: 0, durations: [6], aspectRatios: ['1:1'], resolutions: [], promptMax: 800, credits: 7, typicalSeconds: [10, 20] }],
      override: { veo3: { durations: [4, 8] } },
      remove: ['veo3_lite'],
    });
    expect(custom.get('acme/clip-1')?.name).toBe('Acme Clip');
    expect(custom.get('veo3')?.durations).toEqual([4, 8]);
    expect(custom.get('veo3_lite')).toBeUndefined();
    expect(defaultRegistry.get('veo3')?.durations).toEqual([8]);
    expect(validateRequest({ model: 'acme/clip-1', prompt: 'x', duration: 6 }, 'video', custom)).toBeNull();
    expect(validateRequest({ model: 'veo3', prompt: 'x', duration: 4 }, 'video', custom)).toBeNull();
    expect(estimateCredits({ model: 'acme/clip-1' }, custom)).toBe(7);
    // A client on the custom registry validates against it.
    const client = createClient({ registry: custom, fetch: () => Promise.reject(new Error('no network in this test')) });
    return expect(client.generateVideo({ model: 'acme/clip-1', prompt: 'x', duration: 5 as 6 })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('estimateCredits', () => {
  it.each<[Partial<DraftRequest> & { model: string }, number | null]>([
    [{ model: 'gpt-image-2' }, 3],
    [{ model: 'nano-banana-2' }, 4],
    [{ model: 'nano-banana-2', resolution: '4K' }, 8],
    [{ model: 'nano-banana-pro' }, 12],
    [{ model: 'nano-banana-pro', resolution: '4K' }, 20],
    [{ model: 'kling/v2-1-standard', duration: 10 }, 22],
    [{ model: 'kling/v2-1-master-text-to-video' }, 67],
    [{ model: 'sora-2-text-to-video', duration: 20 }, 20],
    [{ model: 'sora-2-text-to-video', duration: 5, resolution: '1080p' }, 8],
    [{ model: 'sora-2-pro-text-to-video', duration: 10, providerInput: { resolution: '1080p' } }, 48],
    [{ model: 'hailuo/02-image-to-video-pro', duration: 10 }, 48],
    [{ model: 'veo3' }, 63],
    [{ model: 'veo3_lite', duration: 8 }, 5],
    [{ model: 'wan/2-6-text-to-video', duration: 5 }, null],
    [{ model: 'bytedance/seedance-1.5-pro' }, null],
    [{ model: 'unknown' }, null],
  ])('%o costs %s', (request, credits) => {
    expect(estimateCredits(request)).toBe(credits);
  });
});

describe('control options', () => {
  it('offers only the model\'s durations, a fixed one as a single value, each with its price', () => {
    expect(getDurationOptions(model('kling/v2-1-pro'))).toEqual([
      { value: 5, disabled: false, credits: 21 },
      { value: 10, disabled: false, credits: 42 },
    ]);
    expect(getDurationOptions(model('veo3_fast')).map((o) => o.value)).toEqual([8]);
    expect(getDurationOptions(model('sora-2-text-to-video'), { resolution: '1080p' }).map((o) => o.credits)).toEqual([8, 15, 30]);
    expect(getDurationOptions(model('gpt-image-2'))).toEqual([]);
  });

  it('disables the aspect ratios and resolutions that exclude each other, with the reason', () => {
    const at2k = getAspectRatioOptions(model('nano-banana-2'), { resolution: '2K' });
    expect(at2k.find((o) => o.value === '1:4')).toMatchObject({ disabled: true, reason: '1:4 is only available at 1K' });
    expect(at2k.find((o) => o.value === '16:9')).toMatchObject({ disabled: false });
    expect(getAspectRatioOptions(model('nano-banana-2')).every((o) => !o.disabled)).toBe(true);
    const tall = getResolutionOptions(model('nano-banana-2'), { aspectRatio: '8:1' });
    expect(tall.map((o) => [o.value, o.disabled, o.credits])).toEqual([['1K', false, 4], ['2K', true, 6], ['4K', true, 8]]);
    expect(tall[1]!.reason).toBe('8:1 is only available at 1K');
  });
});

describe('adaptRequest', () => {
  it('moves a duration to the nearest the new model allows (5 → 8 for Veo)', () => {
    const { request, changes } = adaptRequest({ model: 'kling/v2-1-master-text-to-video', prompt: 'x', duration: 5, aspectRatio: '1:1' }, model('veo3_fast'));
    expect(request).toEqual({ model: 'veo3_fast', prompt: 'x', duration: 8, aspectRatio: '16:9' });
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([['model', 'kling/v2-1-master-text-to-video', 'veo3_fast'], ['duration', 5, 8], ['aspectRatio', '1:1', '16:9']]);
    expect(changes[1]!.message).toBe('Duration 5 s → 8 s: Veo 3.1 Fast offers 8 s');
    expect(validateRequest(request, 'video', defaultRegistry)).toBeNull();
  });

  it('drops extra images and switches the input mode', () => {
    const three = [IMG, `${IMG}?2`, `${IMG}?3`];
    const toKling = adaptRequest({ model: 'veo3', prompt: 'x', inputMode: 'image_to_video', inputImageUrls: three, aspectRatio: '9:16' }, model('kling/v2-1-pro'));
    expect(toKling.request).toEqual({ model: 'kling/v2-1-pro', prompt: 'x', inputMode: 'image_to_video', inputImageUrls: [IMG] });
    expect(toKling.changes.find((c) => c.field === 'inputImageUrls')?.message).toBe('2 images removed: Kling V2.1 Pro takes at most 1');
    expect(validateRequest(toKling.request, 'video', defaultRegistry)).toBeNull();

    const toSora = adaptRequest({ model: 'veo3', prompt: 'x', inputImageUrls: [IMG] }, model('sora-2-text-to-video'));
    expect(toSora.request).toEqual({ model: 'sora-2-text-to-video', prompt: 'x', inputMode: 'text_to_video' });
    expect(toSora.changes.map((c) => c.field)).toEqual(['model', 'inputMode', 'inputImageUrls']);
    expect(validateRequest(toSora.request, 'video', defaultRegistry)).toBeNull();
  });

  it('moves the resolution when the aspect ratio allows only some (Nano Banana 2 1:4 at 1K)', () => {
    const { request, changes } = adaptRequest({ model: 'nano-banana-pro', prompt: 'x', resolution: '4K', aspectRatio: '21:9' }, model('nano-banana-2'));
    expect(changes.map((c) => c.field)).toEqual(['model']);
    const tall = adaptRequest({ ...request, aspectRatio: '1:4' }, model('nano-banana-2'));
    expect(tall.request.resolution).toBe('1K');
    expect(tall.changes.at(-1)?.message).toBe('Resolution 4K → 1K: 1:4 is only available at 1K');
  });

  it('maps resolutions by size and removes options a model lacks', () => {
    expect(adaptRequest({ model: 'nano-banana-2', prompt: 'x', resolution: '1K' }, model('nano-banana-pro')).request.resolution).toBe('2K');
    const toGpt = adaptRequest({ model: 'nano-banana-2', prompt: 'x', resolution: '2K' }, model('gpt-image-2'));
    expect(toGpt.request).toEqual({ model: 'gpt-image-2', prompt: 'x' });
    expect(toGpt.changes.at(-1)?.message).toBe('Resolution 2K removed: GPT Image 2 has no such option');
    expect(adaptRequest({ model: 'sora-2-text-to-video', prompt: 'x', duration: 20, resolution: '1080p' }, model('wan/2-6-text-to-video')).request).toMatchObject({ duration: 15, resolution: '1080p' });
  });

  it('turns a video request into a valid image one, and never cuts the prompt', () => {
    const long = 'x'.repeat(6000);
    const { request } = adaptRequest({ model: 'veo3', prompt: long, duration: 8, negativePrompt: 'blur', aspectRatio: '9:16', seed: '1' }, model('google/nano-banana'));
    expect(request).toEqual({ model: 'google/nano-banana', prompt: long, aspectRatio: '9:16' });
    expect(validateRequest(request, 'image', defaultRegistry)?.fieldErrors.prompt).toBeDefined();
  });

  it('adapts the minimal request of every model to every other model of its kind into a valid one', () => {
    for (const from of builtInModels) {
      for (const to of builtInModels.filter((m) => m.kind === from.kind)) {
        const start: DraftRequest = {
          model: from.id,
          prompt: 'a prompt',
          ...(from.inputModes.some((m) => m.startsWith('text')) ? {} : { inputImageUrls: [IMG] }),
          ...(from.durations.length ? { duration: from.durations.at(-1) } : {}),
          ...(from.aspectRatios.length ? { aspectRatio: from.aspectRatios.at(-1) } : {}),
          ...(from.resolutions.length ? { resolution: from.resolutions.at(-1) } : {}),
        };
        const { request } = adaptRequest(start, to);
        const errors = validateRequest(request, to.kind, defaultRegistry);
        // The only thing adaptation cannot invent is an image for an image-only model.
        const needsImage = !to.inputModes.some((m) => m.startsWith('text')) && !request.inputImageUrls?.length;
        expect(errors === null || (needsImage && Object.keys(errors.fieldErrors).join() === 'inputImageUrls'), `${from.id} → ${to.id}: ${JSON.stringify(errors)}`).toBe(true);
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  builtInModels,
  defaultRegistry,
  validateRequest,
  type DraftRequest,
} from '../../src/core/index.js';
import { adaptRequest } from '../../src/core/request/adapt-request.js';

const model = (id: string) => defaultRegistry.get(id)!;
const IMG = 'https://cdn.test/a.png';

describe('adaptRequest', () => {
  it('moves a duration to the nearest the new model allows (5 → 8 for Veo)', () => {
    const { request, changes } = adaptRequest(
      { model: 'kling/v2-1-master-text-to-video', prompt: 'x', duration: 5, aspectRatio: '1:1' },
      model('veo3_fast'),
    );
    expect(request).toEqual({ model: 'veo3_fast', prompt: 'x', duration: 8, aspectRatio: '16:9' });
    expect(changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['model', 'kling/v2-1-master-text-to-video', 'veo3_fast'],
      ['duration', 5, 8],
      ['aspectRatio', '1:1', '16:9'],
    ]);
    expect(changes[1]!.message).toBe('Duration 5 s → 8 s: Veo 3.1 Fast offers 8 s');
    expect(validateRequest(request, 'video', defaultRegistry)).toBeNull();
  });

  it('drops extra images and switches the input mode', () => {
    const three = [IMG, `${IMG}?2`, `${IMG}?3`];
    const toKling = adaptRequest(
      {
        model: 'veo3',
        prompt: 'x',
        inputMode: 'image_to_video',
        inputImageUrls: three,
        aspectRatio: '9:16',
      },
      model('kling/v2-1-pro'),
    );
    expect(toKling.request).toEqual({
      model: 'kling/v2-1-pro',
      prompt: 'x',
      inputMode: 'image_to_video',
      inputImageUrls: [IMG],
    });
    expect(toKling.changes.find((c) => c.field === 'inputImageUrls')?.message).toBe(
      '2 images removed: Kling V2.1 Pro takes at most 1',
    );
    expect(validateRequest(toKling.request, 'video', defaultRegistry)).toBeNull();

    const toSora = adaptRequest(
      { model: 'veo3', prompt: 'x', inputImageUrls: [IMG] },
      model('sora-2-text-to-video'),
    );
    expect(toSora.request).toEqual({
      model: 'sora-2-text-to-video',
      prompt: 'x',
      inputMode: 'text_to_video',
    });
    expect(toSora.changes.map((c) => c.field)).toEqual(['model', 'inputMode', 'inputImageUrls']);
    expect(validateRequest(toSora.request, 'video', defaultRegistry)).toBeNull();
  });

  it('moves the resolution when the aspect ratio allows only some (Nano Banana 2 1:4 at 1K)', () => {
    const { request, changes } = adaptRequest(
      { model: 'nano-banana-pro', prompt: 'x', resolution: '4K', aspectRatio: '21:9' },
      model('nano-banana-2'),
    );
    expect(changes.map((c) => c.field)).toEqual(['model']);
    const tall = adaptRequest({ ...request, aspectRatio: '1:4' }, model('nano-banana-2'));
    expect(tall.request.resolution).toBe('1K');
    expect(tall.changes.at(-1)?.message).toBe('Resolution 4K → 1K: 1:4 is only available at 1K');
  });

  it('maps resolutions by size and removes options a model lacks', () => {
    expect(
      adaptRequest(
        { model: 'nano-banana-2', prompt: 'x', resolution: '1K' },
        model('nano-banana-pro'),
      ).request.resolution,
    ).toBe('2K');
    const toGpt = adaptRequest(
      { model: 'nano-banana-2', prompt: 'x', resolution: '2K' },
      model('gpt-image-2'),
    );
    expect(toGpt.request).toEqual({ model: 'gpt-image-2', prompt: 'x' });
    expect(toGpt.changes.at(-1)?.message).toBe(
      'Resolution 2K removed: GPT Image 2 has no such option',
    );
    expect(
      adaptRequest(
        { model: 'sora-2-text-to-video', prompt: 'x', duration: 20, resolution: '1080p' },
        model('wan/2-6-text-to-video'),
      ).request,
    ).toMatchObject({ duration: 15, resolution: '1080p' });
  });

  it('turns a video request into a valid image one, and never cuts the prompt', () => {
    const long = 'x'.repeat(6000);
    const { request } = adaptRequest(
      {
        model: 'veo3',
        prompt: long,
        duration: 8,
        negativePrompt: 'blur',
        aspectRatio: '9:16',
        seed: '1',
      },
      model('google/nano-banana'),
    );
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
        const needsImage =
          !to.inputModes.some((m) => m.startsWith('text')) && !request.inputImageUrls?.length;
        expect(
          errors === null ||
            (needsImage && Object.keys(errors.fieldErrors).join() === 'inputImageUrls'),
          `${from.id} → ${to.id}: ${JSON.stringify(errors)}`,
        ).toBe(true);
      }
    }
  });
});

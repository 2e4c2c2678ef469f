import { describe, expect, it } from 'vitest';
import {
  builtInModels,
  defaultRegistry,
  validateRequest,
  type DraftRequest,
  type ModelKind,
  type ModelSpec,
} from '../../src/core/index.js';

const models: readonly ModelSpec[] = builtInModels;

const IMG = 'https://cdn.test/a.png';
const images = (n: number) => Array.from({ length: n }, (_, i) => `https://cdn.test/${i}.png`);
const check = (kind: ModelKind, request: unknown) =>
  validateRequest(request, kind, defaultRegistry);
const fieldErrors = (kind: ModelKind, request: unknown) => check(kind, request)?.fieldErrors ?? {};

/** The smallest valid request for a model. */
function minimal(model: ModelSpec): DraftRequest {
  const text = model.inputModes.some((mode) => mode.startsWith('text'));
  return {
    model: model.id,
    prompt: 'x'.repeat(model.promptMin ?? 1),
    ...(text ? {} : { inputImageUrls: [IMG] }),
  };
}

describe('every model', () => {
  it.each(models.map((model) => [model.id, model] as const))(
    '%s: accepts its minimal request and every allowed option',
    (_, model) => {
      const base = minimal(model);
      expect(check(model.kind, base)).toBeNull();
      for (const duration of model.durations)
        expect(check(model.kind, { ...base, duration })).toBeNull();
      for (const aspectRatio of model.aspectRatios) {
        const onlyAt = model.aspectRatioResolutions?.[aspectRatio];
        expect(
          check(model.kind, { ...base, aspectRatio, ...(onlyAt ? { resolution: onlyAt[0] } : {}) }),
        ).toBeNull();
      }
      for (const resolution of model.resolutions)
        expect(check(model.kind, { ...base, resolution })).toBeNull();
      expect(
        check(model.kind, { ...base, prompt: 'x'.repeat(Math.min(model.promptMax, 4000)) }),
      ).toBeNull();
      if (model.inputModes.some((mode) => mode.startsWith('image'))) {
        expect(check(model.kind, { ...base, inputImageUrls: images(model.maxImages) })).toBeNull();
      }
    },
  );

  it.each(models.map((model) => [model.id, model] as const))(
    '%s: refuses too long a prompt, too many images, and options it lacks',
    (_, model) => {
      const base = minimal(model);
      const cap = model.kind === 'video' ? Math.min(model.promptMax, 4000) : model.promptMax;
      expect(fieldErrors(model.kind, { ...base, prompt: 'x'.repeat(cap + 1) }).prompt?.[0]).toMatch(
        new RegExp(`prompt must be at most ${cap} characters for ${model.id}`),
      );
      if (model.maxImages > 0) {
        expect(
          fieldErrors(model.kind, {
            ...base,
            inputMode: undefined,
            inputImageUrls: images(model.maxImages + 1),
          }).inputImageUrls?.join(),
        ).toMatch(/at most/);
      }
      if (model.kind === 'video') {
        const other = [1, 3, 7, 60].find((d) => !model.durations.includes(d))!;
        expect(fieldErrors('video', { ...base, duration: other }).duration?.[0]).toMatch(
          new RegExp(`duration must be .*${model.durations.join(', ')} for ${model.id}`),
        );
      }
      const aspect = fieldErrors(model.kind, { ...base, aspectRatio: '7:3' }).aspectRatio?.[0];
      expect(aspect).toMatch(
        model.aspectRatios.length
          ? /aspectRatio must be one of/
          : /aspectRatio is not supported by/,
      );
      const resolution = fieldErrors(model.kind, { ...base, resolution: '8K' }).resolution?.[0];
      expect(resolution).toMatch(
        model.resolutions.length ? /resolution must be one of/ : /resolution is not supported by/,
      );
      // The other endpoint's kind is refused by model.
      expect(fieldErrors(model.kind === 'image' ? 'video' : 'image', base).model).toEqual([
        model.kind === 'image'
          ? `model ${model.id} is an image model, not a video model`
          : `model ${model.id} is a video model, not an image model`,
      ]);
    },
  );
});

describe('the documented rules', () => {
  it('names the field and the rule, as the issue asks', () => {
    expect(
      fieldErrors('video', {
        model: 'kling/v2-1-pro',
        prompt: 'x',
        inputImageUrls: [IMG],
        duration: 7,
      }),
    ).toEqual({
      duration: ['duration must be one of 5, 10 for kling/v2-1-pro'],
    });
    expect(fieldErrors('video', { model: 'veo3', prompt: 'x', duration: 5 }).duration).toEqual([
      'duration must be 8 for veo3 (fixed)',
    ]);
  });

  it("requires prompt and model, with the server's own message for a missing prompt", () => {
    expect(check('image', { model: 'gpt-image-2' })).toEqual({
      formErrors: [],
      fieldErrors: { prompt: ['Prompt is required'] },
    });
    expect(fieldErrors('image', { model: 'gpt-image-2', prompt: '' }).prompt).toEqual([
      'Prompt is required',
    ]);
    expect(fieldErrors('image', { model: 'gpt-image-2', prompt: 5 }).prompt).toEqual([
      'prompt must be a string',
    ]);
    expect(fieldErrors('video', { prompt: 'x', inputMode: 'text_to_video' }).model).toEqual([
      'model is required',
    ]);
    expect(fieldErrors('video', { prompt: 'x', model: 'sora-3' }).model).toEqual([
      'model sora-3 is not a known video model',
    ]);
  });

  it('caps the video prompt at 4000, Hailuo at 1500 and Seedance from 3 to 2500', () => {
    expect(check('video', { model: 'veo3', prompt: 'x'.repeat(4000) })).toBeNull();
    expect(fieldErrors('video', { model: 'veo3', prompt: 'x'.repeat(4001) }).prompt).toBeDefined();
    expect(
      fieldErrors('video', { model: 'hailuo/02-text-to-video-pro', prompt: 'x'.repeat(1501) })
        .prompt,
    ).toEqual([
      'prompt must be at most 1500 characters for hailuo/02-text-to-video-pro (it has 1501)',
    ]);
    expect(
      fieldErrors('video', { model: 'bytedance/seedance-1.5-pro', prompt: 'ab' }).prompt,
    ).toEqual(['prompt must be at least 3 characters for bytedance/seedance-1.5-pro']);
    expect(
      fieldErrors('image', { model: 'google/nano-banana', prompt: 'x'.repeat(5001) }).prompt,
    ).toBeDefined();
    expect(check('image', { model: 'gpt-image-2', prompt: 'x'.repeat(20_000) })).toBeNull();
  });

  it('matches the input mode to the model', () => {
    expect(
      fieldErrors('video', {
        model: 'kling/v2-1-master-text-to-video',
        prompt: 'x',
        inputMode: 'image_to_video',
        inputImageUrls: [IMG],
      }).inputMode,
    ).toEqual([
      'inputMode image_to_video is not supported by kling/v2-1-master-text-to-video (it takes text_to_video)',
    ]);
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'x', inputMode: 'sideways' }).inputMode,
    ).toEqual(['inputMode must be one of text_to_video, image_to_video']);
    // Veo 3.1 and Seedance take both.
    expect(check('video', { model: 'veo3', prompt: 'x', inputMode: 'text_to_video' })).toBeNull();
    expect(
      check('video', {
        model: 'veo3',
        prompt: 'x',
        inputMode: 'image_to_video',
        inputImageUrls: images(3),
      }),
    ).toBeNull();
    expect(
      check('video', { model: 'bytedance/seedance-1.5-pro', prompt: 'xyz', inputImageUrls: [IMG] }),
    ).toBeNull();
  });

  it('names the field the caller set: images left to decide the mode are told about as images', () => {
    // Images on a text-only model, no inputMode given: the message is about inputImageUrls, with the
    // family's model that takes images.
    expect(
      fieldErrors('video', { model: 'sora-2-text-to-video', prompt: 'x', inputImageUrls: [IMG] }),
    ).toEqual({
      inputImageUrls: [
        'Sora 2 takes no images: remove inputImageUrls or choose Sora 2 Image-to-Video',
      ],
    });
    // No image for an image-only model.
    expect(fieldErrors('video', { model: 'kling/v2-1-standard', prompt: 'x' })).toEqual({
      inputImageUrls: [
        'Kling V2.1 Standard needs an image: add inputImageUrls or choose Kling V2.1 Master',
      ],
    });
    // Any family's sibling of the other mode is offered.
    expect(
      fieldErrors('video', { model: 'wan/2-6-image-to-video', prompt: 'x' }).inputImageUrls,
    ).toEqual(['Wan 2.6 Image-to-Video needs an image: add inputImageUrls or choose Wan 2.6']);
    expect(
      fieldErrors('video', {
        model: 'hailuo/02-text-to-video-pro',
        prompt: 'x',
        inputImageUrls: [IMG],
      }).inputImageUrls,
    ).toEqual(['Hailuo Pro takes no images: remove inputImageUrls or choose Hailuo I2V Standard']);
  });

  it('requires images for image modes and none for text modes', () => {
    expect(
      fieldErrors('video', {
        model: 'sora-2-image-to-video',
        prompt: 'x',
        inputMode: 'image_to_video',
      }).inputImageUrls,
    ).toEqual(['inputImageUrls needs at least 1 image for image_to_video']);
    expect(
      fieldErrors('video', {
        model: 'sora-2-image-to-video',
        prompt: 'x',
        inputMode: 'image_to_video',
        inputImageUrls: [],
      }).inputImageUrls,
    ).toEqual(['inputImageUrls needs at least 1 image for image_to_video']);
    expect(
      fieldErrors('video', {
        model: 'veo3',
        prompt: 'x',
        inputMode: 'text_to_video',
        inputImageUrls: [IMG],
      }).inputImageUrls,
    ).toEqual(['inputImageUrls must be empty for text_to_video']);
    expect(
      fieldErrors('image', { model: 'gpt-image-2', prompt: 'x', inputMode: 'image_to_image' })
        .inputImageUrls,
    ).toEqual(['inputImageUrls needs at least 1 image for image_to_image']);
    expect(
      fieldErrors('image', {
        model: 'gpt-image-2',
        prompt: 'x',
        inputMode: 'text_to_image',
        inputImageUrls: [IMG],
      }).inputImageUrls,
    ).toEqual(['inputImageUrls must be empty for text_to_image']);
  });

  it('caps images by model (Veo 3, Kling 1, GPT Image 4, Nano Banana 2 14) and by the video schema (5)', () => {
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'x', inputImageUrls: images(4) })
        .inputImageUrls,
    ).toEqual(['inputImageUrls must have at most 3 for veo3 (it has 4)']);
    expect(
      fieldErrors('video', { model: 'kling/v2-1-pro', prompt: 'x', inputImageUrls: images(2) })
        .inputImageUrls,
    ).toEqual(['inputImageUrls must have at most 1 for kling/v2-1-pro (it has 2)']);
    expect(
      fieldErrors('image', { model: 'gpt-image-2', prompt: 'x', inputImageUrls: images(5) })
        .inputImageUrls,
    ).toEqual(['inputImageUrls must have at most 4 for gpt-image-2 (it has 5)']);
    expect(
      check('image', { model: 'nano-banana-2', prompt: 'x', inputImageUrls: images(14) }),
    ).toBeNull();
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'x', inputImageUrls: images(6) })
        .inputImageUrls,
    ).toContain('inputImageUrls must have at most 5 items');
  });

  it('takes only absolute http(s) image URLs', () => {
    for (const url of [
      '/a.png',
      'ftp://x/a.png',
      'data:image/png;base64,AA',
      'javascript:alert(1)',
      'https://',
      42,
    ]) {
      expect(
        fieldErrors('image', { model: 'gpt-image-2', prompt: 'x', inputImageUrls: [IMG, url] })
          .inputImageUrls,
      ).toEqual(['inputImageUrls[1] must be an absolute http(s) URL']);
    }
    expect(
      fieldErrors('image', { model: 'gpt-image-2', prompt: 'x', inputImageUrls: IMG })
        .inputImageUrls,
    ).toEqual(['inputImageUrls must be an array of URLs']);
    expect(
      check('image', {
        model: 'gpt-image-2',
        prompt: 'x',
        inputImageUrls: ['HTTP://CDN.TEST/a.png?x=1'],
      }),
    ).toBeNull();
  });

  it('enforces the video schema ranges', () => {
    const base = { model: 'veo3', prompt: 'x' };
    expect(
      check('video', {
        ...base,
        width: 64,
        height: 4096,
        fps: 60,
        guidanceScale: 0,
        motionStrength: 100,
        seed: '42',
        cameraMotion: 'pan',
      }),
    ).toBeNull();
    expect(fieldErrors('video', { ...base, width: 63 }).width).toEqual([
      'width must be an integer from 64 to 4096',
    ]);
    expect(fieldErrors('video', { ...base, height: 1080.5 }).height).toEqual([
      'height must be an integer from 64 to 4096',
    ]);
    expect(fieldErrors('video', { ...base, fps: 0 }).fps).toEqual([
      'fps must be an integer from 1 to 60',
    ]);
    expect(fieldErrors('video', { ...base, guidanceScale: 101 }).guidanceScale).toEqual([
      'guidanceScale must be a number from 0 to 100',
    ]);
    expect(
      fieldErrors('video', { ...base, motionStrength: Number.NaN }).motionStrength,
    ).toBeDefined();
    expect(fieldErrors('video', { ...base, duration: 61 }).duration).toEqual([
      'duration must be a number from 1 to 60',
    ]);
    expect(fieldErrors('video', { ...base, seed: 42 }).seed).toEqual(['seed must be a string']);
  });

  it('caps negative prompts at 2000, and at 500 for Kling', () => {
    expect(
      check('video', { model: 'veo3', prompt: 'x', negativePrompt: 'n'.repeat(2000) }),
    ).toBeNull();
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'x', negativePrompt: 'n'.repeat(2001) })
        .negativePrompt,
    ).toEqual(['negativePrompt must be at most 2000 characters']);
    expect(
      fieldErrors('video', {
        model: 'kling/v2-1-master-text-to-video',
        prompt: 'x',
        negativePrompt: 'n'.repeat(501),
      }).negativePrompt,
    ).toEqual([
      'negativePrompt must be at most 500 characters for kling/v2-1-master-text-to-video',
    ]);
  });

  it("limits Nano Banana 2's extreme aspect ratios to 1K", () => {
    expect(check('image', { model: 'nano-banana-2', prompt: 'x', aspectRatio: '1:8' })).toBeNull(); // 1K is the default
    expect(
      fieldErrors('image', {
        model: 'nano-banana-2',
        prompt: 'x',
        aspectRatio: '1:8',
        resolution: '4K',
      }).aspectRatio,
    ).toEqual(['aspectRatio 1:8 is only available at 1K for nano-banana-2 (resolution is 4K)']);
  });

  it('says why a model has no aspect ratio', () => {
    expect(
      fieldErrors('video', {
        model: 'kling/v2-1-pro',
        prompt: 'x',
        inputImageUrls: [IMG],
        aspectRatio: '16:9',
      }).aspectRatio,
    ).toEqual(['aspectRatio is not supported by kling/v2-1-pro; it follows the input image']);
  });

  it('checks a video resolution given in providerInput too', () => {
    expect(
      check('video', {
        model: 'sora-2-text-to-video',
        prompt: 'x',
        providerInput: { resolution: '1080p', style: 'x' },
      }),
    ).toBeNull();
    expect(
      fieldErrors('video', {
        model: 'sora-2-text-to-video',
        prompt: 'x',
        providerInput: { resolution: '4K' },
      }).resolution,
    ).toEqual(['resolution must be one of 720p, 1080p for sora-2-text-to-video']);
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'x', providerInput: 'fast' }).providerInput,
    ).toEqual(['providerInput must be an object']);
  });

  it('refuses null where a value is expected, rather than sending it', () => {
    expect(
      fieldErrors('image', { model: 'gpt-image-2', prompt: 'A fox', resolution: null }).resolution,
    ).toEqual(['resolution must be a string']);
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'Waves', resolution: null }).resolution,
    ).toEqual(['resolution must be a string']);
    expect(
      fieldErrors('video', { model: 'veo3', prompt: 'Waves', aspectRatio: null }).aspectRatio,
    ).toEqual(['aspectRatio must be a string']);
    // A resolution of the wrong type is one error, not also an aspect-ratio complaint.
    expect(
      fieldErrors('image', {
        model: 'nano-banana-2',
        prompt: 'x',
        aspectRatio: '1:4',
        resolution: 20,
      }),
    ).toEqual({ resolution: ['resolution must be a string'] });
  });

  it('refuses unknown fields, pointing at providerInput, and ignores fields set to undefined', () => {
    expect(
      check('video', { model: 'veo3', prompt: 'x', aspect_ratio: '16:9' })?.formErrors,
    ).toEqual(['Unknown field "aspect_ratio" (provider-specific fields go in providerInput)']);
    expect(check('image', { model: 'gpt-image-2', prompt: 'x', duration: 5 })?.formErrors).toEqual([
      'Unknown field "duration" (provider-specific fields go in providerInput)',
    ]);
    expect(
      check('video', { model: 'veo3', prompt: 'x', duration: undefined, aspectRatio: undefined }),
    ).toBeNull();
    expect(check('video', null)).toEqual({
      formErrors: ['The request must be an object'],
      fieldErrors: {},
    });
  });
});

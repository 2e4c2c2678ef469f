// The mock's zod validation and the client's validateRequest are written apart on purpose; here they
// must agree on what the client would send (the wire body): valid or not, and which fields are wrong.
// Thousands of generated requests, end to end through the client: test/reliability/validation-property.test.ts.
import { describe, expect, it } from 'vitest';
import type { ModelKind } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import { defaultRegistry } from '../../src/core/registry/registry.js';
import { toWireBody } from '../../src/core/request/to-wire-body.js';
import type { DraftRequest } from '../../src/core/request/types.js';
import { validateRequest } from '../../src/core/request/validate-request.js';
import { validateMockRequest } from '../../src/mock/request-schema.js';
import { verdict } from '../helpers/verdict.js';

type Case = [kind: ModelKind, draft: Record<string, unknown>, wrong: string[]];
const img = (n: number) => Array.from({ length: n }, (_, i) => `https://example.com/ref-${i}.png`);
const long = (n: number) => 'x'.repeat(n);

// [kind, draft, the fields both must call wrong ('form' for a form error)]
const battery: Case[] = [
  // GPT Image 2
  ['image', { model: 'gpt-image-2', prompt: 'A fox' }, []],
  [
    'image',
    { model: 'gpt-image-2', prompt: 'A fox', aspectRatio: '21:9', inputImageUrls: img(4) },
    [],
  ],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', inputImageUrls: img(5) }, ['inputImageUrls']],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', resolution: '2K' }, ['resolution']],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', aspectRatio: '1:4' }, ['aspectRatio']],
  ['image', { model: 'gpt-image-2', prompt: long(20_000) }, []],
  ['image', { model: 'gpt-image-2', prompt: long(20_001) }, ['prompt']],
  ['image', { model: 'gpt-image-2' }, ['prompt']],
  ['image', { model: 'gpt-image-2', prompt: '' }, ['prompt']],
  ['image', { model: 'gpt-image-2', prompt: 42 }, ['prompt']],
  ['image', { prompt: 'A fox' }, ['model']],
  ['image', { model: 'dall-e-3', prompt: 'A fox' }, ['model']],
  ['image', { model: 'veo3', prompt: 'A fox' }, ['model']],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', aspect_ratio: '1:1' }, ['form']],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', duration: 5 }, ['form']],
  [
    'image',
    { model: 'gpt-image-2', prompt: 'A fox', inputImageUrls: ['/relative.png'] },
    ['inputImageUrls'],
  ],
  [
    'image',
    { model: 'gpt-image-2', prompt: 'A fox', inputImageUrls: 'https://example.com/a.png' },
    ['inputImageUrls'],
  ],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', providerInput: { quality: 'high' } }, []],
  ['image', { model: 'gpt-image-2', prompt: 'A fox', providerInput: 'high' }, ['providerInput']],
  // Nano Banana 2, Pro, Nano Banana
  [
    'image',
    { model: 'nano-banana-2', prompt: 'A fox', resolution: '4K', inputImageUrls: img(14) },
    [],
  ],
  [
    'image',
    { model: 'nano-banana-2', prompt: 'A fox', inputImageUrls: img(15) },
    ['inputImageUrls'],
  ],
  ['image', { model: 'nano-banana-2', prompt: 'A fox', aspectRatio: '1:8' }, []],
  [
    'image',
    { model: 'nano-banana-2', prompt: 'A fox', aspectRatio: '1:8', resolution: '2K' },
    ['aspectRatio'],
  ],
  ['image', { model: 'nano-banana-2', prompt: 'A fox', resolution: '8K' }, ['resolution']],
  ['image', { model: 'nano-banana-pro', prompt: 'A fox', resolution: '1K' }, ['resolution']],
  [
    'image',
    { model: 'nano-banana-pro', prompt: long(10_000), resolution: '4K', inputImageUrls: img(8) },
    [],
  ],
  ['image', { model: 'nano-banana-pro', prompt: long(10_001) }, ['prompt']],
  ['image', { model: 'nano-banana-pro', prompt: 'A fox', aspectRatio: '4:1' }, ['aspectRatio']],
  ['image', { model: 'google/nano-banana', prompt: long(5_000), inputImageUrls: img(10) }, []],
  ['image', { model: 'google/nano-banana', prompt: long(5_001) }, ['prompt']],
  [
    'image',
    { model: 'google/nano-banana', prompt: 'A fox', inputImageUrls: img(11), resolution: '1K' },
    ['inputImageUrls', 'resolution'],
  ],
  // Kling 2.1
  [
    'video',
    { model: 'kling/v2-1-standard', prompt: 'Pan', inputImageUrls: img(1), duration: 10 },
    [],
  ],
  ['video', { model: 'kling/v2-1-standard', prompt: 'Pan' }, ['inputMode']],
  [
    'video',
    { model: 'kling/v2-1-standard', prompt: 'Pan', inputMode: 'image_to_video' },
    ['inputImageUrls'],
  ],
  ['video', { model: 'kling/v2-1-pro', prompt: 'Pan', inputImageUrls: img(2) }, ['inputImageUrls']],
  [
    'video',
    { model: 'kling/v2-1-pro', prompt: 'Pan', inputImageUrls: img(1), aspectRatio: '16:9' },
    ['aspectRatio'],
  ],
  [
    'video',
    { model: 'kling/v2-1-pro', prompt: 'Pan', inputImageUrls: img(1), duration: 8 },
    ['duration'],
  ],
  [
    'video',
    {
      model: 'kling/v2-1-pro',
      prompt: 'Pan',
      inputImageUrls: img(1),
      negativePrompt: long(500),
      guidanceScale: 50,
    },
    [],
  ],
  [
    'video',
    { model: 'kling/v2-1-pro', prompt: 'Pan', inputImageUrls: img(1), negativePrompt: long(501) },
    ['negativePrompt'],
  ],
  [
    'video',
    { model: 'kling/v2-1-master-text-to-video', prompt: 'Pan', aspectRatio: '1:1', duration: 5 },
    [],
  ],
  [
    'video',
    { model: 'kling/v2-1-master-text-to-video', prompt: 'Pan', inputImageUrls: img(1) },
    ['inputMode'],
  ],
  [
    'video',
    {
      model: 'kling/v2-1-master-text-to-video',
      prompt: 'Pan',
      inputMode: 'text_to_video',
      inputImageUrls: img(1),
    },
    ['inputImageUrls'],
  ],
  // Sora 2
  [
    'video',
    {
      model: 'sora-2-text-to-video',
      prompt: 'Dolly',
      duration: 20,
      resolution: '1080p',
      aspectRatio: '9:16',
    },
    [],
  ],
  ['video', { model: 'sora-2-text-to-video', prompt: 'Dolly', resolution: '4K' }, ['resolution']],
  [
    'video',
    { model: 'sora-2-text-to-video', prompt: 'Dolly', providerInput: { resolution: '480p' } },
    ['resolution'],
  ],
  [
    'video',
    { model: 'sora-2-text-to-video', prompt: 'Dolly', aspectRatio: '1:1' },
    ['aspectRatio'],
  ],
  ['video', { model: 'sora-2-text-to-video', prompt: 'Dolly', duration: 15 }, ['duration']],
  ['video', { model: 'sora-2-pro-text-to-video', prompt: long(4000) }, []],
  ['video', { model: 'sora-2-pro-text-to-video', prompt: long(4001) }, ['prompt']],
  [
    'video',
    { model: 'sora-2-image-to-video', prompt: 'Dolly', inputImageUrls: img(1), resolution: '720p' },
    [],
  ],
  // No images: the client sends text_to_video, which this model does not do.
  ['video', { model: 'sora-2-image-to-video', prompt: 'Dolly', inputImageUrls: [] }, ['inputMode']],
  // Hailuo 02
  ['video', { model: 'hailuo/02-text-to-video-standard', prompt: long(1500), duration: 10 }, []],
  ['video', { model: 'hailuo/02-text-to-video-pro', prompt: 'Rain', duration: 5 }, []],
  ['video', { model: 'hailuo/02-text-to-video-pro', prompt: long(1501) }, ['prompt']],
  [
    'video',
    { model: 'hailuo/02-text-to-video-pro', prompt: 'Rain', aspectRatio: '16:9' },
    ['aspectRatio'],
  ],
  [
    'video',
    { model: 'hailuo/02-image-to-video-standard', prompt: 'Rain', inputImageUrls: img(1) },
    [],
  ],
  [
    'video',
    { model: 'hailuo/02-image-to-video-pro', prompt: 'Rain', inputImageUrls: img(1), duration: 10 },
    [],
  ],
  [
    'video',
    {
      model: 'hailuo/02-image-to-video-pro',
      prompt: 'Rain',
      inputImageUrls: img(1),
      resolution: '720p',
    },
    ['resolution'],
  ],
  // Veo 3.1
  ['video', { model: 'veo3_fast', prompt: 'Waves', duration: 8, aspectRatio: '9:16' }, []],
  ['video', { model: 'veo3', prompt: 'Waves', inputImageUrls: img(3) }, []],
  ['video', { model: 'veo3', prompt: 'Waves', inputImageUrls: img(4) }, ['inputImageUrls']],
  [
    'video',
    { model: 'veo3_lite', prompt: 'Waves', inputMode: 'image_to_video', inputImageUrls: img(2) },
    [],
  ],
  ['video', { model: 'veo3_lite', prompt: 'Waves', inputImageUrls: img(6) }, ['inputImageUrls']],
  ['video', { model: 'veo3_lite', prompt: 'Waves', duration: 5 }, ['duration']],
  ['video', { model: 'veo3_lite', prompt: 'Waves', duration: 61 }, ['duration']],
  [
    'video',
    {
      model: 'veo3_fast',
      prompt: 'Waves',
      width: 1280,
      height: 720,
      fps: 24,
      motionStrength: 40,
      seed: '7',
      cameraMotion: 'orbit',
    },
    [],
  ],
  [
    'video',
    {
      model: 'veo3_fast',
      prompt: 'Waves',
      width: 63,
      height: 4097,
      fps: 24.5,
      motionStrength: 101,
    },
    ['width', 'height', 'fps', 'motionStrength'],
  ],
  [
    'video',
    { model: 'veo3_fast', prompt: 'Waves', seed: 7, cameraMotion: true, guidanceScale: -1 },
    ['seed', 'cameraMotion', 'guidanceScale'],
  ],
  [
    'video',
    { model: 'veo3_fast', prompt: 'Waves', negativePrompt: long(2001) },
    ['negativePrompt'],
  ],
  ['video', { model: 'veo3_fast', prompt: 'Waves', inputMode: 'text_to_image' }, ['inputMode']],
  // Wan 2.6
  [
    'video',
    { model: 'wan/2-6-text-to-video', prompt: 'City', duration: 15, resolution: '1080p' },
    [],
  ],
  ['video', { model: 'wan/2-6-text-to-video', prompt: 'City', duration: 20 }, ['duration']],
  [
    'video',
    {
      model: 'wan/2-6-image-to-video',
      prompt: 'City',
      inputImageUrls: img(1),
      resolution: '720p',
      duration: 10,
    },
    [],
  ],
  [
    'video',
    {
      model: 'wan/2-6-image-to-video',
      prompt: 'City',
      inputImageUrls: img(1),
      aspectRatio: '16:9',
    },
    ['aspectRatio'],
  ],
  [
    'video',
    {
      model: 'wan/2-6-image-to-video',
      prompt: 'City',
      inputImageUrls: ['ftp://example.com/a.png'],
    },
    ['inputImageUrls'],
  ],
  // Seedance 1.5 Pro
  [
    'video',
    {
      model: 'bytedance/seedance-1.5-pro',
      prompt: 'Dance',
      duration: 12,
      resolution: '480p',
      aspectRatio: '21:9',
    },
    [],
  ],
  ['video', { model: 'bytedance/seedance-1.5-pro', prompt: 'Dance', inputImageUrls: img(1) }, []],
  ['video', { model: 'bytedance/seedance-1.5-pro', prompt: 'Da' }, ['prompt']],
  ['video', { model: 'bytedance/seedance-1.5-pro', prompt: long(2501) }, ['prompt']],
  [
    'video',
    { model: 'bytedance/seedance-1.5-pro', prompt: 'Dance', inputImageUrls: img(2) },
    ['inputImageUrls'],
  ],
  ['video', { model: 'bytedance/seedance-1.5-pro', prompt: 'Dance', duration: 5 }, ['duration']],
  // Whole-body problems
  ['video', { model: 'gpt-image-2', prompt: 'Waves' }, ['model']],
  ['video', { model: 'veo3', prompt: 'Waves', resolutions: '720p' }, ['form']],
];

describe('the mock validates as the client does', () => {
  it.each(
    battery.map(
      ([kind, draft, wrong]) =>
        [`${kind} ${JSON.stringify(draft).slice(0, 110)}`, kind, draft, wrong] as const,
    ),
  )('%s', (_, kind, draft, wrong) => {
    const wire = toWireBody(draft as unknown as DraftRequest, kind);
    const mock = validateMockRequest(wire, kind, defaultRegistry);
    const client = validateRequest(wire, kind, defaultRegistry);
    expect(verdict(mock)).toEqual([...wrong].sort());
    expect(verdict(client)).toEqual(verdict(mock));
    // Every message names its field.
    for (const [field, messages] of Object.entries(mock?.fieldErrors ?? {})) {
      for (const message of messages ?? []) {
        if (message !== 'Prompt is required') expect(message).toContain(field);
      }
    }
  });

  it('covers every built-in model with a valid request', () => {
    const valid = new Set(
      battery.filter(([, , wrong]) => wrong.length === 0).map(([, draft]) => draft.model),
    );
    expect([...valid].sort()).toEqual(builtInModels.map((model) => model.id).sort());
  });
  // Random requests at scale: test/reliability/validation-property.test.ts.
});

describe('the server-only rules', () => {
  it('answers a missing prompt with exactly "Prompt is required"', () => {
    expect(validateMockRequest({ model: 'gpt-image-2' }, 'image', defaultRegistry)).toEqual({
      formErrors: [],
      fieldErrors: { prompt: ['Prompt is required'] },
    });
  });

  it('requires inputMode on the video endpoint, which the client always sends', () => {
    const errors = validateMockRequest(
      { model: 'veo3', prompt: 'Waves' },
      'video',
      defaultRegistry,
    );
    expect(errors?.fieldErrors.inputMode?.[0]).toMatch(/inputMode is required/);
    expect(
      validateMockRequest(
        toWireBody({ model: 'veo3', prompt: 'Waves' }, 'video'),
        'video',
        defaultRegistry,
      ),
    ).toBeNull();
  });

  it('refuses a body that is not an object as a form error', () => {
    expect(validateMockRequest(['a'], 'image', defaultRegistry)).toEqual({
      formErrors: ['The request body must be a JSON object'],
      fieldErrors: {},
    });
  });
});

// Requests for fast-check, drawn per model near every documented limit: valid values, their
// neighbours just outside, other models' values, wrong types and unknown fields.
import fc from 'fast-check';
import type { ModelKind, ModelSpec } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import type { DraftRequest } from '../../src/core/request/types.js';

const x = (n: number) => 'x'.repeat(Math.max(0, n));
const urls = (n: number) =>
  Array.from({ length: n }, (_, i) => `https://cdn.example.com/ref-${i}.png`);
const all = <K extends 'aspectRatios' | 'resolutions' | 'durations'>(key: K) => [
  ...new Set(builtInModels.flatMap((m) => m[key] as readonly unknown[])),
];

/** For each field of a draft for `model`: values allowed, just outside the rule, another model's, or of the wrong type. */
function fieldValues(model: ModelSpec): Record<string, fc.Arbitrary<unknown>> {
  const promptMin = model.promptMin ?? 1;
  const imageCounts = [0, 1, model.maxImages, model.maxImages + 1, 5, 6].filter((n) => n >= 0);
  const negativeMax = model.negativePromptMax ?? 2000;
  const own = <T>(values: readonly T[], fallback: T) =>
    fc.constantFrom(...(values.length ? values : [fallback]));
  return {
    prompt: fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .constantFrom(
            0,
            promptMin - 1,
            promptMin,
            model.promptMax,
            model.promptMax + 1,
            4000,
            4001,
          )
          .map(x),
      },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, 42, null, ['a']) },
    ),
    inputMode: fc.constantFrom(
      undefined,
      'text_to_image',
      'image_to_image',
      'text_to_video',
      'image_to_video',
      'TEXT',
    ),
    inputImageUrls: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...imageCounts).map(urls) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(
          undefined,
          ['/relative.png'],
          ['ftp://example.com/a.png'],
          [42],
          'https://example.com/a.png',
          ['http://example.com/a.png'],
        ),
      },
    ),
    aspectRatio: fc.oneof(
      own(model.aspectRatios, '16:9'),
      fc.constantFrom<unknown>(undefined, ...all('aspectRatios'), '7:3', '', 16),
    ),
    resolution: fc.oneof(
      own(model.resolutions, '720p'),
      fc.constantFrom<unknown>(undefined, ...all('resolutions'), '8K', null),
    ),
    duration: fc.oneof(
      own(model.durations, 5),
      fc.constantFrom<unknown>(
        undefined,
        ...all('durations'),
        ...model.durations.flatMap((d) => [d - 1, d + 1]),
        0,
        61,
        4.5,
        '8',
      ),
    ),
    negativePrompt: fc.constantFrom(negativeMax, negativeMax + 1, 1).map(x),
    guidanceScale: fc.constantFrom<unknown>(0, 50.5, 100, -1, 101, '7'),
    width: fc.constantFrom(64, 1280, 4096, 63, 4097, 1280.5),
    height: fc.constantFrom(64, 720, 4096, 63, 4097),
    fps: fc.constantFrom(1, 24, 60, 0, 61, 24.5),
    seed: fc.constantFrom<unknown>('7', 7),
    motionStrength: fc.constantFrom(0, 40, 100, -1, 101),
    cameraMotion: fc.constantFrom<unknown>('orbit', true),
    providerInput: fc.constantFrom<unknown>(
      {},
      { quality: 'high' },
      'high',
      { resolution: '480p' },
      { resolution: model.resolutions[0] ?? '720p' },
    ),
    aspect_ratio: fc.constant('1:1'),
    model: fc.constantFrom<unknown>(
      undefined,
      '',
      'dall-e-3',
      7,
      ...builtInModels.map((m) => m.id),
    ),
  };
}

/**
 * A draft for `model`: a valid one with up to three fields changed to values near or past the rules
 * (or removed), so about a third are valid and the rest break one rule or several.
 */
export function draftFor(model: ModelSpec): fc.Arbitrary<Record<string, unknown>> {
  const fields = fieldValues(model);
  const change = fc
    .constantFrom(...Object.keys(fields))
    .chain((key) => fields[key]!.map((value) => [key, value] as const));
  return fc
    .tuple(validDraftFor(model), fc.array(change, { maxLength: 3 }))
    .map(([draft, changes]) => {
      const changed: Record<string, unknown> = { ...draft };
      for (const [key, value] of changes) changed[key] = value;
      return changed;
    });
}

/** A draft for any built-in model, sent to its own endpoint or (one time in ten) to the other one. */
export const anyDraft: fc.Arbitrary<[ModelKind, Record<string, unknown>]> = fc
  .constantFrom(...builtInModels)
  .chain((model) =>
    fc.tuple(
      fc.constantFrom<ModelKind>(
        ...Array<ModelKind>(9).fill(model.kind),
        model.kind === 'video' ? 'image' : 'video',
      ),
      draftFor(model),
    ),
  );

/** A draft valid by construction for `model`: only its allowed values, images when its mode needs them. */
export function validDraftFor(model: ModelSpec): fc.Arbitrary<DraftRequest> {
  return fc
    .record({
      mode: fc.constantFrom(...model.inputModes),
      prompt: fc.integer({ min: model.promptMin ?? 1, max: Math.min(model.promptMax, 300) }).map(x),
      images: fc.integer({ min: 1, max: Math.max(1, Math.min(model.maxImages, 5)) }),
      aspectRatio: fc.option(
        fc.constantFrom(...(model.aspectRatios.length ? model.aspectRatios : [undefined])),
        { nil: undefined },
      ),
      resolution: fc.option(
        fc.constantFrom(...(model.resolutions.length ? model.resolutions : [undefined])),
        { nil: undefined },
      ),
      duration: fc.option(
        fc.constantFrom(...(model.durations.length ? model.durations : [undefined])),
        { nil: undefined },
      ),
    })
    .map(({ mode, prompt, images, aspectRatio, resolution, duration }) => {
      const withImages = mode.startsWith('image_');
      // An aspect ratio some resolutions exclude is sent with one that allows it.
      const onlyAt = aspectRatio ? model.aspectRatioResolutions?.[aspectRatio] : undefined;
      const fitted =
        onlyAt && !(resolution && onlyAt.includes(resolution)) ? onlyAt[0] : resolution;
      const draft: DraftRequest = { model: model.id, prompt, inputMode: mode };
      if (withImages) draft.inputImageUrls = urls(images);
      if (aspectRatio) draft.aspectRatio = aspectRatio;
      if (fitted) draft.resolution = fitted;
      if (duration !== undefined && model.kind === 'video') draft.duration = duration;
      return draft;
    });
}

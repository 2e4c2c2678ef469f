import type { FieldErrors } from '../errors.js';
import type { InputMode, ModelKind, ModelSpec } from '../registry/model-spec.js';
import type { Registry } from '../registry/registry.js';
import { definedFields, isHttpUrl, isRecord } from '../values.js';
import { modesOf } from './input-mode.js';
import { providerInputError } from './provider-input-limits.js';

// Kept here for the components that import it from this file.
export { isHttpUrl };

// The rules, from ../shared/api/REFERENCE.md sections 3, 4 and 7, plus the library's decisions where
// the docs are silent (the mock implements the same list on its own, so the two check each other):
// - Unknown top-level fields are refused (a typo such as `aspect_ratio` would otherwise be dropped by
//   the server and the credits spent anyway); provider-specific fields go in `providerInput`.
// - `inputMode` may be omitted: images attached mean image-to-…, none mean text-to-….
// - Text modes take no images; image modes need at least one, up to the model's maximum.
// - A model with no aspect ratios or resolutions refuses the field rather than ignoring it.
// - `negativePrompt` and `guidanceScale` are accepted for every video model (others ignore them, the
//   reference says); Kling caps the negative prompt at 500.
// - Video `resolution` may come as `resolution` or `providerInput.resolution`; both are checked.

const IMAGE_FIELDS = [
  'prompt',
  'model',
  'inputMode',
  'inputImageUrls',
  'aspectRatio',
  'resolution',
  'providerInput',
];
// [doc] the video endpoint's schema
const VIDEO_MAX_IMAGES = 5;
const VIDEO_PROMPT_MAX = 4000;
const NEGATIVE_PROMPT_MAX = 2000;
// A video field's rule: a number range `[min, max, integer?]`, or `0` for a string.
type Rule = readonly [min: number, max: number, integer?: 1] | 0;
/** The video endpoint's own fields and their rules (the task list's request parse reads them too). */
export const VIDEO_RULES: Record<string, Rule> = {
  width: [64, 4096, 1],
  height: [64, 4096, 1],
  duration: [1, 60],
  fps: [1, 60, 1],
  guidanceScale: [0, 100],
  motionStrength: [0, 100],
  seed: 0,
  cameraMotion: 0,
  negativePrompt: 0,
};
/** Every field a request may have: the image endpoint's, then the video endpoint's own. */
export const VIDEO_FIELDS = [...IMAGE_FIELDS, ...Object.keys(VIDEO_RULES)];

const list = (values: readonly unknown[]) => values.join(', ');
const article = (kind: ModelKind) => (kind === 'image' ? 'an image' : 'a video');

/**
 * Checks a request against the endpoint's schema and the model's rules in the registry. Returns the
 * errors in the API's 400 shape, or `null` when the request may be sent.
 */
export function validateRequest(
  request: unknown,
  kind: ModelKind,
  registry: Registry,
): FieldErrors | null {
  const errors: FieldErrors = { formErrors: [], fieldErrors: {} };
  const fail = (field: string, message: string) =>
    void (errors.fieldErrors[field] ??= []).push(message);
  if (!isRecord(request)) return { formErrors: ['The request must be an object'], fieldErrors: {} };

  // A field set to `undefined` counts as absent, as a form often leaves it.
  const body = definedFields(request);
  const video = kind === 'video';
  for (const key of Object.keys(body)) {
    if (!(video ? VIDEO_FIELDS : IMAGE_FIELDS).includes(key)) {
      errors.formErrors.push(
        `Unknown field "${key}" (provider-specific fields go in providerInput)`,
      );
    }
  }

  // model: required, known, and of this endpoint's kind.
  const given = body.model;
  let model: ModelSpec | undefined;
  if (given === undefined || given === '') fail('model', 'model is required');
  else if (typeof given !== 'string') fail('model', 'model must be a string');
  else if (!(model = registry.get(given)))
    fail('model', `model ${given} is not a known ${kind} model`);
  else if (model.kind !== kind) {
    fail('model', `model ${given} is ${article(model.kind)} model, not ${article(kind)} model`);
    model = undefined;
  }
  const id = model?.id;

  // inputImageUrls: a list of absolute http(s) URLs (`images` stays unset when it is not a list).
  const urls = body.inputImageUrls;
  let images: readonly unknown[] | undefined;
  if (urls !== undefined) {
    if (!Array.isArray(urls)) fail('inputImageUrls', 'inputImageUrls must be an array of URLs');
    else {
      images = urls;
      if (video && urls.length > VIDEO_MAX_IMAGES)
        fail('inputImageUrls', `inputImageUrls must have at most ${VIDEO_MAX_IMAGES} items`);
      urls.forEach((url, index) => {
        if (!isHttpUrl(url))
          fail('inputImageUrls', `inputImageUrls[${index}] must be an absolute http(s) URL`);
      });
    }
  }

  // prompt: required; the endpoint and the model cap it.
  const { prompt } = body;
  if (typeof prompt !== 'string' || prompt.length === 0) {
    fail(
      'prompt',
      typeof prompt === 'string' || prompt === undefined
        ? 'Prompt is required'
        : 'prompt must be a string',
    );
  } else {
    const max = Math.min(model?.promptMax ?? Infinity, video ? VIDEO_PROMPT_MAX : Infinity);
    const min = model?.promptMin ?? 1;
    if (prompt.length > max)
      fail(
        'prompt',
        `prompt must be at most ${max} characters for ${id ?? kind} (it has ${prompt.length})`,
      );
    if (prompt.length < min) fail('prompt', `prompt must be at least ${min} characters for ${id}`);
  }

  // inputMode: checked against the images and the model. Left out, the images decide it, and a model
  // that cannot serve them is told in terms of the images, the field the caller set.
  const modes = modesOf(kind);
  const givenMode = body.inputMode as InputMode | undefined;
  // How many images: -1 for a list too broken to count (already reported).
  const count = images ? images.length : body.inputImageUrls === undefined ? 0 : -1;
  if (givenMode !== undefined && !modes.includes(givenMode)) {
    fail('inputMode', `inputMode must be one of ${list(modes)}`);
  } else {
    const image = givenMode ? givenMode === modes[1] : count > 0;
    const mode = modes[+image]!;
    if (model && !model.inputModes.includes(mode)) {
      // The same family's model that does take (or skip) images: "Sora 2" → "Sora 2 Image-to-Video".
      const other = registry.models.find(
        (item) =>
          item.family === model.family && item.kind === kind && item.inputModes.includes(mode),
      );
      fail(
        givenMode ? 'inputMode' : 'inputImageUrls',
        givenMode
          ? `inputMode ${mode} is not supported by ${id} (it takes ${list(model.inputModes)})`
          : `${model.name} ${image ? 'takes no images: remove' : 'needs an image: add'} inputImageUrls${other ? ` or choose ${other.name}` : ''}`,
      );
    }
    if (image ? count === 0 : count > 0)
      fail(
        'inputImageUrls',
        `inputImageUrls ${image ? 'needs at least 1 image' : 'must be empty'} for ${mode}`,
      );
  }
  if (model && images && images.length > model.maxImages && model.maxImages > 0) {
    fail(
      'inputImageUrls',
      `inputImageUrls must have at most ${model.maxImages} for ${id} (it has ${images.length})`,
    );
  }

  if (video) {
    for (const [field, rule] of Object.entries(VIDEO_RULES)) {
      const value = body[field];
      if (value === undefined) continue;
      if (!rule) {
        if (typeof value !== 'string') fail(field, `${field} must be a string`);
        continue;
      }
      const [min, max, integer] = rule;
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (integer && !Number.isInteger(value)) ||
        value < min ||
        value > max
      ) {
        fail(
          field,
          `${field} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`,
        );
      }
    }
    const negative = body.negativePrompt;
    if (typeof negative === 'string') {
      const max = Math.min(NEGATIVE_PROMPT_MAX, model?.negativePromptMax ?? Infinity);
      if (negative.length > max)
        fail(
          'negativePrompt',
          `negativePrompt must be at most ${max} characters${max < NEGATIVE_PROMPT_MAX ? ` for ${id}` : ''}`,
        );
    }
    const { duration } = body;
    if (
      model &&
      typeof duration === 'number' &&
      !errors.fieldErrors.duration &&
      !model.durations.includes(duration)
    ) {
      const allowed = model.durations;
      fail(
        'duration',
        allowed.length === 1
          ? `duration must be ${allowed[0]} for ${id} (fixed)`
          : `duration must be one of ${list(allowed)} for ${id}`,
      );
    }
  }

  const inputError = providerInputError(body.providerInput);
  if (inputError) fail('providerInput', inputError);
  // `in`, not `??`: a `null` resolution is an error to report, not an absent field.
  const resolution =
    'resolution' in body
      ? body.resolution
      : kind === 'video' && isRecord(body.providerInput)
        ? body.providerInput.resolution
        : undefined;
  checkChoice('aspectRatio', body.aspectRatio, model, fail);
  checkChoice('resolution', resolution, model, fail);
  const onlyAt = model?.aspectRatioResolutions?.[body.aspectRatio as string];
  if (model && onlyAt) {
    const effective = resolution === undefined ? model.defaultResolution : resolution;
    if (typeof effective === 'string' && !onlyAt.includes(effective)) {
      fail(
        'aspectRatio',
        `aspectRatio ${body.aspectRatio} is only available at ${list(onlyAt)} for ${id} (resolution is ${effective})`,
      );
    }
  }

  return errors.formErrors.length || Object.keys(errors.fieldErrors).length ? errors : null;
}

/** `aspectRatio` or `resolution` against the model's list. */
function checkChoice(
  field: 'aspectRatio' | 'resolution',
  value: unknown,
  model: ModelSpec | undefined,
  fail: (field: string, message: string) => void,
) {
  if (value === undefined) return;
  if (typeof value !== 'string') return fail(field, `${field} must be a string`);
  if (!model) return;
  const allowed = field === 'aspectRatio' ? model.aspectRatios : model.resolutions;
  if (allowed.length === 0) {
    const why =
      field === 'aspectRatio' && model.aspectRatioFromImage ? '; it follows the input image' : '';
    fail(field, `${field} is not supported by ${model.id}${why}`);
  } else if (!allowed.includes(value)) {
    fail(field, `${field} must be one of ${list(allowed)} for ${model.id}`);
  }
}

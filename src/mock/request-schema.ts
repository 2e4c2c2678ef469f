import { z } from 'zod';
import type { FieldErrors } from '../core/errors.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { Registry } from '../core/registry/registry.js';

// The server's validation, written from ../shared/api/REFERENCE.md sections 3, 4 and 7 on its own
// (it reads the registry's data but never the client's validation code, so each checks the other).
// Where the docs are silent it follows the library's decisions:
// - unknown top-level fields are refused (provider-specific fields go in `providerInput`);
// - text modes take no images; image modes need at least one, up to the model's maximum;
// - a model with no aspect ratios or resolutions refuses the field;
// - `negativePrompt` and `guidanceScale` are accepted by every video model, Kling caps the negative
//   prompt at 500;
// - a video's resolution may come as `resolution` or `providerInput.resolution`;
// - image bodies may carry `inputMode` (checked against the images), though the API infers it.
// Unlike the client (whose drafts may omit it), the video endpoint requires `inputMode` [doc].

// [doc] the video endpoint's schema
const VIDEO_PROMPT_MAX = 4000;
const VIDEO_IMAGES_MAX = 5;
const NEGATIVE_PROMPT_MAX = 2000;
const VIDEO_NUMBERS = {
  width: { min: 64, max: 4096, integer: true },
  height: { min: 64, max: 4096, integer: true },
  fps: { min: 1, max: 60, integer: true },
  guidanceScale: { min: 0, max: 100, integer: false },
  motionStrength: { min: 0, max: 100, integer: false },
} as const;
const DURATION = { min: 1, max: 60 };
const MODES = {
  image: ['text_to_image', 'image_to_image'],
  video: ['text_to_video', 'image_to_video'],
} as const;

type Ctx = z.RefinementCtx;
const said = (values: readonly unknown[]) => values.join(', ');

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    return new URL(value).host !== '';
  } catch {
    return false;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (field: string) => z.string({ error: `${field} must be a string` });

function prompt(kind: ModelKind, model: ModelSpec | undefined) {
  const max = Math.min(
    model?.promptMax ?? Infinity,
    kind === 'video' ? VIDEO_PROMPT_MAX : Infinity,
  );
  const min = model?.promptMin ?? 1;
  const where = model?.id ?? kind;
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'Prompt is required' : 'prompt must be a string',
    })
    .superRefine((value, ctx) => {
      // [doc] a missing or empty prompt answers exactly "Prompt is required".
      if (value.length === 0) return void ctx.addIssue('Prompt is required');
      if (value.length > max)
        ctx.addIssue(
          `prompt must be at most ${max} characters for ${where} (it has ${value.length})`,
        );
      if (value.length < min)
        ctx.addIssue(`prompt must be at least ${min} characters for ${where}`);
    });
}

function modelField(kind: ModelKind, registry: Registry) {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'model is required' : 'model must be a string',
    })
    .superRefine((id, ctx) => {
      if (id === '') return void ctx.addIssue('model is required');
      const model = registry.get(id);
      if (!model) ctx.addIssue(`model ${id} is not a known ${kind} model`);
      else if (model.kind !== kind)
        ctx.addIssue(`model ${id} makes ${model.kind}s: send it to /api/ai/${model.kind}/generate`);
    });
}

const rangeRule = (field: string, min: number, max: number, integer: boolean) =>
  `${field} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`;
const inRange = (value: number, min: number, max: number, integer: boolean) =>
  value >= min && value <= max && (!integer || Number.isInteger(value));

function numberIn(field: string, min: number, max: number, integer: boolean) {
  const rule = rangeRule(field, min, max, integer);
  return z.number({ error: rule }).refine((value) => inRange(value, min, max, integer), rule);
}

/** The endpoint's range first; the model's allowed values only for a number in range. */
function duration(model: ModelSpec | undefined) {
  const rule = rangeRule('duration', DURATION.min, DURATION.max, false);
  return z.number({ error: rule }).superRefine((value, ctx) => {
    if (!inRange(value, DURATION.min, DURATION.max, false)) return void ctx.addIssue(rule);
    const allowed = model?.durations;
    if (!allowed || allowed.includes(value)) return;
    ctx.addIssue(
      allowed.length === 1
        ? `duration must be ${allowed[0]} for ${model.id} (fixed)`
        : `duration must be one of ${said(allowed)} for ${model.id}`,
    );
  });
}

/** `aspectRatio` or `resolution` against the model's list (any string when the model is unknown). */
function choice(field: 'aspectRatio' | 'resolution', model: ModelSpec | undefined) {
  return text(field).superRefine((value, ctx) => checkChoice(field, value, model, ctx, [field]));
}

function checkChoice(
  field: 'aspectRatio' | 'resolution',
  value: string,
  model: ModelSpec | undefined,
  ctx: Ctx,
  path: string[],
) {
  if (!model) return;
  const allowed = field === 'aspectRatio' ? model.aspectRatios : model.resolutions;
  if (allowed.length === 0) {
    const hint =
      field === 'aspectRatio' && model.aspectRatioFromImage ? ' (it follows the input image)' : '';
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${field} is not supported by ${model.id}${hint}`,
    });
  } else if (!allowed.includes(value)) {
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${field} must be one of ${said(allowed)} for ${model.id}`,
    });
  }
}

function imageUrls(kind: ModelKind) {
  return z
    .array(z.unknown(), { error: 'inputImageUrls must be an array of URLs' })
    .superRefine((urls, ctx) => {
      if (kind === 'video' && urls.length > VIDEO_IMAGES_MAX)
        ctx.addIssue(`inputImageUrls must have at most ${VIDEO_IMAGES_MAX} items`);
      urls.forEach((url, index) => {
        if (typeof url !== 'string' || !isHttpUrl(url))
          ctx.addIssue(`inputImageUrls[${index}] must be an absolute http(s) URL`);
      });
    });
}

function inputMode(kind: ModelKind) {
  const modes = MODES[kind];
  const rule = `inputMode must be one of ${said(modes)}`;
  const mode = z.enum(modes, {
    error: (issue) => (issue.input === undefined ? `inputMode is required (${said(modes)})` : rule),
  });
  return kind === 'video' ? mode : mode.optional();
}

/** Rules across fields: input mode against images and model, the image cap, resolution-bound ratios. */
function crossFieldRules(kind: ModelKind, model: ModelSpec | undefined, body: unknown, ctx: Ctx) {
  if (!isObject(body)) return;
  const issue = (field: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [field], message });
  const [textMode, imageMode] = MODES[kind];
  const images = Array.isArray(body.inputImageUrls) ? body.inputImageUrls : undefined;
  const given = body.inputMode;

  // The mode: as given when valid; for images, images alone mean image_to_image. (The field's own
  // schema reports a bad or, for video, a missing value.)
  const validGiven = given === textMode || given === imageMode;
  if (validGiven || (given === undefined && kind === 'image')) {
    const mode: string = validGiven ? String(given) : images?.length ? imageMode : textMode;
    if (model && !(model.inputModes as readonly string[]).includes(mode)) {
      issue(
        'inputMode',
        `inputMode ${mode} is not supported by ${model.id} (it takes ${said(model.inputModes)})`,
      );
    }
    if (mode === imageMode && (images ? images.length === 0 : body.inputImageUrls === undefined)) {
      issue('inputImageUrls', `inputImageUrls needs at least 1 image for ${mode}`);
    }
    if (mode === textMode && images?.length)
      issue('inputImageUrls', `inputImageUrls must be empty for ${mode}`);
  }
  if (model && images && model.maxImages > 0 && images.length > model.maxImages) {
    issue(
      'inputImageUrls',
      `inputImageUrls must have at most ${model.maxImages} for ${model.id} (it has ${images.length})`,
    );
  }

  // A video's resolution may travel in providerInput; checked there when the top level has none.
  let resolution = body.resolution;
  if (resolution === undefined && kind === 'video' && isObject(body.providerInput)) {
    resolution = body.providerInput.resolution;
    if (typeof resolution === 'string')
      checkChoice('resolution', resolution, model, ctx, ['resolution']);
    else if (resolution !== undefined) issue('resolution', 'resolution must be a string');
  }

  // [provider] some aspect ratios exist at some resolutions only (Nano Banana 2's 1:4 at 1K).
  const onlyAt =
    typeof body.aspectRatio === 'string'
      ? model?.aspectRatioResolutions?.[body.aspectRatio]
      : undefined;
  const effective = typeof resolution === 'string' ? resolution : model?.defaultResolution;
  if (model && onlyAt && effective && !onlyAt.includes(effective)) {
    issue(
      'aspectRatio',
      `aspectRatio ${String(body.aspectRatio)} is only available at ${said(onlyAt)} for ${model.id} (resolution is ${effective})`,
    );
  }
}

/** The zod schema of one endpoint's body for one model (`undefined`: the model is missing or unknown). */
function bodySchema(kind: ModelKind, model: ModelSpec | undefined, registry: Registry) {
  const common = {
    prompt: prompt(kind, model),
    model: modelField(kind, registry),
    inputMode: inputMode(kind),
    inputImageUrls: imageUrls(kind).optional(),
    aspectRatio: choice('aspectRatio', model).optional(),
    resolution: choice('resolution', model).optional(),
    providerInput: z
      .record(z.string(), z.unknown(), { error: 'providerInput must be an object' })
      .optional(),
  };
  const negativeMax = Math.min(NEGATIVE_PROMPT_MAX, model?.negativePromptMax ?? Infinity);
  const video = {
    duration: duration(model).optional(),
    ...Object.fromEntries(
      Object.entries(VIDEO_NUMBERS).map(([field, { min, max, integer }]) => [
        field,
        numberIn(field, min, max, integer).optional(),
      ]),
    ),
    seed: text('seed').optional(),
    cameraMotion: text('cameraMotion').optional(),
    negativePrompt: text('negativePrompt')
      .max(
        negativeMax,
        `negativePrompt must be at most ${negativeMax} characters${negativeMax < NEGATIVE_PROMPT_MAX ? ` for ${model?.id}` : ''}`,
      )
      .optional(),
  };
  const shape = kind === 'video' ? { ...common, ...video } : common;
  return z
    .strictObject(shape, {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')} (provider-specific fields go in providerInput)`
          : 'The request body must be a JSON object',
    })
    .superRefine((body, ctx) => crossFieldRules(kind, model, body, ctx), { when: () => true });
}

const cache = new WeakMap<Registry, Map<string, ReturnType<typeof bodySchema>>>();

/** The schema for a body, built once per registry, endpoint and model. */
function schemaFor(kind: ModelKind, body: unknown, registry: Registry) {
  const id = isObject(body) && typeof body.model === 'string' ? body.model : undefined;
  const model = id === undefined ? undefined : registry.get(id);
  const fitting = model?.kind === kind ? model : undefined;
  const key = `${kind}:${fitting?.id ?? ''}`;
  let byKey = cache.get(registry);
  if (!byKey) cache.set(registry, (byKey = new Map()));
  let schema = byKey.get(key);
  if (!schema) byKey.set(key, (schema = bodySchema(kind, fitting, registry)));
  return schema;
}

/**
 * Checks a submit body as the server does. Returns zod's flattened errors (`{ formErrors, fieldErrors }`,
 * the API's 400 `details`), or `null` when the body is valid.
 */
export function validateMockRequest(
  body: unknown,
  kind: ModelKind,
  registry: Registry,
): FieldErrors | null {
  const result = schemaFor(kind, body, registry).safeParse(body);
  return result.success ? null : z.flattenError(result.error);
}

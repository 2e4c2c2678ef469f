import type { ModelSpec } from '../registry/model-spec.js';
import { modeLabel } from '../registry/registry.js';
import { effectiveInputMode, modesOf } from './input-mode.js';
import type { DraftRequest } from './types.js';

/** One thing {@link adaptRequest} changed, with a sentence to show the user. */
export interface RequestChange {
  /** The field that changed. */
  field: keyof DraftRequest;
  /** Its value before. */
  from: unknown;
  /** Its value after; `undefined` when the field was removed. */
  to: unknown;
  /** What changed and why, e.g. "Duration 5 s → 8 s: Veo 3.1 Fast makes 8-second clips only". */
  message: string;
}

/** The adapted request and what was changed to get there. */
export interface AdaptedRequest {
  request: DraftRequest;
  changes: RequestChange[];
}

const VIDEO_ONLY = [
  'negativePrompt',
  'guidanceScale',
  'width',
  'height',
  'fps',
  'seed',
  'motionStrength',
  'cameraMotion',
] as const;

// Resolutions compared by size: "720p" → 720, "2K" → 2000.
const size = (resolution: string) => parseFloat(resolution) * (/k$/i.test(resolution) ? 1000 : 1);
// Aspect ratios compared by shape, on a log scale so 1:2 and 2:1 are as far from 1:1.
const shape = (ratio: string) => {
  const [w, h] = ratio.split(':').map(Number);
  return w && h ? Math.log(w / h) : 0;
};

/** The allowed value nearest to `value` by `measure`; ties go to the smaller (the cheaper). */
function nearest<T>(allowed: readonly T[], value: T, measure: (item: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of allowed) {
    if (
      best === undefined ||
      Math.abs(measure(item) - measure(value)) < Math.abs(measure(best) - measure(value))
    )
      best = item;
  }
  return best;
}

/**
 * The request nearest to `request` that `model` can serve, and the list of what changed: input mode
 * switched, extra images dropped, duration/aspect ratio/resolution moved to the nearest allowed value
 * (or removed when the model has no such option). The prompt is never cut: an over-long prompt stays
 * for the user to edit, and validation says so.
 */
export function adaptRequest(request: DraftRequest, model: ModelSpec): AdaptedRequest {
  const next: DraftRequest = { ...request, model: model.id };
  const changes: RequestChange[] = [];
  const change = (field: keyof DraftRequest, to: unknown, message: string) => {
    changes.push({ field, from: next[field], to, message });
    if (to === undefined) delete next[field];
    else (next as unknown as Record<string, unknown>)[field] = to;
  };
  if (request.model !== model.id)
    changes.push({
      field: 'model',
      from: request.model,
      to: model.id,
      message: `Model → ${model.name}`,
    });

  // Input mode: keep it if the model takes it, else switch; then fit the images to the mode and the model.
  const images = next.inputImageUrls ?? [];
  const [textMode, imageMode] = modesOf(model.kind);
  const wanted = effectiveInputMode(next, model.kind).startsWith('image') ? imageMode : textMode;
  const mode = model.inputModes.includes(wanted)
    ? wanted
    : wanted === imageMode
      ? textMode
      : imageMode;
  if (next.inputMode !== undefined ? next.inputMode !== mode : mode !== wanted) {
    change(
      'inputMode',
      mode,
      `Input mode → ${modeLabel(mode)}: ${model.name} does ${model.inputModes.map(modeLabel).join(', ')}`,
    );
  }
  const keep = mode === textMode ? 0 : model.maxImages;
  if (images.length > keep) {
    const dropped = images.length - keep;
    change(
      'inputImageUrls',
      keep ? images.slice(0, keep) : undefined,
      `${dropped} image${dropped === 1 ? '' : 's'} removed: ${model.name} takes ${keep ? `at most ${keep}` : `none in ${modeLabel(mode)}`}`,
    );
  }

  // Fields image requests do not have are removed when the new model makes images.
  if (model.kind === 'image') {
    for (const field of VIDEO_ONLY) {
      if (next[field] !== undefined)
        change(field, undefined, `${field} removed: ${model.name} makes images`);
    }
  }

  // Options the model lacks move to its nearest value, or are removed when it has no such option.
  const choose = <T extends string | number>(
    field: 'duration' | 'aspectRatio' | 'resolution',
    label: string,
    allowed: readonly T[],
    measure: (value: T) => number,
    unit = '',
  ) => {
    const value = next[field] as T | undefined;
    if (value === undefined || allowed.includes(value)) return;
    const to =
      value === 'auto'
        ? allowed[0]
        : nearest(
            allowed.filter((item) => item !== 'auto'),
            value,
            measure,
          );
    change(
      field,
      to,
      to === undefined
        ? `${label} ${value}${unit} removed: ${model.name} has no such option`
        : `${label} ${value}${unit} → ${to}${unit}: ${model.name} offers ${allowed.join(', ')}${unit}`,
    );
  };
  choose('duration', 'Duration', model.durations, Number, ' s');
  choose('aspectRatio', 'Aspect ratio', model.aspectRatios, shape);
  choose('resolution', 'Resolution', model.resolutions, size);
  // An aspect ratio some resolutions exclude (Nano Banana 2's 1:4 at 1K only): keep the shape, move the resolution.
  const onlyAt = next.aspectRatio ? model.aspectRatioResolutions?.[next.aspectRatio] : undefined;
  const resolution = next.resolution ?? model.defaultResolution;
  if (onlyAt && resolution && !onlyAt.includes(resolution)) {
    change(
      'resolution',
      onlyAt[0],
      `Resolution ${resolution} → ${onlyAt[0]}: ${next.aspectRatio} is only available at ${onlyAt.join(', ')}`,
    );
  }
  return { request: next, changes };
}

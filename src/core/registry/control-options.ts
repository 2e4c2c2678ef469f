import type { ModelSpec } from './model-spec.js';
import { priceOf } from './estimate-credits.js';

/** One choice of a control, with why it is unavailable when it is. */
export interface ControlOption<T> {
  /** The value to send. */
  value: T;
  /** Whether the choice is unavailable with the rest of the request. */
  disabled: boolean;
  /** Why it is unavailable, in words for a person. */
  reason?: string;
  /** Its price with the rest of the request, when published. */
  credits: number | null;
}

/** The current choices a control's options depend on. */
export interface OptionContext {
  duration?: number;
  aspectRatio?: string;
  resolution?: string;
}

/** The model's durations (a single value is fixed). Other models' durations are not offered. */
export function getDurationOptions(
  model: ModelSpec,
  context: OptionContext = {},
): ControlOption<number>[] {
  return model.durations.map((value) => ({
    value,
    disabled: false,
    credits: priceOf(model, context.resolution, value),
  }));
}

/**
 * An option that the model's aspect-ratio/resolution exclusions (Nano Banana 2's 1:4 at 1K only)
 * rule out, with the reason, given the aspect ratio and resolution it would be combined with.
 */
function excluded(
  model: ModelSpec,
  aspectRatio: string | undefined,
  resolution: string | undefined,
) {
  const onlyAt = aspectRatio ? model.aspectRatioResolutions?.[aspectRatio] : undefined;
  return onlyAt && resolution && !onlyAt.includes(resolution)
    ? { disabled: true, reason: `${aspectRatio} is only available at ${onlyAt.join(', ')}` }
    : { disabled: false };
}

/** The model's aspect ratios; those its current resolution does not allow are disabled with the reason. */
export function getAspectRatioOptions(
  model: ModelSpec,
  context: OptionContext = {},
): ControlOption<string>[] {
  const resolution = context.resolution ?? model.defaultResolution;
  return model.aspectRatios.map((value) => ({
    value,
    ...excluded(model, value, resolution),
    credits: priceOf(model, context.resolution, context.duration),
  }));
}

/** The model's resolutions; those the current aspect ratio does not allow are disabled with the reason. */
export function getResolutionOptions(
  model: ModelSpec,
  context: OptionContext = {},
): ControlOption<string>[] {
  return model.resolutions.map((value) => ({
    value,
    ...excluded(model, context.aspectRatio, value),
    credits: priceOf(model, value, context.duration),
  }));
}

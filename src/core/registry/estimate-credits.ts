import type { ModelSpec } from './model-spec.js';
import { defaultRegistry, type Registry } from './registry.js';

/** The fields of a request (or a form's draft) that set its price. */
export interface CreditRequest {
  model: string;
  duration?: number;
  resolution?: string;
  providerInput?: Readonly<Record<string, unknown>>;
}

/**
 * The credits a request will cost by the published prices, or `null` when the model's price is not
 * published or the request's options have no price. A preview only: the submit's `creditsUsed` is
 * authoritative. Missing options count at the model's defaults (its default resolution, its
 * shortest duration).
 */
export function estimateCredits(
  request: CreditRequest,
  registry: Registry = defaultRegistry,
): number | null {
  const model = registry.get(request.model);
  return model
    ? priceOf(
        model,
        request.resolution ?? (request.providerInput?.resolution as string | undefined),
        request.duration,
      )
    : null;
}

/**
 * The published price of one option set of a model (its default options when none are given), or
 * `null` when the model publishes none: for a price list such as a Server Component's model table.
 */
export function priceOf(model: ModelSpec, resolution?: string, duration?: number): number | null {
  const rule = model.credits;
  if (rule === null || typeof rule === 'number') return rule;
  const res = resolution ?? model.defaultResolution;
  const dur = duration ?? model.durations[0];
  // Tables are keyed by resolution, duration, or "resolution/duration"; try the most specific first.
  for (const key of [`${res}/${dur}`, `${res}`, `${dur}`]) {
    const price = rule[key];
    if (price !== undefined) return price;
  }
  return null;
}

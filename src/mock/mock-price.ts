import type { ModelSpec } from '../core/registry/model-spec.js';
import { priceOf } from '../core/registry/estimate-credits.js';

// Per-second rates of the stand-in formula, by resolution; the scale follows Sora 2's published
// prices (720p: 1 credit a second, 1080p ×1.5).
const PER_SECOND: Readonly<Record<string, number>> = { '480p': 0.5, '720p': 1, '1080p': 1.5 };

/**
 * What the mock charges for a request: the published price (flat, or the table entry for its
 * resolution and duration, missing options at the model's defaults). Where no price is published
 * (`credits: null`: Wan 2.6 and Seedance 1.5 Pro, or a table with no entry for the options) the mock
 * still charges, by a stand-in formula: `ceil(seconds × rate)`, with the duration (default the model's
 * shortest, 1 for images) and the rate by resolution (480p 0.5, 720p 1, 1080p 1.5, anything else 1).
 * So Wan 2.6 at 5 s 720p costs 5 and at 15 s 1080p costs 23; Seedance at 4 s 480p costs 2.
 * The real service's prices for these models are unknown: never read them as a quote.
 */
export function mockPrice(model: ModelSpec, resolution?: string, duration?: number): number {
  const published = priceOf(model, resolution, duration);
  if (published !== null) return published;
  const seconds = duration ?? model.durations[0] ?? 1;
  const rate = PER_SECOND[resolution ?? model.defaultResolution ?? ''] ?? 1;
  return Math.max(1, Math.ceil(seconds * rate));
}

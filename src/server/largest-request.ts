import type { Registry } from '../core/registry/registry.js';
import { PROVIDER_INPUT_MAX_BYTES } from '../core/request/provider-input-limits.js';

/** The room given to one reference image URL in a body, in bytes (signed storage URLs run to ~2 KB). */
export const IMAGE_URL_MAX_BYTES = 4096;

// Bytes a prompt character may take in the body: 3 in UTF-8 for any UTF-16 unit (4 for a pair of
// two), 2 for a JSON escape such as \n or \"; 4 leaves room.
const BYTES_PER_CHARACTER = 4;
// Field names, the model id, numbers, short strings and punctuation.
const OVERHEAD_BYTES = 4096;
// The video endpoint takes a negative prompt of up to 2,000 characters for every model.
const VIDEO_NEGATIVE_PROMPT_MAX = 2000;

/**
 * The size of the largest valid submit body for any model of `registry`, in bytes: its longest
 * prompt (and negative prompt) at 4 bytes a character, its most image URLs at
 * {@link IMAGE_URL_MAX_BYTES} each, the largest `providerInput`, and room for the other fields. The
 * proxy's default `maxBodyBytes`, so no request the registry accepts is refused for its size.
 */
export function largestRequestBytes(registry: Registry): number {
  let largest = 0;
  for (const model of registry.models) {
    const negative =
      model.kind === 'video'
        ? Math.min(VIDEO_NEGATIVE_PROMPT_MAX, model.negativePromptMax ?? VIDEO_NEGATIVE_PROMPT_MAX)
        : 0;
    const text = (model.promptMax + negative) * BYTES_PER_CHARACTER;
    largest = Math.max(largest, text + model.maxImages * (IMAGE_URL_MAX_BYTES + 3));
  }
  return largest + PROVIDER_INPUT_MAX_BYTES + OVERHEAD_BYTES;
}

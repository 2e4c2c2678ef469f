import { isRecord } from '../values.js';

// `providerInput` is passed through to the provider unchecked, so its shape is the caller's; only its
// depth and size are bounded, by the client before it sends and by the proxy before it forwards (a
// 20,000-level object overflows `JSON.stringify`'s stack, and no provider field needs either bound).

/** The deepest `providerInput` nesting accepted: the object itself is level 1, each nested object or array one more. */
export const PROVIDER_INPUT_MAX_DEPTH = 32;

/** The largest `providerInput` accepted, in bytes of UTF-8 JSON (64 KB). */
export const PROVIDER_INPUT_MAX_BYTES = 65_536;

// Stops at the first level past the limit, so a hostile depth (or a cycle) costs at most 33 frames.
const within = (value: unknown, level: number): boolean =>
  typeof value !== 'object' ||
  !value ||
  (level <= PROVIDER_INPUT_MAX_DEPTH &&
    Object.values(value).every((item) => within(item, level + 1)));

/**
 * The rule `providerInput` breaks, as a message that names the field and the limit, or `undefined`
 * when it is absent or fine: an object, nested at most {@link PROVIDER_INPUT_MAX_DEPTH} levels, at most
 * {@link PROVIDER_INPUT_MAX_BYTES} as JSON. Safe on any value: never throws, never recurses deeply.
 */
export function providerInputError(value: unknown): string | undefined {
  let rule: string | undefined;
  if (value === undefined) return undefined;
  if (!isRecord(value)) rule = 'an object';
  else if (!within(value, 1)) rule = `nested at most ${PROVIDER_INPUT_MAX_DEPTH} levels deep`;
  else {
    try {
      if (new Blob([JSON.stringify(value)]).size > PROVIDER_INPUT_MAX_BYTES)
        rule = 'at most 64 KB as JSON';
    } catch {
      // A BigInt, or a toJSON that throws: it could not be sent.
      rule = 'plain JSON';
    }
  }
  return rule && `providerInput must be ${rule}`;
}

// `providerInput` is passed through to the provider unchecked, so its shape is the caller's; only its
// depth and size are bounded, by the client before it sends and by the proxy before it forwards (a
// 20,000-level object overflows `JSON.stringify`'s stack, and no provider field needs either bound).

/** The deepest `providerInput` nesting accepted: the object itself is level 1, each nested object or array one more. */
export const PROVIDER_INPUT_MAX_DEPTH = 32;

/** The largest `providerInput` accepted, in bytes of UTF-8 JSON (64 KB). */
export const PROVIDER_INPUT_MAX_BYTES = 65_536;

// Stops at the first level past the limit, so a hostile depth (or a cycle) costs at most 33 frames.
const within = (value: unknown, level: number): boolean =>
  typeof value !== 'object' || value === null || (level <= PROVIDER_INPUT_MAX_DEPTH && Object.values(value).every((item) => within(item, level + 1)));

/**
 * The rule `providerInput` breaks, as a message that names the field and the limit, or `undefined`
 * when it is within both limits (or absent). Safe on any value: never throws, never recurses deeply.
 */
export function providerInputError(value: unknown): string | undefined {
  if (!within(value, 1)) return `providerInput must be nested at most ${PROVIDER_INPUT_MAX_DEPTH} levels deep`;
  let bytes: number;
  try {
    bytes = new TextEncoder().encode(JSON.stringify(value) ?? '').length;
  } catch {
    return 'providerInput must be plain JSON';
  }
  if (bytes > PROVIDER_INPUT_MAX_BYTES) return `providerInput must be at most 64 KB as JSON (it has ${Math.ceil(bytes / 1024)} KB)`;
  return undefined;
}

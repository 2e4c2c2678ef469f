// The limits on `providerInput`, which the API passes to the provider unchecked: the client refuses
// past them before sending, and the proxy before forwarding (its JSON must serialize on the way).

/** Deepest nesting of objects and arrays in `providerInput`; the object itself is level 1. */
export const PROVIDER_INPUT_MAX_DEPTH = 16;

/** Largest `providerInput`, in bytes of its JSON (UTF-8). */
export const PROVIDER_INPUT_MAX_BYTES = 16_384;

/**
 * Why `providerInput` breaks a limit, as a validation message naming the field and the rule, or
 * `undefined`. Walks without recursion, so even 100,000 levels of nesting are safe to check.
 */
export function providerInputLimitError(value: unknown): string | undefined {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (typeof node !== 'object' || node === null) continue;
    if (depth > PROVIDER_INPUT_MAX_DEPTH) return `providerInput must be nested at most ${PROVIDER_INPUT_MAX_DEPTH} levels deep`;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  return bytes > PROVIDER_INPUT_MAX_BYTES ? `providerInput must be at most ${PROVIDER_INPUT_MAX_BYTES} bytes of JSON (it has ${bytes})` : undefined;
}

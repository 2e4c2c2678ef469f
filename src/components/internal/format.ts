/** `1 credit`, `12 credits`. */
export const formatCredits = (credits: number) => `${credits} credit${credits === 1 ? '' : 's'}`;

/** An id fragment safe in any attribute or selector (`kling/v2-1-pro` → `kling-v2-1-pro`). */
export const idSafe = (value: string | number) => String(value).replace(/[^\w-]/g, '-');

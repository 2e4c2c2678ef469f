/** `1 credit`, `12 credits`. */
export const formatCredits = (credits: number) => `${credits} credit${credits === 1 ? '' : 's'}`;

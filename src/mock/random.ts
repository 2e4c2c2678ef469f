/** A seeded source of numbers in [0, 1): the same seed gives the same sequence. */
export type Random = () => number;

/**
 * mulberry32: a small, fast 32-bit PRNG, plenty for a mock (not for anything secret). The seed is
 * mixed first so that nearby seeds (1, 2, 3) do not start alike.
 */
export function createRandom(seed: number): Random {
  let state = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number drawn uniformly from `[min, max]`. */
export function between(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** One item of a non-empty list, drawn uniformly. */
export function pick<T>(random: Random, items: readonly [T, ...T[]]): T {
  return items[Math.floor(random() * items.length)] ?? items[0];
}

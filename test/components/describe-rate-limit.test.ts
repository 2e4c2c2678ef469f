import { describe, expect, it } from 'vitest';
import { describeRateLimit } from '../../src/components/index.js';

describe('describeRateLimit', () => {
  it.each([
    [42_000, 'Too many generations: try again in 42 s'],
    [41_200, 'Too many generations: try again in 42 s'],
    [0, 'Too many generations: try again in 1 s'],
    [150_000, 'Too many generations: try again in 3 min'],
    [12 * 3600_000, 'Too many generations: try again in 12 h'],
    [null, 'Too many generations: try again shortly'],
  ])('says %j ms as "%s"', (ms, words) => {
    expect(describeRateLimit(ms)).toBe(words);
  });
});

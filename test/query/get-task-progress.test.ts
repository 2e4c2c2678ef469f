import { describe, expect, it } from 'vitest';
import { getTaskProgress } from '../../src/query/get-task-progress.js';

const model = { typicalSeconds: [30, 90] as const };
const at = (status: 'pending' | 'completed' | 'failed', elapsedMs: number, withModel = true) =>
  getTaskProgress({
    status,
    submittedAt: 1_000_000,
    now: 1_000_000 + elapsedMs,
    model: withModel ? model : undefined,
  });

describe('getTaskProgress', () => {
  it('estimates a pending task from its model: 0 at submit, about 60 % mid-window, never 95 %', () => {
    expect(at('pending', 0)).toEqual({
      elapsedMs: 0,
      estimate: 0,
      isEstimate: true,
      typicalSeconds: [30, 90],
    });
    expect(at('pending', 60_000).estimate).toBeCloseTo(0.95 * (1 - Math.exp(-1)), 10);
    expect(at('pending', 90_000).estimate).toBeGreaterThan(0.7);
    expect(at('pending', 3_600_000).estimate).toBeLessThanOrEqual(0.95);
  });

  it('has nothing to estimate from without a model, though the time still counts', () => {
    expect(at('pending', 5000, false)).toEqual({
      elapsedMs: 5000,
      estimate: null,
      isEstimate: true,
      typicalSeconds: null,
    });
  });

  it('is 1 once completed and no estimate once failed; neither is an estimate', () => {
    expect(at('completed', 42_000)).toMatchObject({ estimate: 1, isEstimate: false });
    expect(at('failed', 42_000)).toMatchObject({ estimate: null, isEstimate: false });
  });

  it('never counts negative time (a clock behind the submit time)', () => {
    expect(at('pending', -5000).elapsedMs).toBe(0);
  });
});

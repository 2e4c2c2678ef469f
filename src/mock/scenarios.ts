import { mockFailures, type MockFailure } from './failures.js';
import type { MockFault } from './faults.js';

/**
 * How long tasks take: each task's time is drawn from its model's `typicalSeconds` range, then scaled:
 * `'realistic'` ×1, `'fast'` ×0.1, `'instant'` ×0 (done at the first poll), or a number as the factor.
 */
export type MockTiming = 'instant' | 'fast' | 'realistic' | number;

/**
 * How the whole mock API behaves, until changed with `api.setScenario`. Every field is optional;
 * an empty scenario is the well-behaved service.
 */
export interface MockScenario {
  /** Overrides the API's `timing` option. */
  timing?: MockTiming;
  /** The share of tasks that fail (0–1), drawn from the seeded random source. Defaults to `0`. */
  failureRate?: number;
  /** Every task fails with this (wins over `failureRate`). */
  failure?: MockFailure;
  /** Delay before every answer, in ms, or a `[min, max]` range drawn per request. Defaults to none. */
  latencyMs?: number | readonly [min: number, max: number];
  /** The share of API requests (0–1) met by one of `faults`, drawn per request. Defaults to `0`. */
  faultRate?: number;
  /** The faults `faultRate` draws from. Defaults to a dropped connection, 502, 503 (HTML) and 429. */
  faults?: readonly MockFault[];
  /** Every API request answers 401, whatever the key. */
  unauthorized?: boolean;
  /** Every submit answers 402 with the price; nothing is charged. */
  insufficientCredits?: boolean;
  /** Snapshot field names: the reference's (`'canonical'`, the default) or the quickstart's (`id`, `outputImageUrls`, `creditRefunded`, `completedAt`). */
  spelling?: 'canonical' | 'quickstart';
}

/** The faults a flaky network produces. */
export const networkFaults: readonly MockFault[] = [
  { type: 'drop' },
  { type: 'serverError', status: 502 },
  { type: 'serverError', status: 503, body: 'html' },
  { type: 'rateLimit', retryAfter: 1 },
];

/** Named scenarios, for Storybook's toolbar and for tests. */
export const mockScenarios = {
  /** The service as documented: tasks take their model's typical time and succeed. */
  realistic: { timing: 'realistic' },
  /** Tasks are done at the first poll. */
  instant: { timing: 'instant' },
  /** Every task fails with a provider code; credits are refunded. */
  providerFailure: { failure: mockFailures.providerError },
  /** Every submit answers 402 Insufficient credits. */
  insufficientCredits: { insufficientCredits: true },
  /** Every request answers 401 Unauthorized. */
  unauthorized: { unauthorized: true },
  /** One request in four meets a dropped connection, a 502/503 or a 429. */
  flakyNetwork: { faultRate: 0.25, faults: networkFaults },
  /** Every answer takes 1.5–4 s. */
  slowNetwork: { latencyMs: [1500, 4000] },
} as const satisfies Record<string, MockScenario>;

/** The name of a preset in {@link mockScenarios}. */
export type MockScenarioName = keyof typeof mockScenarios;

/** The factor task times are multiplied by. */
export function timingScale(timing: MockTiming): number {
  if (typeof timing === 'number') return Math.max(0, timing);
  return { instant: 0, fast: 0.1, realistic: 1 }[timing];
}

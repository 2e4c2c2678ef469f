import { errorResponse } from '../error-response.js';
import type { ProxyOptions, SubmitContext } from '../proxy-options.js';
import { createMemoryUsageStore, type UsageStore } from './usage-store.js';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** Options of {@link createUsageLimiter}. */
export interface UsageLimiterOptions {
  /** Where the counts live. Defaults to `createMemoryUsageStore()` (one process); `createRedisUsageStore(client)` shares them. */
  store?: UsageStore;
  /** Most submits one user may make in any 60 seconds. Defaults to no limit. */
  submitsPerMinute?: number;
  /**
   * Most credits one user may spend in a UTC day, counted at the estimate before the submit,
   * corrected to the credits the API charged, and given back for a failed task the API refunded.
   * A model without a published price counts 0 until the API says what it charged. Defaults to no limit.
   */
  creditsPerDay?: number;
  /** The time, in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

/** The proxy hooks of a usage limiter: spread them into `createProxyHandler`'s options. */
export type UsageLimiter = Required<
  Pick<ProxyOptions, 'beforeSubmit' | 'afterSubmit' | 'afterSubmitRefused' | 'afterTask'>
>;

/** When the UTC day of `time` ends, and its name. */
function utcDay(time: number): { day: string; endsAt: number } {
  const start = time - (time % DAY_MS);
  return { day: new Date(start).toISOString().slice(0, 10), endsAt: start + DAY_MS };
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * Per-user limits, the credit safety an app owes when it pays for its users: at most
 * `submitsPerMinute` submits in any minute and `creditsPerDay` credits a day. A refusal is a 429 in
 * the API's shape with `Retry-After` (the browser client's `RateLimitedError`, with `retryAfterMs`),
 * sent before anything is charged. Counting is atomic in the store, so concurrent submits cannot
 * overshoot.
 *
 * ```ts
 * const limiter = createUsageLimiter({ store: createRedisUsageStore(redis), submitsPerMinute: 10, creditsPerDay: 500 });
 * const handler = createProxyHandler({ apiKey, authorize, ...limiter });
 * ```
 */
export function createUsageLimiter(options: UsageLimiterOptions): UsageLimiter {
  const {
    store = createMemoryUsageStore(),
    submitsPerMinute = Infinity,
    creditsPerDay = Infinity,
    now = Date.now,
  } = options;
  for (const [name, value] of Object.entries({ submitsPerMinute, creditsPerDay })) {
    if (!(value >= 0))
      throw new TypeError(
        `createUsageLimiter: ${name} must be a number of 0 or more (got ${value})`,
      );
  }
  // What each submit was counted at, from beforeSubmit to the hook that settles it (same Request).
  const counted = new WeakMap<Request, { day: string; credits: number }>();
  const forget = (context: SubmitContext) => {
    const entry = counted.get(context.request);
    counted.delete(context.request);
    return entry;
  };

  return {
    async beforeSubmit(context) {
      const time = now();
      const { day, endsAt } = utcDay(time);
      const credits = Math.ceil(context.estimatedCredits ?? 0);
      const verdict = await store.reserve(context.userId, {
        now: time,
        windowMs: MINUTE_MS,
        maxSubmits: submitsPerMinute,
        credits,
        day,
        maxCredits: creditsPerDay,
        dayTtlMs: 2 * DAY_MS,
      });
      if (verdict.allowed) return void counted.set(context.request, { day, credits });
      const wait = seconds(verdict.limit === 'submits' ? verdict.retryAfterMs : endsAt - time);
      const error =
        verdict.limit === 'submits'
          ? `Too many generations: at most ${submitsPerMinute} a minute`
          : `Daily credit limit reached: at most ${creditsPerDay} credits a day`;
      return errorResponse(
        429,
        error,
        { limit: verdict.limit, retryAfterSeconds: wait },
        { 'Retry-After': String(wait) },
      );
    },
    async afterSubmit(context) {
      const entry = forget(context);
      if (!entry) return;
      const charged = context.creditsUsed ?? entry.credits;
      if (charged !== entry.credits)
        await store.adjustCredits(context.userId, entry.day, charged - entry.credits);
      await store.rememberTask(
        context.taskId,
        { userId: context.userId, day: entry.day, credits: charged },
        2 * DAY_MS,
      );
    },
    async afterSubmitRefused(context) {
      const entry = forget(context);
      if (entry?.credits) await store.adjustCredits(context.userId, entry.day, -entry.credits);
    },
    async afterTask({ taskId, task }) {
      if (task.status !== 'failed' || !task.creditsRefunded) return;
      // Taken once: later polls of the same failed task give nothing back again.
      const charge = await store.takeTask(taskId);
      if (charge?.credits) await store.adjustCredits(charge.userId, charge.day, -charge.credits);
    },
  };
}

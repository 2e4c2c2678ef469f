/** One submit to count, with the limits it must stay within. */
export interface UsageReservation {
  /** The time, in milliseconds. */
  now: number;
  /** The sliding window of `maxSubmits`, in milliseconds. */
  windowMs: number;
  /** Most submits in any window; `Infinity` for no limit. */
  maxSubmits: number;
  /** The credits this submit is expected to cost. */
  credits: number;
  /** The day its credits count towards (`'2026-11-29'`, UTC). */
  day: string;
  /** Most credits a day; `Infinity` for no limit. */
  maxCredits: number;
  /** How long a day's total is kept, in milliseconds. */
  dayTtlMs: number;
}

/** Whether a submit may go on; if not, which limit it hit and when the submit limit frees a place. */
export type UsageVerdict =
  | { allowed: true }
  | { allowed: false; limit: 'submits'; retryAfterMs: number }
  | { allowed: false; limit: 'credits' };

/** What a task was counted at, for a refund. */
export interface TaskCharge {
  userId: string;
  day: string;
  credits: number;
}

/**
 * Where `createUsageLimiter` counts: submits in a sliding window and credits per day, per user.
 * `reserve` must check and count in one atomic step, so concurrent submits cannot overshoot.
 * `createMemoryUsageStore` (one process) and `createRedisUsageStore` (shared) implement it.
 */
export interface UsageStore {
  /** Checks the limits and, when they allow it, counts the submit, atomically. */
  reserve(userId: string, reservation: UsageReservation): Promise<UsageVerdict>;
  /** Adds `delta` credits (negative: gives back) to the user's total for `day`. */
  adjustCredits(userId: string, day: string, delta: number): Promise<void>;
  /** Remembers what a task was counted at, for `ttlMs` milliseconds. */
  rememberTask(taskId: string, charge: TaskCharge, ttlMs: number): Promise<void>;
  /** Reads and forgets what a task was counted at, atomically: `null` when unknown or already taken. */
  takeTask(taskId: string): Promise<TaskCharge | null>;
}

/**
 * A {@link UsageStore} in this process's memory: right for one server instance (each instance would
 * count on its own). Expired entries are dropped as the store is used.
 */
export function createMemoryUsageStore(): UsageStore {
  const submits = new Map<string, number[]>();
  const days = new Map<string, { credits: number; expires: number }>();
  const tasks = new Map<string, { charge: TaskCharge; expires: number }>();
  const dayKey = (userId: string, day: string) => `${day}\n${userId}`;
  const sweep = (now: number, windowMs: number) => {
    for (const [userId, times] of submits)
      if ((times.at(-1) ?? 0) <= now - windowMs) submits.delete(userId);
    for (const [key, entry] of days) if (entry.expires <= now) days.delete(key);
    for (const [key, entry] of tasks) if (entry.expires <= now) tasks.delete(key);
  };
  let lastSweep = 0;
  return {
    async reserve(userId, { now, windowMs, maxSubmits, credits, day, maxCredits, dayTtlMs }) {
      if (now - lastSweep > 60_000) {
        lastSweep = now;
        sweep(now, windowMs);
      }
      const times = (submits.get(userId) ?? []).filter((time) => time > now - windowMs);
      submits.set(userId, times);
      if (times.length >= maxSubmits)
        return { allowed: false, limit: 'submits', retryAfterMs: times[0]! + windowMs - now };
      const total = days.get(dayKey(userId, day));
      if ((total?.credits ?? 0) + credits > maxCredits) return { allowed: false, limit: 'credits' };
      times.push(now);
      days.set(dayKey(userId, day), {
        credits: (total?.credits ?? 0) + credits,
        expires: now + dayTtlMs,
      });
      return { allowed: true };
    },
    async adjustCredits(userId, day, delta) {
      const total = days.get(dayKey(userId, day));
      if (total) total.credits = Math.max(0, total.credits + delta);
    },
    async rememberTask(taskId, charge, ttlMs) {
      tasks.set(taskId, { charge, expires: Date.now() + ttlMs });
    },
    async takeTask(taskId) {
      const entry = tasks.get(taskId);
      tasks.delete(taskId);
      return entry && entry.expires > Date.now() ? entry.charge : null;
    },
  };
}

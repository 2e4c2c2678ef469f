import type { RateLimitedError } from '../errors.js';
import type { PollContext, PollSchedule } from './poll-schedule.js';

/** How a task is polled: the options `waitForTask` and the hooks (`taskQueryOptions`, `useTask`) share. */
export interface PollOptions {
  /** The task's model id: its typical time sets the first poll. Defaults to the model the snapshots name. */
  model?: string;
  /**
   * When the task was submitted, in milliseconds since the epoch (on the client's clock), for a resumed
   * task. Defaults to the snapshot's `createdAt` in the hooks, else to when following began.
   */
  submittedAt?: number;
  /** Stop following after this long, with a `TimeoutError` that keeps the task id. Defaults to `600000` (10 min). */
  timeoutMs?: number;
  /** When to poll. Defaults to the client's `pollSchedule` (itself {@link defaultPollSchedule} unless given). */
  schedule?: PollSchedule;
}

/** What {@link nextPoll} decides from: the schedule's context and how the last poll ended. */
export interface PollState extends PollContext {
  /** The last poll's error, when it failed with one worth retrying (a `retryable` error). */
  error?: unknown;
}

// After a poll, never sooner than this, even if the schedule says 0: a bad schedule cannot hammer the API.
const MIN_GAP_MS = 100;
// After a transient error the client has already retried the GET (1 + 2 + 4 s): give the server room.
const AFTER_ERROR_MS = 5000;

/**
 * The library's one polling rule, followed by `waitForTask` and the hooks alike: the schedule's delay,
 * and at least 100 ms after any poll; after a transient error, at least 5 s, or the server's
 * `Retry-After` when it asks for longer.
 */
export function nextPoll(schedule: PollSchedule, state: PollState): number {
  const delay = Math.max(schedule(state), state.attempt && MIN_GAP_MS);
  return state.error
    ? Math.max(delay, AFTER_ERROR_MS, (state.error as RateLimitedError).retryAfterMs ?? 0)
    : delay;
}

import type { ModelSpec } from '../registry/model-spec.js';

/** What a poll schedule decides from. */
export interface PollContext {
  /** 0 for the first poll, then 1, 2, … */
  attempt: number;
  /** Milliseconds since the task was submitted. */
  elapsedMs: number;
  /** The task's model, when known: its typical completion time shapes the schedule. */
  model?: ModelSpec;
}

/** The delay in milliseconds before the next poll. */
export type PollSchedule = (context: PollContext) => number;

const SECOND = 1000;
// Inside the model's typical window: a completion is seen 1.75 s late on average (p95 3.3 s).
const IN_WINDOW_MS = 3.5 * SECOND;
const MIN_MS = 2 * SECOND;
const MAX_MS = 15 * SECOND;

/**
 * The library's schedule. With the model known: no poll before most of the model's fastest typical
 * time (a task is almost never done sooner), however early following began (a task followed by id is
 * loaded at once, then waits there too); then every 3.5 s through its typical window, then a backoff
 * in proportion to how late the task is, up to 15 s. Without a model: every 2 s for 20 s, then a tenth
 * of the elapsed time, up to 15 s. A resumed task (already past its first delay) is polled at once.
 */
export const defaultPollSchedule: PollSchedule = ({ attempt, elapsedMs, model }) => {
  if (!model) {
    return attempt === 0 ? Math.max(0, MIN_MS - elapsedMs) : clamp(elapsedMs / 10, MIN_MS, MAX_MS);
  }
  const [fastest, slowest] = model.typicalSeconds;
  const first = clamp(fastest * SECOND * 0.75, MIN_MS, 30 * SECOND);
  if (attempt === 0 || elapsedMs < first) return Math.max(0, first - elapsedMs);
  const late = elapsedMs - slowest * SECOND;
  return late <= 0 ? IN_WINDOW_MS : clamp(late / 4, 4 * SECOND, MAX_MS);
};

/** A fixed interval (the docs' reference loop is `fixedPollSchedule(2000)`). */
export function fixedPollSchedule(intervalMs: number): PollSchedule {
  return () => intervalMs;
}

function clamp(value: number, min: number, max: number) {
  return Math.min(max, Math.max(min, value));
}

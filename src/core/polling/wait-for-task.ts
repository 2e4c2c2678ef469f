import type { Clock } from '../clock.js';
import { GptImageError, TaskFailedError, TaskNotFoundError, TimeoutError, type RateLimitedError } from '../errors.js';
import type { ModelSpec } from '../registry/model-spec.js';
import type { Task } from '../task/task.js';
import { defaultPollSchedule, type PollSchedule } from './poll-schedule.js';

/** Options of `waitForTask`. */
export interface WaitForTaskOptions {
  /** Stops waiting at once; the promise rejects with the signal's reason. The task itself goes on. */
  signal?: AbortSignal;
  /** Called with each snapshot that differs from the last one seen. */
  onUpdate?: (task: Task) => void;
  /** Give up after this long (the task id is kept in the `TimeoutError`). Defaults to `600000` (10 min). */
  timeoutMs?: number;
  /** The task's model id, for a model-aware first delay. Defaults to the model the snapshots name. */
  model?: string;
  /** When the task was submitted, in clock milliseconds, for a resumed task. Defaults to now. */
  submittedAt?: number;
  /** When to poll. Defaults to the client's schedule ({@link defaultPollSchedule}). */
  schedule?: PollSchedule;
}

/** What `waitForTask` needs from the client. */
export interface WaitDeps {
  clock: Clock;
  getTask(id: string, options: { signal?: AbortSignal }): Promise<Task>;
  getModel(id: string): ModelSpec | undefined;
  schedule?: PollSchedule;
}

// A 404 right after a submit can be a replica that has not seen the task yet.
const NOT_FOUND_TOLERANCE = 2;
// Even a schedule that answers 0 never makes us loop without waiting.
const MIN_GAP_MS = 500;

/**
 * Polls a task until it completes (resolves with the task) or fails (rejects with `TaskFailedError`).
 * Transient errors are retried inside each poll and then skipped, without losing the task; a `TimeoutError`
 * carries the id so following can resume.
 */
export async function waitForTask(deps: WaitDeps, taskId: string, options: WaitForTaskOptions = {}): Promise<Task> {
  const { clock } = deps;
  const { signal } = options;
  const schedule = options.schedule ?? deps.schedule ?? defaultPollSchedule;
  const start = clock.now();
  const submittedAt = options.submittedAt ?? start;
  const deadline = start + (options.timeoutMs ?? 600_000);
  let model = options.model ? deps.getModel(options.model) : undefined;
  let last: Task | null = null;
  let lastSeen = '';
  let lastError: unknown;
  let notFound = 0;
  // A Retry-After longer than the client waits out inside one call holds off the next poll.
  let holdOff = 0;

  for (let attempt = 0; ; attempt++) {
    const delay = schedule({ attempt, elapsedMs: clock.now() - submittedAt, model });
    const wait = Math.min(Math.max(delay, holdOff, attempt === 0 ? 0 : MIN_GAP_MS), deadline - clock.now());
    holdOff = 0;
    if (wait < 0 || (wait === 0 && attempt > 0)) throw new TimeoutError(taskId, clock.now() - start, last, lastError);
    if (wait > 0) await clock.sleep(wait, signal);
    else signal?.throwIfAborted();
    let task: Task;
    try {
      task = await deps.getTask(taskId, { signal });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof TaskNotFoundError && ++notFound <= NOT_FOUND_TOLERANCE) continue;
      if (!(error instanceof GptImageError) || !error.retryable) throw error;
      lastError = error;
      holdOff = (error as RateLimitedError).retryAfterMs ?? 0;
      continue;
    }
    notFound = 0;
    model ??= task.model ? deps.getModel(task.model) : undefined;
    const seen = JSON.stringify(task);
    if (seen !== lastSeen) {
      lastSeen = seen;
      last = task;
      options.onUpdate?.(task);
    }
    if (task.status === 'completed') return task;
    if (task.status === 'failed') throw new TaskFailedError(task);
  }
}

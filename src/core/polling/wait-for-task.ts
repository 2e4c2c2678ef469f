import type { Clock } from '../clock.js';
import { GptImageError, TaskFailedError, TaskNotFoundError, TimeoutError } from '../errors.js';
import type { ModelSpec } from '../registry/model-spec.js';
import type { Task } from '../task/task.js';
import { nextPoll, type PollOptions } from './next-poll.js';
import { defaultPollSchedule, type PollSchedule } from './poll-schedule.js';

/** Options of `waitForTask`: the {@link PollOptions} every follower takes, and these. */
export interface WaitForTaskOptions extends PollOptions {
  /** Stops waiting at once; the promise rejects with the signal's reason. The task itself goes on. */
  signal?: AbortSignal;
  /** Called with each snapshot that differs from the last one seen. */
  onUpdate?: (task: Task) => void;
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

/**
 * Polls a task until it completes (resolves with the task) or fails (rejects with `TaskFailedError`), on
 * the library's one polling rule ({@link nextPoll}). Transient errors are retried inside each poll and
 * then waited out, without losing the task; a `TimeoutError` carries the id so following can resume.
 */
export async function waitForTask(
  deps: WaitDeps,
  taskId: string,
  options: WaitForTaskOptions = {},
): Promise<Task> {
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
  // The last poll's transient error, which sets how long to wait before the next one.
  let error: unknown;
  let notFound = 0;

  for (let attempt = 0; ; attempt++) {
    const wait = Math.min(
      nextPoll(schedule, { attempt, elapsedMs: clock.now() - submittedAt, model, error }),
      deadline - clock.now(),
    );
    error = undefined;
    if (wait < 0 || (wait === 0 && attempt > 0))
      throw new TimeoutError(taskId, clock.now() - start, last, lastError);
    if (wait > 0) await clock.sleep(wait, signal);
    else signal?.throwIfAborted();
    let task: Task;
    try {
      task = await deps.getTask(taskId, { signal });
    } catch (failure) {
      if (signal?.aborted) throw signal.reason;
      if (failure instanceof TaskNotFoundError && ++notFound <= NOT_FOUND_TOLERANCE) continue;
      if (!(failure instanceof GptImageError) || !failure.retryable) throw failure;
      lastError = error = failure;
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

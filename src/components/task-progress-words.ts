// What TaskProgress says, in words: the status, why it failed, what happened to the credits. Pure
// functions of the state, so an app can say the same things in its own markup.
import {
  InsufficientCreditsError,
  RateLimitedError,
  TaskFailedError,
  TimeoutError,
  ValidationError,
  type GptImageError,
} from '../core/errors.js';
import type { Task } from '../core/task/task.js';
import type { GenerationStatus } from '../query/generation-state.js';
import type { TaskProgressInfo } from '../query/get-task-progress.js';
import { describeRateLimit } from './describe-rate-limit.js';
import { formatCredits } from './internal/format.js';

/** What every `TaskProgress` part reads. */
export interface TaskProgressState {
  /** `idle`, `submitting`, `pending`, `completed` or `failed`. */
  status: GenerationStatus;
  /** The latest snapshot, when there is one. */
  task: Task | null;
  /** Why it failed (or a transient problem while pending), else `null`. */
  error: GptImageError | null;
  /** Elapsed time and the estimate; see `getTaskProgress`. */
  progress: TaskProgressInfo;
  /** Credits charged, when known. */
  creditsUsed: number | null;
  /** Only the http(s) outputs: image URLs or the video URL. */
  outputs: { kind: 'image' | 'video'; urls: string[] } | null;
}

/** The status in words, as `Status` shows it and the live region says it. */
export function describeTaskStatus(
  state: Pick<TaskProgressState, 'status' | 'error' | 'outputs'>,
): string {
  switch (state.status) {
    case 'idle':
      return 'Not started';
    case 'submitting':
      return 'Submitting…';
    case 'pending':
      return 'Generating…';
    case 'completed':
      return state.outputs?.kind === 'video'
        ? 'Completed: the video is ready'
        : `Completed: ${state.outputs?.urls.length === 1 ? 'the image is' : 'the images are'} ready`;
    case 'failed':
      return 'Failed';
  }
}

/** Why it failed, in words: the task's reason, or the client's. */
export function failureReason(error: GptImageError | null, task: Task | null): string {
  if (error instanceof TaskFailedError || task?.status === 'failed') {
    const message =
      task?.errorMessage ?? (error instanceof TaskFailedError ? error.errorMessage : null);
    const code = task?.errorCode ?? (error instanceof TaskFailedError ? error.errorCode : null);
    return message ?? (code ? `The generation failed (${code})` : 'The generation failed');
  }
  if (error instanceof TimeoutError)
    return 'Stopped waiting for the result; the task may still finish';
  if (error instanceof RateLimitedError) return describeRateLimit(error.retryAfterMs);
  // What happened to the credits is the Refund part's to say, once.
  if (error instanceof InsufficientCreditsError)
    return `Not enough credits${error.required === null ? '' : `: ${error.required} required`}`;
  return error?.message ?? 'The generation failed';
}

/** What happened to the credits of a failed generation, in words; `null` when nothing is known. */
export function describeRefund(
  error: GptImageError | null,
  task: Task | null,
  creditsUsed: number | null,
): string | null {
  const credits = creditsUsed === null ? 'Your credits' : formatCredits(creditsUsed);
  if (task?.status === 'failed' || error instanceof TaskFailedError) {
    const refunded =
      task?.creditsRefunded ?? (error instanceof TaskFailedError && error.creditsRefunded);
    // The API refunds a failed task atomically, "or shortly" when the snapshot does not show it yet.
    return refunded ? `${credits} refunded` : `${credits} will be refunded shortly`;
  }
  if (
    error instanceof ValidationError ||
    error instanceof InsufficientCreditsError ||
    (error instanceof RateLimitedError && !task)
  )
    return 'Nothing was charged';
  if (error instanceof TimeoutError)
    return creditsUsed === null
      ? null
      : `${formatCredits(creditsUsed)} charged; refunded if the task fails`;
  return null;
}

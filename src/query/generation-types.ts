import type { GptImageError, ValidationError } from '../core/errors.js';
import type { Submission, Task } from '../core/task/task.js';
import type { TaskProgressInfo } from './get-task-progress.js';
import type { GenerationState } from './generation-state.js';
import type { PersistOption } from './persistence.js';
import type { FollowTaskOptions } from './task-query-options.js';

/** Options of a generation: those of `useGenerateVideo` and `useGenerateImage`. */
export interface UseGenerationOptions<R> extends Omit<
  FollowTaskOptions,
  'model' | 'submittedAt' | 'initialTask'
> {
  /** Called once the API has accepted the task (and charged it): keep the id. */
  onSubmitted?: (submission: Submission, request: R) => void;
  /** Called once when the task completes. */
  onCompleted?: (task: Task) => void;
  /** Called once when the generation fails: invalid request, refused submit, failed task or timeout. */
  onFailed?: (error: GptImageError) => void;
  /** Called once after completion or failure. */
  onSettled?: (task: Task | null, error: GptImageError | null) => void;
  /**
   * Remember a pending task under this key (in `localStorage` unless a storage is given), so a reload
   * or a remount re-attaches to it with no new submit. Forgotten once the task ends. Kept apart per
   * user by `GptImageProvider`'s `persistScope`. Off by default.
   */
  persist?: PersistOption;
  /** How often progress and elapsed time re-render while pending, or `false` for never. Defaults to `1000` ms. */
  tickMs?: number | false;
}

/** The parts every state has. */
export interface GenerationBase<R> {
  /** Validates and submits. Refused (with a development warning) while a generation is in flight. */
  generate: (request: R) => void;
  /** As `generate`, resolving with the submission once the API accepts it, rejecting with the typed error. */
  generateAsync: (request: R) => Promise<Submission>;
  /** Submits the last request again: a new task, charged again. Only when nothing is in flight. */
  retry: () => void;
  /** Stops following (the API cannot cancel a task; it runs on and stays charged). Back to idle. */
  cancel: () => void;
  /** Forgets everything and goes back to idle. */
  reset: () => void;
  /** After a timeout, follows the same task again (no new submit). */
  resume: () => void;
  /** The last request submitted (or refused). */
  request: R | null;
  /** Credits the API charged for the task, when known. */
  creditsUsed: number | null;
  /** When the task was submitted (ms since the epoch). */
  submittedAt: number | null;
  /** Elapsed time and an estimate, while there is a task. */
  progress: TaskProgressInfo | null;
  /** Field errors of a refused request, for the form (client-side or the server's 400). */
  fieldErrors: ValidationError['fieldErrors'] | null;
  /** Whether a submit or a task is in flight (a new `generate` would be refused). */
  isBusy: boolean;
}

/** What a generation hook returns. */
export type Generation<R> = GenerationBase<R> & GenerationState;

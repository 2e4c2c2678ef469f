import {
  InvalidResponseError,
  TaskFailedError,
  TimeoutError,
  type GptImageError,
} from '../core/errors.js';
import type { ModelKind } from '../core/registry/model-spec.js';
import type { Task } from '../core/task/task.js';

/** Where a generation is in its life. */
export type GenerationStatus = 'idle' | 'submitting' | 'pending' | 'completed' | 'failed';

/** The lifecycle, discriminated by `status`. */
export type GenerationState =
  | { status: 'idle'; taskId: null; task: null; error: null }
  | { status: 'submitting'; taskId: null; task: null; error: null }
  /** `error` is a transient problem while following (the task is kept and polling goes on). */
  | { status: 'pending'; taskId: string; task: Task | null; error: GptImageError | null }
  | { status: 'completed'; taskId: string; task: Task; error: null }
  | { status: 'failed'; taskId: string | null; task: Task | null; error: GptImageError };

/**
 * The lifecycle of a task being followed, from its latest snapshot and the last error following it:
 * completed (with output), failed (the task failed, a completion without output, a timeout, or an
 * error retrying cannot fix), else pending (a transient error is reported but polling goes on). For
 * custom flows built on `useTask`.
 */
export function getGenerationState(
  kind: ModelKind,
  taskId: string,
  task: Task | null,
  error: GptImageError | null,
): GenerationState {
  if (task?.status === 'completed') {
    // The API reports a success without output as EMPTY_RESULT; should one slip through, say so.
    const empty = kind === 'video' ? !task.videoUrl : task.imageUrls.length === 0;
    if (empty)
      return {
        status: 'failed',
        taskId,
        task,
        error: new InvalidResponseError(`task ${taskId} completed without an output URL`),
      };
    return { status: 'completed', taskId, task, error: null };
  }
  if (task?.status === 'failed')
    return { status: 'failed', taskId, task, error: new TaskFailedError(task) };
  if (error && (!error.retryable || error instanceof TimeoutError))
    return { status: 'failed', taskId, task, error };
  return { status: 'pending', taskId, task, error };
}

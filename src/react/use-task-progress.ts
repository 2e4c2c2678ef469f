'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { TaskStatus } from '../core/task/task.js';
import { getTaskProgress, type TaskProgressInfo } from '../query/get-task-progress.js';
import { useNow } from './use-now.js';

/** Options of {@link useTaskProgress}. */
export interface UseTaskProgressOptions {
  /** The task's status: time counts only while it is `pending`. */
  status: TaskStatus;
  /** When the task was submitted (ms since the epoch). */
  submittedAt: number;
  /** The task's model (its typical time makes the estimate); without it the estimate is `null`. */
  model?: Pick<ModelSpec, 'typicalSeconds'>;
  /** How often to re-render while pending, or `false` for never. Defaults to `1000` ms. */
  tickMs?: number | false;
}

/**
 * Progress of a task that re-renders once per second of elapsed time while it is pending (and at no
 * other time), for progress bars and elapsed-time displays.
 *
 * @example
 * const progress = useTaskProgress({ status: task.status, submittedAt, model: registry.get(task.model) });
 */
export function useTaskProgress({
  status,
  submittedAt,
  model,
  tickMs = 1000,
}: UseTaskProgressOptions): TaskProgressInfo {
  const now = useNow(status === 'pending', submittedAt, tickMs);
  return getTaskProgress({ status, submittedAt, now, model });
}

'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { TaskStatus } from '../core/task/task.js';
import { getTaskProgress, type TaskProgressInfo } from './task-progress.js';
import { useNow } from './use-now.js';

/**
 * Progress of a task that re-renders once per second of elapsed time while it is pending (and at no
 * other time), for progress bars and elapsed-time displays.
 */
export function useTaskProgress(
  status: TaskStatus,
  submittedAt: number,
  model?: Pick<ModelSpec, 'typicalSeconds'>,
  tickMs: number | false = 1000,
): TaskProgressInfo {
  const now = useNow(status === 'pending', submittedAt, tickMs);
  return getTaskProgress({ status, submittedAt, now, model });
}

'use client';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { GptImageError } from '../core/errors.js';
import type { Task } from '../core/task/task.js';
import { useClientCore, useRequiredQueryClient } from './provider.js';
import {
  restartFollow,
  taskQueryOptions,
  type FollowTaskOptions,
} from '../query/task-query-options.js';

/** Options of {@link useTask}. */
export interface UseTaskOptions extends FollowTaskOptions {
  /** Set `false` to hold off following. Defaults to `true` when there is a task id. */
  enabled?: boolean;
}

/** What {@link useTask} returns: TanStack Query's result for the task, plus `resume`. */
export type UseTaskResult = UseQueryResult<Task, GptImageError> & {
  /** After a `TimeoutError` (or any stop), starts a new timeout window and polls again. */
  resume: () => void;
};

/**
 * Follows any task by id, from any component: polls on the model-aware schedule until it completes or
 * fails, never fetches a terminal task again, and shares one request per interval among every
 * component following the same task. Pass `null` to follow nothing.
 */
export function useTask(
  taskId: string | null | undefined,
  options: UseTaskOptions = {},
): UseTaskResult {
  const client = useClientCore();
  const queryClient = useRequiredQueryClient();
  const result = useQuery(
    {
      ...taskQueryOptions(client, taskId ?? '', options),
      enabled: Boolean(taskId) && options.enabled !== false,
    },
    queryClient,
  );
  const { refetch } = result;
  const resume = useCallback(() => {
    if (!taskId) return;
    restartFollow(queryClient, taskId);
    void refetch();
  }, [queryClient, refetch, taskId]);
  return Object.assign(result, { resume });
}

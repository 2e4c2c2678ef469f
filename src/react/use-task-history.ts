'use client';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import type { GptImageError } from '../core/errors.js';
import type { Task } from '../core/task/task.js';
import { taskKeys } from '../query/query-keys.js';
import { taskHistoryKeys } from '../query/task-history-keys.js';
import {
  defaultHistoryStore,
  taskHistoryQueryOptions,
  type TaskHistoryData,
  type TaskHistoryOptions,
  type TaskHistorySource,
} from '../query/task-history-query-options.js';
import { recordTaskHistory } from '../query/task-history-recorder.js';
import { taskQueryOptions } from '../query/task-query-options.js';
import { useGptImageClient, usePersistScope, useRequiredQueryClient } from './provider.js';

/** Options of {@link useTaskHistory}. */
export interface UseTaskHistoryOptions extends Omit<TaskHistoryOptions, 'scope'> {
  /** Set `false` to hold off loading. Defaults to `true`. */
  enabled?: boolean;
}

/** What {@link useTaskHistory} returns. */
export interface TaskHistory {
  /** The tasks of every page loaded, newest first; pending ones live (their polls are shared with `useTask`). */
  tasks: Task[];
  /** Where the pages came from: the server's list, the browser's store, or `null` before the first. */
  source: TaskHistorySource | null;
  /** The first page is loading. */
  isLoading: boolean;
  /** The list could not be read (the last error is in `error`). */
  isError: boolean;
  /** Why the list could not be read, else `null`. */
  error: GptImageError | null;
  /** Whether older tasks remain to load. */
  hasNextPage: boolean;
  /** Loading the next page now. */
  isFetchingNextPage: boolean;
  /** Loads the next (older) page. */
  fetchNextPage: () => void;
  /** Reads the history again from the start. */
  refetch: () => void;
}

const submittedAt = (task: Task) => (task.createdAt ? Date.parse(task.createdAt) : undefined);

/**
 * The signed-in user's tasks, newest first, page by page: from the proxy's history (or the mock's),
 * or, when the server keeps none, from the browser's own store, which then records every submit the
 * hooks make. Pending tasks stay live through the same task queries `useTask` and the generation hooks
 * use, so a task followed elsewhere costs no second request; a submit shows up without a refresh.
 */
export function useTaskHistory(options: UseTaskHistoryOptions = {}): TaskHistory {
  const client = useGptImageClient();
  const queryClient = useRequiredQueryClient();
  const scope = usePersistScope() ?? '';
  const { enabled = true, limit, historyStore } = options;
  const query = useInfiniteQuery(
    { ...taskHistoryQueryOptions(client, { limit, historyStore, scope }), enabled },
    queryClient,
  );
  const data = query.data as TaskHistoryData | undefined;
  const source = data?.pages[0]?.source ?? null;
  const listed = useMemo(() => {
    const seen = new Set<string>();
    return (data?.pages ?? [])
      .flatMap((page) => page.tasks)
      .filter((task) => !seen.has(task.id) && seen.add(task.id));
  }, [data]);

  // Pending tasks followed as every follower does: one query per task, polls shared.
  const live = useQueries(
    {
      queries: listed
        .filter((task) => task.status === 'pending')
        .map((task) => ({
          ...taskQueryOptions(client, task.id, {
            initialTask: task,
            submittedAt: submittedAt(task),
            model: task.model ?? undefined,
          }),
          enabled,
        })),
      combine: (results) => results.map((result) => result.data),
    },
    queryClient,
  );

  const tasks = useMemo(() => {
    const byId = new Map(live.flatMap((task) => (task ? [[task.id, task] as const] : [])));
    return listed.map((task) => {
      const now = byId.get(task.id) ?? queryClient.getQueryData<Task>(taskKeys.task(task.id));
      return now && now !== task ? { ...task, ...now, request: now.request ?? task.request } : task;
    });
  }, [listed, live, queryClient]);

  // A submit shows up at once: the server's list is read again (the browser's store, once written).
  useEffect(() => {
    if (!enabled || source === 'browser') return;
    return queryClient.getMutationCache().subscribe((event) => {
      const [root, what] = event.mutation?.options.mutationKey ?? [];
      if (
        event.type === 'updated' &&
        event.action.type === 'success' &&
        root === taskKeys.all[0] &&
        what === 'submit'
      )
        void queryClient.invalidateQueries({ queryKey: taskHistoryKeys.all });
    });
  }, [enabled, queryClient, source]);

  // Without a server list, the browser's store records the hooks' submits and snapshots.
  useEffect(() => {
    if (!enabled || source !== 'browser' || historyStore === false) return;
    return recordTaskHistory(queryClient, { store: historyStore ?? defaultHistoryStore(), scope });
  }, [enabled, historyStore, queryClient, scope, source]);

  const { fetchNextPage, refetch } = query;
  return {
    tasks,
    source,
    isLoading: query.isLoading,
    isError: query.isError,
    error: query.error as GptImageError | null,
    hasNextPage: query.hasNextPage,
    isFetchingNextPage: query.isFetchingNextPage,
    fetchNextPage: useMemo(() => () => void fetchNextPage(), [fetchNextPage]),
    refetch: useMemo(() => () => void refetch(), [refetch]),
  };
}

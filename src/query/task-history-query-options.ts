import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/query-core';
import type { GptImageClient } from '../core/client.js';
import { HistoryUnavailableError, type GptImageError } from '../core/errors.js';
import { DEFAULT_TASK_LIST_LIMIT } from '../core/http/task-list-query.js';
import type { ModelSpec } from '../core/registry/model-spec.js';
import { isTerminal, type Task, type TaskPage } from '../core/task/task.js';
import { taskKeys } from './query-keys.js';
import { taskHistoryKeys } from './task-history-keys.js';
import { createIndexedDbHistoryStore, type TaskHistoryStore } from './task-history-store.js';

/** Where a history page came from: the server's list (the proxy, the mock) or the browser's store. */
export type TaskHistorySource = 'server' | 'browser';

/** One page of a history, and where it came from. */
export interface TaskHistoryPage extends TaskPage {
  source: TaskHistorySource;
}

/** Options of {@link taskHistoryQueryOptions}. */
export interface TaskHistoryOptions {
  /** Tasks per page, 1–100. Defaults to `20`. */
  limit?: number;
  /**
   * Where history is kept when the server keeps none (`listTasks` says `HistoryUnavailableError`:
   * the client talks to the API itself, or the proxy's store has no list). Defaults to one
   * `createIndexedDbHistoryStore()` for the page; `false` surfaces the error instead.
   */
  historyStore?: TaskHistoryStore | false;
  /** Keeps one user's browser history apart from another's. Defaults to `''` (the hook passes the provider's `persistScope`). */
  scope?: string;
}

let defaultStore: TaskHistoryStore | undefined;
/** The page's one `createIndexedDbHistoryStore()`, made on first use: the default `historyStore`. */
export const defaultHistoryStore = (): TaskHistoryStore =>
  (defaultStore ??= createIndexedDbHistoryStore());
// Clients known to have no list on their server: their histories go to the browser's store at once.
const withoutList = new WeakSet<object>();

/**
 * Seeds the task cache with a page's ended tasks (so `useTask` of one costs no request) and with
 * ended news of a task the cache still has pending. A pending task is not written: its query, with
 * the page's snapshot as its start, polls it (`useTaskHistory` follows them), and writing one would
 * restart the timers of its followers.
 */
function seed(queryClient: QueryClient, tasks: readonly Task[]) {
  for (const task of tasks) {
    const key = taskKeys.task(task.id);
    const cached = queryClient.getQueryData<Task>(key);
    if (isTerminal(task) && (!cached || !isTerminal(cached)))
      queryClient.setQueryData(key, { ...task, request: task.request ?? cached?.request ?? null });
  }
}

/**
 * The infinite query of the signed-in user's tasks, newest first, page by page: `useTaskHistory` is
 * `useInfiniteQuery` over this (prefetch or compose it yourself). Pages come from the server's list
 * (`client.listTasks`, the proxy's history) or, when it has none, from the browser's `historyStore`.
 * Each page's ended tasks seed the task cache. Fresh for 30 s; the hook invalidates it on each submit.
 * Not retried by TanStack Query (`retry: false`): the client has already retried what can be.
 */
export function taskHistoryQueryOptions<M extends ModelSpec>(
  client: GptImageClient<M>,
  options: TaskHistoryOptions = {},
) {
  const { limit = DEFAULT_TASK_LIST_LIMIT, scope = '' } = options;
  const store =
    options.historyStore === false ? null : (options.historyStore ?? defaultHistoryStore());
  const fromBrowser = async (cursor: string | null): Promise<TaskHistoryPage> => ({
    ...(await store!.list(scope, { limit, cursor })),
    source: 'browser',
  });
  return {
    queryKey: taskHistoryKeys.list(scope, limit) as QueryKey,
    initialPageParam: null as string | null,
    getNextPageParam: (page: TaskHistoryPage) => page.nextCursor,
    queryFn: async ({
      pageParam,
      signal,
      client: queryClient,
    }: {
      pageParam: string | null;
      signal: AbortSignal;
      client: QueryClient;
    }): Promise<TaskHistoryPage> => {
      let page: TaskHistoryPage;
      if (store && withoutList.has(client)) page = await fromBrowser(pageParam);
      else {
        try {
          page = {
            ...(await client.listTasks({ limit, cursor: pageParam, signal })),
            source: 'server',
          };
        } catch (error) {
          if (!(error instanceof HistoryUnavailableError) || !store || pageParam !== null)
            throw error;
          withoutList.add(client);
          page = await fromBrowser(null);
        }
      }
      seed(queryClient, page.tasks);
      return page;
    },
    staleTime: 30_000,
    // The client's transport already retries what is retryable, with backoff: retrying each of its
    // failures again took 16 requests and about 25 s to show that the list cannot be read.
    retry: false,
  };
}

/** The data of a history query. */
export type TaskHistoryData = InfiniteData<TaskHistoryPage, string | null>;
/** The error of a history query. */
export type TaskHistoryError = GptImageError;

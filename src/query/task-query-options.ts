import {
  hashKey,
  type DataTag,
  type Query,
  type QueryClient,
  type QueryObserverOptions,
} from '@tanstack/query-core';
import type { ClientCore } from '../core/client.js';
import type { GptImageError } from '../core/errors.js';
import { TaskNotFoundError, TimeoutError } from '../core/errors.js';
import { nextPoll as pollRule, type PollOptions } from '../core/polling/next-poll.js';
import type { ModelSpec } from '../core/registry/model-spec.js';
import { isTerminal, type Task } from '../core/task/task.js';
import { taskKeys } from './query-keys.js';

/**
 * How a task is followed: the {@link PollOptions} every follower takes (a timeout's `resume()` goes on
 * after `timeoutMs`), and these. Every option has a default that suits a generation UI.
 */
export interface FollowTaskOptions extends PollOptions {
  /** The snapshot to start from (a submit's pending task), so the first poll can wait for the model's typical time. */
  initialTask?: Task;
  /** Skip polls while the page is hidden; a poll follows when it is shown again. Defaults to `true`. */
  pauseWhenHidden?: boolean;
  /** Hold polls while the browser is offline; a poll follows on reconnect. Defaults to `true`. */
  pauseWhenOffline?: boolean;
}

/** What the library remembers of a query while following it in this session. */
interface FollowState {
  startedAt: number;
  timeoutMs: number;
}

// TanStack's `queryOptions` without React: the key carries the data's type (for `getQueryData`).
const queryOptions = (
  options: QueryObserverOptions<Task, GptImageError, Task, Task, readonly unknown[]>,
) => options as typeof options & { queryKey: DataTag<readonly unknown[], Task, GptImageError> };

const follows = new WeakMap<Query<Task, GptImageError, Task, readonly unknown[]>, FollowState>();
type TaskQuery = Query<Task, GptImageError, Task, readonly unknown[]>;

function followOf(query: TaskQuery, timeoutMs: number): FollowState {
  let state = follows.get(query);
  if (!state) follows.set(query, (state = { startedAt: Date.now(), timeoutMs }));
  return state;
}

/** Starts a new timeout window for a task that timed out, so following can resume. */
export function restartFollow(queryClient: QueryClient, taskId: string) {
  const query = queryClient
    .getQueryCache()
    .get<Task, GptImageError, Task, readonly unknown[]>(hashKey(taskKeys.task(taskId)));
  const state = query && follows.get(query);
  if (state) state.startedAt = Date.now();
}

/**
 * The query that follows one task: `useTask` is `useQuery` over this, and you can prefetch, suspend on
 * or compose it. It polls on the model-aware schedule, never fetches a terminal task again, skips polls
 * while the page is hidden or offline (by default), keeps going through transient errors with the last
 * snapshot kept, and ends in a `TimeoutError` (with the task id) rather than polling forever.
 */
export function taskQueryOptions<M extends ModelSpec>(
  client: ClientCore<M>,
  taskId: string,
  options: FollowTaskOptions = {},
) {
  const { timeoutMs = 600_000, pauseWhenHidden = true, pauseWhenOffline = true } = options;
  const schedule = options.schedule ?? client.pollSchedule;

  // The delay before the next poll, counted from the last answer (when TanStack Query starts both the
  // interval and the staleness clock), or `false` once there is nothing more to learn.
  const nextPoll = (query: TaskQuery): number | false => {
    const {
      data,
      error,
      status,
      dataUpdateCount,
      errorUpdateCount,
      dataUpdatedAt,
      errorUpdatedAt,
    } = query.state;
    if (data && isTerminal(data)) return false;
    // A poll in flight (or waiting to retry a 404) is not polled again: TanStack Query asks for the next
    // delay when it settles. Counted now, the delay would be overdue: a 1 ms interval spinning meanwhile.
    if (query.state.fetchStatus !== 'idle') return false;
    if (status === 'error' && !error?.retryable) return false;
    if (error instanceof TimeoutError) return false;
    const follow = followOf(query, timeoutMs);
    const createdAt = data?.createdAt ? Date.parse(data.createdAt) : NaN;
    const submittedAt =
      options.submittedAt ?? (createdAt <= Date.now() ? createdAt : follow.startedAt);
    const modelId = options.model ?? data?.model;
    // The core's rule, as waitForTask follows it; at least 1 ms, since 0 turns TanStack's interval off.
    return Math.max(
      1,
      pollRule(schedule, {
        // Polls made so far; a seeded initial snapshot is not one.
        attempt: dataUpdateCount + errorUpdateCount,
        elapsedMs: (Math.max(dataUpdatedAt, errorUpdatedAt) || Date.now()) - submittedAt,
        model: modelId ? client.registry.get(modelId) : undefined,
        error: status === 'error' ? error : undefined,
      }),
    );
  };

  return queryOptions({
    queryKey: taskKeys.task(taskId),
    queryFn: ({ signal, client: queryClient, queryKey }) => {
      // By hash: O(1), where a `find` would scan every cached query at every poll.
      const query = queryClient
        .getQueryCache()
        .get<Task, GptImageError, Task, readonly unknown[]>(hashKey(queryKey));
      const follow = query && followOf(query, timeoutMs);
      if (follow && Date.now() - follow.startedAt > follow.timeoutMs) {
        throw new TimeoutError(taskId, Date.now() - follow.startedAt, query.state.data ?? null);
      }
      return client.getTask(taskId, { signal });
    },
    initialData: options.initialTask,
    initialDataUpdatedAt: options.initialTask ? options.submittedAt : undefined,
    // A terminal task never changes: never refetch it, not even on invalidation. A pending one is
    // fresh until its next poll is due, so a remount or refocus does not poll early.
    staleTime: (query) =>
      query.state.data && isTerminal(query.state.data) ? 'static' : nextPoll(query) || 0,
    refetchInterval: nextPoll,
    refetchIntervalInBackground: !pauseWhenHidden,
    networkMode: pauseWhenOffline ? 'online' : 'always',
    // The client retries transient errors itself; here only a 404 right after a submit (a replica
    // that has not seen the task yet) is worth a second look.
    retry: (failures, error) => error instanceof TaskNotFoundError && failures < 2,
    retryDelay: 2000,
  });
}

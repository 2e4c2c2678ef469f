import type { Mutation, QueryClient } from '@tanstack/query-core';
import type { DraftRequest } from '../core/request/types.js';
import type { Submission, Task } from '../core/task/task.js';
import { taskKeys } from './query-keys.js';
import { taskHistoryKeys } from './task-history-keys.js';
import type { TaskHistoryStore } from './task-history-store.js';

/** Where {@link recordTaskHistory} writes: a store and the scope (the signed-in user) in it. */
export interface TaskHistoryTarget {
  store: TaskHistoryStore;
  /** Keeps one user's history from another's on a shared browser. Defaults to `''`. */
  scope?: string;
}

const isSubmit = (mutation: Mutation<unknown, Error, unknown>) => {
  const [root, what, kind] = mutation.options.mutationKey ?? [];
  return root === taskKeys.all[0] && what === 'submit' && (kind === 'image' || kind === 'video')
    ? kind
    : null;
};

/** The snapshot a task has at its submit, with the request that made it. */
function submitted(kind: 'image' | 'video', request: DraftRequest, submission: Submission): Task {
  const now = new Date().toISOString();
  return {
    id: submission.taskId,
    status: 'pending',
    type: kind,
    model: request.model,
    prompt: request.prompt ?? null,
    imageUrls: [],
    videoUrl: null,
    errorCode: null,
    errorMessage: null,
    creditsUsed: submission.creditsUsed,
    creditsRefunded: false,
    createdAt: now,
    updatedAt: now,
    request,
  };
}

// One recorder per query client, store and scope, however many histories are mounted.
const recorders = new WeakMap<QueryClient, Map<string, { count: number; stop: () => void }>>();

/**
 * Writes the hooks' submits (each with its request) and the snapshots their polls bring to a browser
 * history store, by watching TanStack Query's caches: nothing is added to the generation hooks.
 * `useTaskHistory` records while it is mounted (and picks up the submits still in the mutation
 * cache when it mounts); call this once where the `QueryClient` is made to record every submit of
 * the app when there is no proxy keeping history. Returns the function that stops recording.
 */
export function recordTaskHistory(
  queryClient: QueryClient,
  { store, scope = '' }: TaskHistoryTarget,
) {
  const id = `${scope}`;
  const byClient =
    recorders.get(queryClient) ?? new Map<string, { count: number; stop: () => void }>();
  recorders.set(queryClient, byClient);
  const running = byClient.get(id);
  const report = (error: unknown) => {
    if (process.env.NODE_ENV !== 'production')
      console.warn('gptimage2-react: could not keep a task in the browser history', error);
  };
  // A new task: once kept, the histories read again to show it.
  const save = (task: Task) =>
    void store
      .put(scope, task)
      .then(() => queryClient.invalidateQueries({ queryKey: taskHistoryKeys.all }))
      .catch(report);
  // A poll's snapshot of a task the history has (not of every task the app follows).
  const update = (task: Task) =>
    void store
      .get(scope, task.id)
      .then((kept) => kept && store.put(scope, task))
      .catch(report);
  const record = (mutation: Mutation<unknown, Error, unknown>) => {
    const kind = isSubmit(mutation);
    const { status, data, variables } = mutation.state;
    if (kind && status === 'success' && data && variables)
      save(submitted(kind, variables as DraftRequest, data as Submission));
  };
  if (running) {
    running.count++;
  } else {
    queryClient.getMutationCache().getAll().forEach(record);
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') record(event.mutation);
    });
    // Snapshots of kept tasks, as their polls bring them.
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      const [root, what, taskId] = event.query.queryKey as unknown[];
      const task = event.query.state.data as Task | undefined;
      if (
        event.type === 'updated' &&
        event.action.type === 'success' &&
        root === taskKeys.all[0] &&
        what === 'task' &&
        typeof taskId === 'string' &&
        task
      )
        update(task);
    });
    byClient.set(id, {
      count: 1,
      stop: () => {
        unsubscribeMutations();
        unsubscribeQueries();
      },
    });
  }
  let stopped = false;
  return () => {
    const entry = byClient.get(id);
    if (stopped || !entry) return;
    stopped = true;
    if (--entry.count > 0) return;
    entry.stop();
    byClient.delete(id);
  };
}

import {
  DEFAULT_TASK_LIST_LIMIT,
  encodeTaskListCursor,
  parseTaskListQuery,
} from '../core/http/task-list-query.js';
import { ValidationError } from '../core/errors.js';
import type { Task, TaskPage } from '../core/task/task.js';

/** Options of {@link TaskHistoryStore.list}. */
export interface TaskHistoryListOptions {
  /** Tasks per page. Defaults to `20`. */
  limit?: number;
  /** The `nextCursor` of the page before. Defaults to the newest page. */
  cursor?: string | null;
}

/**
 * A history of tasks kept in the browser, per scope (the signed-in user): what `useTaskHistory` reads
 * when the server keeps none (the client talks to the API itself, or the proxy's store has no list),
 * and what the hooks' submits and snapshots are written to. {@link createIndexedDbHistoryStore} is
 * the library's; any object with these methods will do.
 */
export interface TaskHistoryStore {
  /** Adds a task, or keeps a newer snapshot of one (an ended snapshot is never replaced by a pending one). */
  put(scope: string, task: Task): Promise<void>;
  /** The snapshot kept of one task, or `null`. */
  get(scope: string, taskId: string): Promise<Task | null>;
  /** One page of the scope's tasks, newest first, with the same paging as the proxy's list. */
  list(scope: string, options?: TaskHistoryListOptions): Promise<TaskPage>;
}

/** Options of {@link createIndexedDbHistoryStore}. */
export interface IndexedDbHistoryStoreOptions {
  /** The database's name. Defaults to `'gptimage2-history'`. */
  databaseName?: string;
  /** How long a task is kept, in milliseconds, counted from its creation. Defaults to 30 days. */
  maxAgeMs?: number;
}

interface Row {
  scope: string;
  id: string;
  createdAt: number;
  task: Task;
}

const STORE = 'tasks';
const BY_TIME = 'byTime';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });

/**
 * A {@link TaskHistoryStore} in the browser's IndexedDB: one database, tasks keyed by scope and id,
 * listed newest first by creation time, forgotten after `maxAgeMs`. Opened on first use; where there is
 * no IndexedDB (a server render, some private modes) every call rejects, and the history says so.
 */
export function createIndexedDbHistoryStore({
  databaseName = 'gptimage2-history',
  maxAgeMs = 30 * 24 * 60 * 60 * 1000,
}: IndexedDbHistoryStoreOptions = {}): TaskHistoryStore {
  let opened: Promise<IDBDatabase> | undefined;
  const open = () =>
    (opened ??= (async () => {
      if (typeof indexedDB === 'undefined')
        throw new Error('gptimage2-react: no IndexedDB here, so no history in the browser');
      const request = indexedDB.open(databaseName, 1);
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: ['scope', 'id'] });
        store.createIndex(BY_TIME, ['scope', 'createdAt', 'id']);
      };
      return done(request);
    })()).catch((error: unknown) => {
      opened = undefined;
      throw error;
    });
  const store = async (mode: IDBTransactionMode) =>
    (await open()).transaction(STORE, mode).objectStore(STORE);
  const createdAt = (task: Task) => {
    const time = task.createdAt ? Date.parse(task.createdAt) : NaN;
    return Number.isFinite(time) ? time : Date.now();
  };

  return {
    async put(scope, task) {
      const tasks = await store('readwrite');
      const kept = (await done(tasks.get([scope, task.id]))) as Row | undefined;
      if (kept && kept.task.status !== 'pending' && task.status === 'pending') return;
      const row: Row = {
        scope,
        id: task.id,
        createdAt: kept?.createdAt ?? createdAt(task),
        task: { ...task, request: task.request ?? kept?.task.request ?? null },
      };
      await done(tasks.put(row));
    },
    async get(scope, taskId) {
      const row = (await done((await store('readonly')).get([scope, taskId]))) as Row | undefined;
      return row?.task ?? null;
    },
    async list(scope, { limit = DEFAULT_TASK_LIST_LIMIT, cursor = null } = {}) {
      const params = new URLSearchParams({ limit: String(limit) });
      if (cursor !== null) params.set('cursor', cursor);
      const query = parseTaskListQuery(params);
      if ('fieldErrors' in query) throw new ValidationError(query, 'client');
      const oldest = Date.now() - maxAgeMs;
      const after = query.after;
      const range = IDBKeyRange.bound(
        [scope, oldest, ''],
        after ? [scope, after.createdAt, after.taskId] : [scope, Infinity, ''],
        false,
        true,
      );
      const index = (await store('readonly')).index(BY_TIME);
      const rows: Row[] = [];
      await new Promise<void>((resolve, reject) => {
        const request = index.openCursor(range, 'prev');
        request.onerror = () => reject(request.error ?? new Error('IndexedDB cursor failed'));
        request.onsuccess = () => {
          const next = request.result;
          if (!next || rows.length > query.limit) return resolve();
          rows.push(next.value as Row);
          next.continue();
        };
      });
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        tasks: page.map((row) => row.task),
        nextCursor:
          rows.length > query.limit && last
            ? encodeTaskListCursor({ createdAt: last.createdAt, taskId: last.id })
            : null,
      };
    },
  };
}

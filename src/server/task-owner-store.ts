/**
 * Where the proxy records which user submitted each task, so only that user can poll it. Implement it
 * over a shared store (Redis, a database table, a KV namespace) when the app runs on more than one
 * server instance; every method may be synchronous or return a promise.
 *
 * ```ts
 * const taskStore: TaskOwnerStore = {
 *   get: (taskId) => redis.get(`task-owner:${taskId}`),
 *   set: (taskId, userId, ttlMs) => redis.set(`task-owner:${taskId}`, userId, { PX: ttlMs }).then(() => {}),
 * };
 * ```
 */
export interface TaskOwnerStore {
  /** The user who submitted `taskId`, or `null`/`undefined` when unknown or expired. */
  get(taskId: string): string | null | undefined | Promise<string | null | undefined>;
  /** Records that `userId` submitted `taskId`; the record may be forgotten after `ttlMs` milliseconds. */
  set(taskId: string, userId: string, ttlMs: number): void | Promise<void>;
}

/** Options of {@link createMemoryTaskOwnerStore}. */
export interface MemoryTaskOwnerStoreOptions {
  /** How many records it keeps; past this the oldest are dropped first. Defaults to `100000`. */
  maxEntries?: number;
  /** The time, in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * The default {@link TaskOwnerStore}: a map in this process's memory whose records expire, bounded in
 * size. Right for one server instance; records are lost on restart (users then get 404 for tasks
 * submitted before it).
 */
export function createMemoryTaskOwnerStore({ maxEntries = 100_000, now = Date.now }: MemoryTaskOwnerStoreOptions = {}): TaskOwnerStore {
  // A Map keeps insertion order, so the first entries are the oldest: cheap eviction from the front.
  const records = new Map<string, { userId: string; expires: number }>();
  return {
    get(taskId) {
      const record = records.get(taskId);
      if (!record) return null;
      if (record.expires <= now()) {
        records.delete(taskId);
        return null;
      }
      return record.userId;
    },
    set(taskId, userId, ttlMs) {
      const time = now();
      records.delete(taskId);
      records.set(taskId, { userId, expires: time + ttlMs });
      for (const [id, record] of records) {
        if (records.size <= maxEntries && record.expires > time) break;
        records.delete(id);
      }
    },
  };
}

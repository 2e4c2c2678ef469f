/**
 * Where the proxy records which user submitted each task, so only that user can poll it. Implement it
 * over a shared store when the app runs on more than one server instance (`createRedisTaskStore` is
 * one, on Redis); every method may be synchronous or return a promise. A method that throws or
 * rejects makes the proxy answer 503.
 */
export interface TaskOwnerStore {
  /** The user who submitted `taskId`, or `null`/`undefined` when unknown or expired. */
  get(taskId: string): string | null | undefined | Promise<string | null | undefined>;
  /** Records that `userId` submitted `taskId`; the record may be forgotten after `ttlMs` milliseconds. */
  set(taskId: string, userId: string, ttlMs: number): void | Promise<void>;
  /**
   * Optional: throws (or rejects) when the store cannot record now. The proxy calls it before sending a
   * submit, so a store that is away refuses with a 503 before anything is charged.
   */
  ping?(): void | Promise<void>;
}

/** Options of {@link createMemoryTaskOwnerStore}. */
export interface MemoryTaskOwnerStoreOptions {
  /** How many records it keeps; past this the oldest are dropped first. Defaults to `100000`. */
  maxEntries?: number;
  /** The time, in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

let warnedInProduction = false;

/**
 * The default {@link TaskOwnerStore}: a map in this process's memory whose records expire, bounded in
 * size. Right for one server instance; records are lost on restart (users then get 404 for tasks
 * submitted before it). With `NODE_ENV=production` the first one made logs a warning saying so.
 */
export function createMemoryTaskOwnerStore({
  maxEntries = 100_000,
  now = Date.now,
}: MemoryTaskOwnerStoreOptions = {}): TaskOwnerStore {
  if (!warnedInProduction && globalThis.process?.env?.NODE_ENV === 'production') {
    warnedInProduction = true;
    console.warn(
      'gptimage2-react/server: task owners are kept in this process only; with more than one instance a poll that lands on another gets 404. Use createRedisTaskStore (or another shared TaskOwnerStore).',
    );
  }
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

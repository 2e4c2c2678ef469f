import { compareNewestFirst, isAfter, type TaskListQuery } from '../core/http/task-list-query.js';
import type { DraftRequest } from '../core/request/types.js';
import {
  claimOutputState,
  settleOutputState,
  type OutputClaim,
  type OutputOutcome,
  type OutputState,
} from './output-ledger.js';

/** A task snapshot in the API's own spelling (`taskId`, `status` 0/1/2, …), as the list answers it. */
export type TaskSnapshot = Readonly<Record<string, unknown>>;

/** What the proxy keeps of a task for its owner's history. */
export interface TaskRecord {
  /** When the proxy accepted the submit, in milliseconds since the epoch: the list's order. */
  createdAt: number;
  /** The request that made it, as the browser client sent it (validated; nothing but the body). */
  request: Readonly<DraftRequest>;
  /** Its last known snapshot: the one the submit implied, then each one a poll relayed. */
  snapshot: TaskSnapshot;
}

/** One page of a user's records, newest first. */
export interface TaskRecordPage {
  records: Array<TaskRecord & { taskId: string }>;
  /** Whether older records follow this page. */
  hasMore: boolean;
}

/**
 * Where the proxy records which user submitted each task, so only that user can poll it, and (when
 * the store keeps history) each task's request and last snapshot, so the user can list them. Implement
 * it over a shared store when the app runs on more than one server instance (`createRedisTaskStore`
 * is one, on Redis); every method may be synchronous or return a promise. A method that throws or
 * rejects makes the proxy answer 503. A store without `list` keeps no history: the list answers 501.
 */
export interface TaskOwnerStore {
  /** The user who submitted `taskId`, or `null`/`undefined` when unknown or expired. */
  get(taskId: string): string | null | undefined | Promise<string | null | undefined>;
  /**
   * Records that `userId` submitted `taskId`; the record may be forgotten after `ttlMs` milliseconds.
   * `record` (given when the store has `list`) is the task's history entry, kept as long.
   */
  set(taskId: string, userId: string, ttlMs: number, record?: TaskRecord): void | Promise<void>;
  /**
   * Optional: throws (or rejects) when the store cannot record now. The proxy calls it before sending a
   * submit, so a store that is away refuses with a 503 before anything is charged.
   */
  ping?(): void | Promise<void>;
  /**
   * Optional, with `list`: replaces a recorded task's snapshot with one a poll relayed. A snapshot of
   * an ended task (`final`) is never replaced; an unknown or expired task is left unrecorded.
   */
  saveSnapshot?(taskId: string, snapshot: TaskSnapshot, final: boolean): void | Promise<void>;
  /** Optional: one page of `userId`'s records, newest first, after `query.after`; expired ones left out. */
  list?(userId: string, query: TaskListQuery): TaskRecordPage | Promise<TaskRecordPage>;
  /**
   * Optional, for the proxy's `keepOutputs`: how the copy of a completed task's outputs stands, taking
   * a lease of `leaseMs` when this poll should copy (one copy at a time across every instance, at most
   * `maxAttempts` failed ones). An unknown task answers `given-up`.
   */
  claimOutputs?(
    taskId: string,
    leaseMs: number,
    maxAttempts: number,
  ): OutputClaim | Promise<OutputClaim>;
  /** Optional, with `claimOutputs`: records how the copy ended (kept URLs replace the history's snapshot) and ends the lease. */
  saveOutputs?(taskId: string, outcome: OutputOutcome): void | Promise<void>;
}

/** Options of {@link createMemoryTaskOwnerStore}. */
export interface MemoryTaskOwnerStoreOptions {
  /** How many records it keeps; past this the oldest are dropped first. Defaults to `100000`. */
  maxEntries?: number;
  /** The time, in milliseconds. Defaults to `Date.now`. */
  now?: () => number;
}

interface Entry {
  userId: string;
  expires: number;
  record?: TaskRecord;
  final?: boolean;
  outputs?: OutputState;
}

let warnedInProduction = false;

/**
 * The default {@link TaskOwnerStore}: a map in this process's memory whose records expire, bounded in
 * size, with each user's history. Right for one server instance; records are lost on restart (users
 * then get 404 for tasks submitted before it, and an empty history). With `NODE_ENV=production` the
 * first one made logs a warning saying so.
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
  const records = new Map<string, Entry>();
  // Each user's task ids with history, oldest first; ids whose entry is gone are pruned when listed.
  const byUser = new Map<string, string[]>();
  const live = (taskId: string): Entry | undefined => {
    const entry = records.get(taskId);
    if (entry && entry.expires <= now()) records.delete(taskId);
    else return entry;
    return undefined;
  };
  return {
    get: (taskId) => live(taskId)?.userId ?? null,
    set(taskId, userId, ttlMs, record) {
      const time = now();
      records.delete(taskId);
      records.set(taskId, { userId, expires: time + ttlMs, record });
      if (record) {
        const ids = byUser.get(userId) ?? [];
        byUser.set(userId, ids);
        if (!ids.includes(taskId)) ids.push(taskId);
      }
      for (const [id, entry] of records) {
        if (records.size <= maxEntries && entry.expires > time) break;
        records.delete(id);
      }
    },
    saveSnapshot(taskId, snapshot, final) {
      const entry = live(taskId);
      if (!entry?.record || entry.final) return;
      entry.record = { ...entry.record, snapshot };
      entry.final = final;
    },
    claimOutputs(taskId, leaseMs, maxAttempts) {
      const entry = live(taskId);
      if (!entry) return { state: 'given-up' };
      entry.outputs ??= { attempts: 0, leaseUntil: 0 };
      return claimOutputState(entry.outputs, now(), leaseMs, maxAttempts);
    },
    saveOutputs(taskId, outcome) {
      const entry = live(taskId);
      if (!entry?.outputs) return;
      settleOutputState(entry.outputs, outcome);
      if ('failed' in outcome || !entry.record) return;
      entry.record = { ...entry.record, snapshot: outcome.snapshot };
      entry.final = true;
    },
    list(userId, { limit, after }) {
      const ids = byUser.get(userId) ?? [];
      const kept = ids.filter((id) => live(id)?.userId === userId);
      if (kept.length) byUser.set(userId, kept);
      else byUser.delete(userId);
      const all = kept
        .map((taskId) => ({ taskId, ...live(taskId)!.record! }))
        .sort(compareNewestFirst)
        .filter((record) => isAfter(record, after));
      return { records: all.slice(0, limit), hasMore: all.length > limit };
    },
  };
}

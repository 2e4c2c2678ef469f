import type { ErrorCode } from '../core/errors.js';
import { isRecord } from '../core/values.js';
import {
  rememberGeneration,
  type PersistedGeneration,
  type PersistedTask,
  type PersistTarget,
} from './persistence.js';
import { withKeySuffix } from './persistence-key.js';

/**
 * One slot as a batch remembers it: `queued` (never sent: a reload queues it again), `started` (its own
 * generation record, under `<key>:<id>`, covers the submit in flight; `task` once the API accepted it, so a
 * reload follows it by id), or `cancelled`. `ended` marks an outcome already announced; `error`, a refused
 * submit's reason.
 */
export interface StoredSlot {
  id: string;
  request: unknown;
  phase: 'queued' | 'started' | 'cancelled';
  task?: PersistedTask;
  ended?: true;
  error?: { code: ErrorCode; message: string };
}

// What an id we wrote looks like: anything else was edited by hand.
const SAFE_ID = /^[\w.~-]{1,100}$/;
const PHASES = ['queued', 'started', 'cancelled'];

const isStoredSlot = (value: unknown): value is StoredSlot =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  SAFE_ID.test(value.id) &&
  isRecord(value.request) &&
  PHASES.includes(value.phase as string) &&
  (value.task === undefined ||
    (isRecord(value.task) &&
      typeof value.task.taskId === 'string' &&
      SAFE_ID.test(value.task.taskId)));

/** The target of one slot's own generation record: the batch's key and `:<slot id>`, in the same storage and scope. */
export function slotTarget(batch: PersistTarget, id: string): PersistTarget {
  return { ...batch, option: withKeySuffix(batch.option, id) };
}

/** The remembered slots, or `[]`. A value this library did not write is removed, with a development warning. */
export function readSlots(target: PersistTarget): StoredSlot[] {
  const { key, storage } = rememberGeneration(target);
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(key);
    if (raw == null) return [];
    const value: unknown = JSON.parse(raw);
    if (Array.isArray(value) && value.every(isStoredSlot)) return value;
  } catch {
    if (raw === undefined) return [];
  }
  if (process.env.NODE_ENV !== 'production')
    console.warn(
      `gptimage2-react: ignored and removed an unreadable remembered batch under "${key}"`,
    );
  writeSlots(target, []);
  return [];
}

/** Remembers the slots (an empty list is forgotten). Storage errors are ignored, as the single generation's are. */
export function writeSlots(target: PersistTarget, slots: readonly StoredSlot[]) {
  // The same write (and same-document notification) as a single generation's record; only the value differs.
  rememberGeneration(target).write(slots.length ? (slots as unknown as PersistedGeneration) : null);
}

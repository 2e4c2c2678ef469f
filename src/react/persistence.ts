/** The part of the Web Storage API persistence needs (`localStorage` and `sessionStorage` fit). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where a generation is remembered, so a reload or a remount re-attaches to it instead of submitting again. */
export type PersistOption = string | { key: string; storage?: StorageLike };

/** A remembered pending task. */
export interface PersistedTask {
  status: 'pending';
  taskId: string;
  model: string;
  submittedAt: number;
  creditsUsed: number | null;
}

/**
 * What is remembered under a key: a pending task; a submit in flight (`submitting`), so a remount does
 * not submit again while its answer is on the way; or a submit whose answer never came (`unknown`: it
 * may have been charged).
 */
export type PersistedGeneration = PersistedTask | { status: 'submitting' | 'unknown'; model: string; submittedAt: number };

function resolve(option: PersistOption): { key: string; storage: StorageLike | null } {
  const { key, storage } = typeof option === 'string' ? { key: option, storage: undefined } : option;
  let fallback: StorageLike | null;
  try {
    // Read lazily: there is no localStorage on the server, and some browsers throw on access.
    fallback = typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    fallback = null;
  }
  return { key: `gptimage2:${key}`, storage: storage ?? fallback };
}

/** The remembered generation, or `null` (nothing stored, storage unavailable, or unreadable). */
export function readPersisted(option: PersistOption): PersistedGeneration | null {
  const { key, storage } = resolve(option);
  try {
    const value = JSON.parse(storage?.getItem(key) ?? 'null') as PersistedGeneration | null;
    if (!value || typeof value.submittedAt !== 'number' || typeof value.model !== 'string') return null;
    if (value.status === 'pending') return typeof value.taskId === 'string' ? value : null;
    return value.status === 'submitting' || value.status === 'unknown' ? value : null;
  } catch {
    return null;
  }
}

// Hooks sharing a key in this document hear each other's writes (the storage event is cross-tab only).
const listeners = new Map<string, Set<() => void>>();

/** Calls `listener` after every write under the option's key in this document; returns the unsubscribe. */
export function subscribePersisted(option: PersistOption, listener: () => void): () => void {
  const { key } = resolve(option);
  const set = listeners.get(key) ?? new Set();
  listeners.set(key, set.add(listener));
  return () => {
    set.delete(listener);
    if (!set.size) listeners.delete(key);
  };
}

/** Remembers a generation, or forgets it with `null`. Storage errors (quota, privacy modes) are ignored. */
export function writePersisted(option: PersistOption, value: PersistedGeneration | null) {
  const { key, storage } = resolve(option);
  try {
    if (value) storage?.setItem(key, JSON.stringify(value));
    else storage?.removeItem(key);
  } catch {
    // Persistence is a convenience: the task id also reaches `onSubmitted`.
  }
  listeners.get(key)?.forEach((listener) => listener());
}

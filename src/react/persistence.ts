/** The part of the Web Storage API persistence needs (`localStorage` and `sessionStorage` fit). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Where a pending task is remembered, so a reload or a remount re-attaches to it instead of submitting again. */
export type PersistOption = string | { key: string; storage?: StorageLike };

/** A remembered pending task. */
export interface PersistedTask {
  taskId: string;
  model: string;
  submittedAt: number;
  creditsUsed: number | null;
}

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

/** The remembered task, or `null` (nothing stored, storage unavailable, or unreadable). */
export function readPersisted(option: PersistOption): PersistedTask | null {
  const { key, storage } = resolve(option);
  try {
    const value = JSON.parse(storage?.getItem(key) ?? 'null') as PersistedTask | null;
    return value && typeof value.taskId === 'string' && typeof value.submittedAt === 'number' ? value : null;
  } catch {
    return null;
  }
}

/** Remembers a pending task, or forgets it with `null`. Storage errors (quota, privacy modes) are ignored. */
export function writePersisted(option: PersistOption, value: PersistedTask | null) {
  const { key, storage } = resolve(option);
  try {
    if (value) storage?.setItem(key, JSON.stringify(value));
    else storage?.removeItem(key);
  } catch {
    // Persistence is a convenience: the task id also reaches `onSubmitted`.
  }
}

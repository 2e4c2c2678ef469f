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
export type PersistedGeneration =
  PersistedTask | { status: 'submitting' | 'unknown'; model: string; submittedAt: number };

/** A persist option and the scope (the signed-in user, say) its key belongs to. */
export interface PersistTarget {
  option: PersistOption;
  /** Kept apart per scope, so a second account on a shared browser never sees the first one's task. */
  scope?: string;
}

// What an id we wrote looks like (the API's are `tsk_` and a ULID): anything else was edited by hand.
const SAFE_ID = /^[\w.~-]{1,200}$/;

// Whether a stored value is one this library writes.
const isPersisted = (value: { [K in keyof PersistedTask]?: unknown } | null) =>
  typeof value?.submittedAt === 'number' &&
  typeof value.model === 'string' &&
  (value.status === 'pending'
    ? typeof value.taskId === 'string' && SAFE_ID.test(value.taskId)
    : value.status === 'submitting' || value.status === 'unknown');

// Hooks sharing a key in this document hear each other's writes (the storage event is cross-tab only).
const listeners = new Map<string, Set<() => void>>();

/** The generation remembered for a target: read it, write it, and hear every write to it in this document. */
export interface RememberedGeneration {
  /** The storage key: `gptimage2:<key>`, or `gptimage2:<scope>:<key>` when scoped. */
  key: string;
  /** The storage it lives in (`null` when there is none, as on a server). */
  storage: StorageLike | null;
  /**
   * The remembered generation, or `null` (nothing stored, or storage unavailable). A value this
   * library did not write (edited by hand, bad JSON, a malformed id) is removed, with a development
   * warning.
   */
  read(): PersistedGeneration | null;
  /** Remembers a generation, or forgets it with `null`. Storage errors (quota, privacy modes) are ignored. */
  write(value: PersistedGeneration | null): void;
  /** Calls `listener` after every write under this key in this document; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/** The generation remembered for `target`, in its own storage or else `localStorage`. */
export function rememberGeneration({ option, scope }: PersistTarget): RememberedGeneration {
  const { key: name, storage: given } = typeof option === 'string' ? { key: option } : option;
  const key = `gptimage2:${scope === undefined ? '' : `${scope}:`}${name}`;
  let storage = given ?? null;
  try {
    // Read lazily: there is no localStorage on the server, and some browsers throw on access.
    storage ??= typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // No storage: nothing is remembered.
  }
  const write = (value: PersistedGeneration | null) => {
    try {
      if (value) storage?.setItem(key, JSON.stringify(value));
      else storage?.removeItem(key);
    } catch {
      // Persistence is a convenience: the task id also reaches `onSubmitted`.
    }
    listeners.get(key)?.forEach((listener) => listener());
  };
  return {
    key,
    storage,
    write,
    read() {
      let raw: string | null | undefined;
      try {
        raw = storage?.getItem(key);
        const value =
          raw == null ? null : (JSON.parse(raw) as { [K in keyof PersistedTask]?: unknown } | null);
        if (raw == null || isPersisted(value)) return value as PersistedGeneration | null;
      } catch {
        // Storage unavailable (getItem threw): nothing to read. Bad JSON: removed below.
        if (raw === undefined) return null;
      }
      if (process.env.NODE_ENV !== 'production')
        console.warn(
          `gptimage2-react: ignored and removed an unreadable remembered generation under "${key}"`,
        );
      write(null);
      return null;
    },
    subscribe(listener) {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set.add(listener));
      return () => {
        set.delete(listener);
        if (!set.size) listeners.delete(key);
      };
    },
  };
}

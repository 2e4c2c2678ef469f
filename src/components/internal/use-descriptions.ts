'use client';
import { useCallback, useEffect, useState } from 'react';

/** Which descriptions are mounted, and how a description registers itself. */
export interface Descriptions {
  has: (key: string) => boolean;
  register: (key: string) => () => void;
}

/**
 * Which description elements (a disabled option's reason) are mounted, so an option points
 * `aria-describedby` only at elements that exist: a reason is optional markup, and a reference to a
 * missing id is an accessibility error.
 */
export function useDescriptions(): Descriptions {
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set());
  const register = useCallback((key: string) => {
    setKeys((current) => new Set(current).add(key));
    return () =>
      setKeys((current) => {
        const next = new Set(current);
        next.delete(key);
        return next;
      });
  }, []);
  return { has: (key: string) => keys.has(key), register };
}

/** Registers a mounted description under `key` while `active`. */
export function useRegisterDescription(
  register: (key: string) => () => void,
  key: string,
  active: boolean,
) {
  useEffect(() => (active ? register(key) : undefined), [register, key, active]);
}

/** Space-separated ids, skipping the empty ones; `undefined` when none. */
export const joinIds = (...ids: (string | false | null | undefined)[]) =>
  ids.filter(Boolean).join(' ') || undefined;

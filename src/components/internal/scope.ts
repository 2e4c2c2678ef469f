'use client';
import { createContext, useContext } from 'react';

/**
 * The context a compound component shares with its parts, and the hook parts read it with: a part
 * placed outside its owner throws an error that says where it belongs.
 */
export function createScope<T>(component: string, owner = 'Root') {
  const Context = createContext<T | null>(null);
  return {
    Provider: Context.Provider,
    usePart(part: string): T {
      const value = useContext(Context);
      if (value === null)
        throw new Error(
          `gptimage2-react: <${component}.${part}> must be inside <${component}.${owner}>.`,
        );
      return value;
    },
  };
}

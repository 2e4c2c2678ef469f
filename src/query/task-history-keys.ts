import { taskKeys } from './query-keys.js';

/** The history's query keys: invalidate `taskHistoryKeys.all` to read every history again. */
export const taskHistoryKeys = {
  /** Every history, of every scope and page size. */
  all: [...taskKeys.all, 'history'] as const,
  /** One history: a scope (the provider's `persistScope`, `''` when unscoped) and a page size. */
  list: (scope: string, limit: number) => [...taskKeys.all, 'history', scope, limit] as const,
};

import type { FieldErrors } from '../errors.js';

// The list's query rules, in one place: the proxy (src/server) and the mock (src/mock) both answer
// `GET /api/ai/tasks?limit=N&cursor=C` by them.

/** Tasks per page when `limit` is not given. */
export const DEFAULT_TASK_LIST_LIMIT = 20;
/** The most tasks one page may ask for. */
export const MAX_TASK_LIST_LIMIT = 100;

/** Where a page starts: after the task created at `createdAt` with the id `taskId` (newest first). */
export interface TaskListPosition {
  createdAt: number;
  taskId: string;
}

/** A list query that is valid: how many tasks, and after which one (`null`: the newest first). */
export interface TaskListQuery {
  limit: number;
  after: TaskListPosition | null;
}

const POSITION = /^(\d{1,16}):([\w-]{1,128})$/;

/**
 * The cursor of the page after `last` (the last task of a page): opaque to the browser, it names a
 * place in the order (creation time, then id, both descending), not an offset, so a task submitted
 * between two pages neither repeats nor skips one.
 */
export function encodeTaskListCursor(last: TaskListPosition): string {
  return btoa(`${last.createdAt}:${last.taskId}`)
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

function decodeCursor(cursor: string): TaskListPosition | null {
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = POSITION.exec(text);
  return match ? { createdAt: Number(match[1]), taskId: match[2]! } : null;
}

/** The query of a list URL, or the field errors (naming `limit` or `cursor` and the rule) for a 400. */
export function parseTaskListQuery(params: URLSearchParams): TaskListQuery | FieldErrors {
  const fieldErrors: Partial<Record<string, string[]>> = {};
  const rawLimit = params.get('limit');
  const limit = rawLimit === null ? DEFAULT_TASK_LIST_LIMIT : Number(rawLimit);
  if (
    (rawLimit !== null && !/^\d+$/.test(rawLimit)) ||
    !(limit >= 1 && limit <= MAX_TASK_LIST_LIMIT)
  )
    fieldErrors.limit = [
      `limit must be a whole number from 1 to ${MAX_TASK_LIST_LIMIT} (got ${JSON.stringify(rawLimit)})`,
    ];
  const rawCursor = params.get('cursor');
  const after = rawCursor === null ? null : decodeCursor(rawCursor);
  if (rawCursor !== null && !after)
    fieldErrors.cursor = ['cursor must be a nextCursor from an earlier page of this list'];
  return Object.keys(fieldErrors).length ? { formErrors: [], fieldErrors } : { limit, after };
}

/** Whether a task at `position` comes after `after` in the list's order (newest first). */
export function isAfter(position: TaskListPosition, after: TaskListPosition | null): boolean {
  return (
    !after ||
    position.createdAt < after.createdAt ||
    (position.createdAt === after.createdAt && position.taskId < after.taskId)
  );
}

/** The list's order: newest first, then by id, descending. */
export function compareNewestFirst(a: TaskListPosition, b: TaskListPosition): number {
  return b.createdAt - a.createdAt || (a.taskId < b.taskId ? 1 : a.taskId > b.taskId ? -1 : 0);
}

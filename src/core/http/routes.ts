import type { ModelKind } from '../registry/model-spec.js';

// The API's paths, in one table: the client and its transport call them, the proxy (src/server) and
// the mock (src/mock, with its MSW handlers) answer them.

/** The folder every API path sits in. */
export const API_ROOT = '/api/ai/';

/** The folder of task paths: `/api/ai/tasks/` then the id. */
export const TASKS_PATH = `${API_ROOT}tasks/`;

/** Where a kind's submits go: `POST /api/ai/image/generate` or `/api/ai/video/generate`. */
export const submitPath = (kind: ModelKind): string => `${API_ROOT}${kind}/generate`;

/** Where a task is read: `GET /api/ai/tasks/{id}`, the id percent-encoded. */
export const taskPath = (taskId: string): string => TASKS_PATH + encodeURIComponent(taskId);

/**
 * Where a user's tasks are listed, newest first: `GET /api/ai/tasks?limit=N&cursor=C`. Answered by the
 * library's proxy and the mock, not by the API itself (it has no list).
 */
export const TASK_LIST_PATH = /* @__PURE__ */ TASKS_PATH.slice(0, -1);

/** The list path of one page: `limit` and `cursor` in the query when given. */
export function taskListPath(limit?: number, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (limit !== undefined) query.set('limit', String(limit));
  if (cursor != null) query.set('cursor', cursor);
  const text = String(query);
  return text ? `${TASK_LIST_PATH}?${text}` : TASK_LIST_PATH;
}

/**
 * What an API path asks for: a submit of a kind, a task by the id as the path writes it (still
 * encoded), or the list of tasks.
 */
export type ApiRoute =
  | { kind: ModelKind; taskId?: never; list?: never }
  | { taskId: string; kind?: never; list?: never }
  | { list: true; kind?: never; taskId?: never };

/**
 * The route of a path (without its query) that starts at the API's folder (strip a mount prefix
 * first), or `undefined` for any other path. A task route's id is everything after `tasks/`, unchecked: callers decide
 * which ids they accept.
 */
export function matchApiPath(path: string): ApiRoute | undefined {
  if (path === submitPath('image') || path === submitPath('video'))
    return { kind: path.includes('/image/') ? 'image' : 'video' };
  if (path === TASK_LIST_PATH) return { list: true };
  return path.startsWith(TASKS_PATH) ? { taskId: path.slice(TASKS_PATH.length) } : undefined;
}

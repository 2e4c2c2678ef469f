import { API_ROOT, matchApiPath } from '../core/http/routes.js';
import type { ModelKind } from '../core/registry/model-spec.js';

/**
 * Task ids the proxy forwards: `tsk_` + 26 ULID characters today, treated as opaque, so any run of
 * letters, digits, `_` and `-` up to 128 characters. Nothing else reaches the upstream path: no `%`
 * (so no encoded slash, dot or control character, at any depth of encoding), no `.`, no `/`.
 */
export const DEFAULT_TASK_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** What a request's path asks for. */
export type Route =
  | { type: 'submit'; kind: ModelKind; allow: 'POST' }
  | { type: 'task'; taskId: string; allow: 'GET' }
  /** The user's tasks: `GET {prefix}/api/ai/tasks?limit=N&cursor=C`. */
  | { type: 'list'; allow: 'GET' }
  /** A task path whose id is not one the API could have made: answered 404 without asking upstream. */
  | { type: 'bad-task-id'; allow: 'GET' }
  | { type: 'none' };

/** Normalizes a mount prefix: `''` or `/a/b` (leading slash, no trailing one). */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/+$/, '');
  if (trimmed && !trimmed.startsWith('/'))
    throw new TypeError(`prefix must start with "/" (got "${prefix}")`);
  return trimmed;
}

/**
 * The route for a URL's path, as the URL parser left it (still percent-encoded; `.` and `..`
 * segments already resolved, so they can only land on another route or on none).
 */
export function matchRoute(pathname: string, prefix: string, taskIdPattern: RegExp): Route {
  const route = pathname.startsWith(prefix + API_ROOT)
    ? matchApiPath(pathname.slice(prefix.length))
    : undefined;
  if (route?.kind) return { type: 'submit', kind: route.kind, allow: 'POST' };
  if (route?.list) return { type: 'list', allow: 'GET' };
  if (route?.taskId === undefined) return { type: 'none' };
  return taskIdPattern.test(route.taskId)
    ? { type: 'task', taskId: route.taskId, allow: 'GET' }
    : { type: 'bad-task-id', allow: 'GET' };
}

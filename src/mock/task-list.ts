import {
  parseTaskListQuery,
  compareNewestFirst,
  encodeTaskListCursor,
  isAfter,
} from '../core/http/task-list-query.js';
import { json } from './json-response.js';
import type { MockTask, MockTaskSnapshot } from './mock-task.js';

/**
 * The mock's `GET /api/ai/tasks?limit=N&cursor=C`: one account's tasks, newest first, each as it shows
 * now with the request that made it, `{ tasks, nextCursor }`; a bad `limit` or `cursor` is the API's
 * 400 naming it. The same rules as the proxy's list (`core/http/task-list-query.ts`).
 */
export function listMockTasks(
  tasks: Iterable<MockTask>,
  account: string,
  url: string,
  snapshot: (task: MockTask) => MockTaskSnapshot,
): Response {
  const query = parseTaskListQuery(new URL(url).searchParams);
  if ('fieldErrors' in query) return json(400, { error: 'Invalid request', details: query });
  const mine = [...tasks]
    .filter((task) => task.account === account)
    .map((task) => ({ task, createdAt: task.createdAt, taskId: task.id }))
    .sort(compareNewestFirst)
    .filter((position) => isAfter(position, query.after));
  const page = mine.slice(0, query.limit);
  const last = page[page.length - 1];
  return json(200, {
    tasks: page.map(({ task }) => ({ ...snapshot(task), request: task.request })),
    nextCursor: mine.length > page.length && last ? encodeTaskListCursor(last) : null,
  });
}

import { encodeTaskListCursor } from '../core/http/task-list-query.js';
import type { ModelKind } from '../core/registry/model-spec.js';
import type { DraftRequest } from '../core/request/types.js';
import type { Task } from '../core/task/task.js';
import { jsonResponse } from './error-response.js';
import type { TaskRecordPage, TaskSnapshot } from './task-owner-store.js';

const STATUS_CODES = { pending: 0, completed: 1, failed: 2 } as const;

/** The snapshot a task has when the API has just accepted it: what the list shows until a poll. */
export function submittedSnapshot(
  taskId: string,
  kind: ModelKind,
  request: DraftRequest,
  creditsUsed: number | null,
  at: number,
): TaskSnapshot {
  const time = new Date(at).toISOString();
  return apiSnapshot({
    id: taskId,
    status: 'pending',
    type: kind,
    model: request.model,
    prompt: request.prompt ?? null,
    imageUrls: [],
    videoUrl: null,
    errorCode: null,
    errorMessage: null,
    creditsUsed,
    creditsRefunded: false,
    createdAt: time,
    updatedAt: time,
    request: null,
  });
}

/**
 * A parsed task back in the API's spelling, as the history keeps it: only the fields a snapshot has
 * (so a stored one stays small whatever the API sent), and only output URLs the client accepts.
 */
export function apiSnapshot(task: Task): TaskSnapshot {
  const { id, status, request: _request, ...rest } = task;
  return { taskId: id, status: STATUS_CODES[status], ...rest };
}

/** The list's answer: `{ tasks, nextCursor }`, each task its last snapshot with its request. */
export function listAnswer({ records, hasMore }: TaskRecordPage): Response {
  const last = records[records.length - 1];
  return jsonResponse(
    200,
    JSON.stringify({
      tasks: records.map(({ snapshot, request }) => ({ ...snapshot, request })),
      nextCursor: hasMore && last ? encodeTaskListCursor(last) : null,
    }),
  );
}

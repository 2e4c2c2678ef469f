import { parseTask } from '../core/http/parse-task.js';
import type { Task } from '../core/task/task.js';
import type { PersistedTask } from './persistence.js';

/** The snapshot a just-submitted task has, before its first poll: what the API would say of it. */
export function pendingTask({ taskId, model, creditsUsed }: PersistedTask): Task {
  return parseTask({ taskId, status: 'pending', model, creditsUsed });
}

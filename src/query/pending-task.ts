import type { Task } from '../core/task/task.js';
import type { PersistedTask } from './persistence.js';

/** The snapshot a just-submitted task has, before its first poll. */
export function pendingTask(record: PersistedTask): Task {
  return {
    id: record.taskId,
    status: 'pending',
    type: null,
    model: record.model,
    prompt: null,
    imageUrls: [],
    videoUrl: null,
    errorCode: null,
    errorMessage: null,
    creditsUsed: record.creditsUsed,
    creditsRefunded: false,
    createdAt: null,
    updatedAt: null,
    request: null,
  };
}

import type { DraftRequest } from './draft-request.js';

/** A task's state, readable: the API's 0, 1 and 2. */
export type TaskStatus = 'pending' | 'completed' | 'failed';

/**
 * One snapshot of a task, normalized whatever spelling the server used (`taskId`/`id`,
 * `imageUrls`/`outputImageUrls`, `creditsRefunded`/`creditRefunded`, `updatedAt`/`completedAt`).
 */
export interface Task {
  /** The task id (`tsk_…`); opaque. */
  id: string;
  /** `pending`, then `completed` or `failed`. */
  status: TaskStatus;
  /** `image` or `video`, when the server said. */
  type: 'image' | 'video' | null;
  /** The model id, when the server said. */
  model: string | null;
  /** The prompt, when the server said. */
  prompt: string | null;
  /** Output images of a completed image task; empty otherwise. Treat as possibly expiring. */
  imageUrls: string[];
  /** The output video of a completed video task, else `null`. Treat as possibly expiring. */
  videoUrl: string | null;
  /** Why it failed (`EMPTY_RESULT`, `STORAGE_ERROR`, or a provider code), else `null`. */
  errorCode: string | null;
  /** The failure in words, else `null`. */
  errorMessage: string | null;
  /** Credits charged, when the server said. */
  creditsUsed: number | null;
  /** Whether a failed task's credits have been refunded. */
  creditsRefunded: boolean;
  /** ISO time of creation, when the server said. */
  createdAt: string | null;
  /** ISO time of the last change (or completion), when the server said. */
  updatedAt: string | null;
  /**
   * The request that made it, in the task list (`listTasks`, `useTaskHistory`): the proxy's history
   * and the mock record it (as the client sent it, a video's `resolution` in `resolution`). `null` in a
   * single snapshot (`getTask`, polling), which does not carry it, and from the real API.
   */
  request: DraftRequest | null;
}

/** One page of a user's tasks, newest first: what `listTasks` resolves with. */
export interface TaskPage {
  /** The tasks of this page, newest first, each as its last known snapshot. */
  tasks: Task[];
  /** Pass it as `cursor` for the next (older) page; `null` on the last page. */
  nextCursor: string | null;
}

/** Whether the task will not change again (completed or failed). */
export function isTerminal(task: Pick<Task, 'status'>): boolean {
  return task.status !== 'pending';
}

/** What a submit returns: the new task's id and what was charged. */
export interface Submission {
  /** The new task's id: keep it, it is the only handle on a paid task. */
  taskId: string;
  /** Credits pre-debited for it (authoritative, unlike an estimate), when the server said. */
  creditsUsed: number | null;
  /** Always `pending` for a new task. */
  status: TaskStatus;
}

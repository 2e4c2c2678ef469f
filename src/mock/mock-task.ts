import type { ModelKind } from '../core/registry/model-spec.js';
import type { DraftRequest } from '../core/request/types.js';
import { failureMessage, type MockFailure } from './failures.js';

/** Where the mock serves outputs, under any origin: `/__mock__/outputs/<taskId>/<file>`. */
export const OUTPUTS_PATH = '/__mock__/outputs/';

/** One task as the mock keeps it. Its state follows from the time: pending until `endsAt`. */
export interface MockTask {
  readonly id: string;
  /** The account (API key, or `''` for the anonymous one) that owns it. */
  readonly account: string;
  readonly type: ModelKind;
  readonly model: string;
  readonly prompt: string;
  readonly aspectRatio?: string;
  readonly resolution?: string;
  readonly creditsUsed: number;
  /** Clock milliseconds. */
  readonly createdAt: number;
  /** When it completes or fails, in clock milliseconds. */
  readonly endsAt: number;
  /** How it fails, or `null` when it completes. */
  readonly failure: MockFailure | null;
  /** The origin output URLs use. */
  readonly origin: string;
  /** The request that made it, as the client sent it (a video's resolution back in `resolution`). */
  readonly request: DraftRequest;
  /** Set once a failed task's credits are back on the balance. */
  refunded: boolean;
}

/** A task snapshot exactly as the reference's `GET /api/ai/tasks/{id}` shows it (section 6). */
export interface MockTaskSnapshot {
  taskId: string;
  type: ModelKind;
  /** 0 pending, 1 completed, 2 failed. */
  status: 0 | 1 | 2;
  model: string;
  prompt: string;
  imageUrls: string[];
  videoUrl: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  creditsUsed: number;
  creditsRefunded: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The task's status at clock time `now`. */
export function statusAt(task: MockTask, now: number): 0 | 1 | 2 {
  if (now < task.endsAt) return 0;
  return task.failure ? 2 : 1;
}

/** The files a completed task serves: one SVG image, or one MP4 clip. */
export function outputFiles(task: Pick<MockTask, 'type'>): string[] {
  return task.type === 'image' ? ['image-1.svg'] : ['video.mp4'];
}

/** The canonical snapshot at clock time `now`; output URLs on `base` (an absolute origin). */
export function snapshotOf(task: MockTask, now: number, base: string): MockTaskSnapshot {
  const status = statusAt(task, now);
  const urls =
    status === 1
      ? outputFiles(task).map(
          (file) => `${base.replace(/\/+$/, '')}${OUTPUTS_PATH}${task.id}/${file}`,
        )
      : [];
  return {
    taskId: task.id,
    type: task.type,
    status,
    model: task.model,
    prompt: task.prompt,
    imageUrls: task.type === 'image' ? urls : [],
    videoUrl: task.type === 'video' ? (urls[0] ?? null) : null,
    errorCode: status === 2 ? task.failure!.code : null,
    errorMessage: status === 2 ? failureMessage(task.failure!) : null,
    creditsUsed: task.creditsUsed,
    creditsRefunded: status === 2 && task.refunded,
    createdAt: new Date(task.createdAt).toISOString(),
    updatedAt: new Date(status === 0 ? task.createdAt : task.endsAt).toISOString(),
  };
}

/** The same snapshot under the quickstart's names: `id`, `outputImageUrls`, `creditRefunded`, `completedAt`. */
export function quickstartSnapshot(snapshot: MockTaskSnapshot): Record<string, unknown> {
  const { taskId, imageUrls, creditsRefunded, updatedAt, ...rest } = snapshot;
  return {
    id: taskId,
    ...rest,
    outputImageUrls: imageUrls,
    creditRefunded: creditsRefunded,
    completedAt: snapshot.status === 0 ? null : updatedAt,
  };
}

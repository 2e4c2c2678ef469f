import { expect } from 'vitest';
import { TaskFailedError, type GptImageError } from '../../src/core/errors.js';
import type { Task } from '../../src/core/task/task.js';
import type { MockTaskSnapshot } from '../../src/mock/index.js';

/** How following one task ended: the task it reported, or the error. */
export interface Outcome {
  taskId: string;
  task: Task | null;
  error: unknown;
}

/**
 * The outcome is the task's true terminal state, as the mock knows it: completed with the same
 * outputs, or failed with the same code (a `TaskFailedError`). Nothing else will do.
 */
export function expectTrueEnd(outcome: Outcome, truth: MockTaskSnapshot | undefined) {
  expect(truth, `task ${outcome.taskId} is one the service knows`).toBeDefined();
  if (truth!.status === 1) {
    expect(outcome.error ?? null, `task ${outcome.taskId} completed`).toBeNull();
    expect(outcome.task).toMatchObject({
      id: truth!.taskId,
      status: 'completed',
      videoUrl: truth!.videoUrl,
      imageUrls: truth!.imageUrls,
    });
  } else {
    expect(truth!.status, `task ${outcome.taskId} ended`).toBe(2);
    expect(outcome.error).toBeInstanceOf(TaskFailedError);
    expect(outcome.error).toMatchObject({
      errorCode: truth!.errorCode,
      task: { id: truth!.taskId, status: 'failed' },
    });
  }
}

/** The outcome is a typed error of the library that names the task. */
export function expectTypedErrorFor(
  outcome: Outcome,
  type: abstract new (...args: never[]) => GptImageError,
) {
  expect(outcome.error).toBeInstanceOf(type);
  expect(outcome.error).toMatchObject({ taskId: outcome.taskId });
}

/** Collects what escapes: unhandled rejections and uncaught exceptions, for the test to assert none. */
export function catchEscapes() {
  const escaped: unknown[] = [];
  const record = (error: unknown) => void escaped.push(error);
  process.on('unhandledRejection', record);
  process.on('uncaughtException', record);
  return {
    escaped,
    stop() {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    },
  };
}

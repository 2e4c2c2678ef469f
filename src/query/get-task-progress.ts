import type { ModelSpec } from '../core/registry/model-spec.js';
import type { TaskStatus } from '../core/task/task.js';

/** How far along a task seems, for a person. */
export interface TaskProgressInfo {
  /** Milliseconds since the task was submitted. */
  elapsedMs: number;
  /**
   * An estimate from 0 to 1 from the model's typical completion time: never 1 before the task is done
   * (it approaches 0.95), 1 once completed, `null` when there is nothing to estimate from.
   */
  estimate: number | null;
  /** Always `true` while pending: the API reports no progress, so the value is an estimate. */
  isEstimate: boolean;
  /** The model's typical completion time in seconds, when known: `[fastest, slowest]`. */
  typicalSeconds: readonly [number, number] | null;
}

// The estimate approaches this and never passes it while pending.
const CEILING = 0.95;

/**
 * Progress of a task from its status, when it was submitted and its model. A pure function: call it
 * with the current time at each render (or use `useTaskProgress`, which re-renders once a second).
 */
export function getTaskProgress({
  status,
  submittedAt,
  now,
  model,
}: {
  status: TaskStatus;
  submittedAt: number;
  now: number;
  model?: Pick<ModelSpec, 'typicalSeconds'>;
}): TaskProgressInfo {
  const elapsedMs = Math.max(0, now - submittedAt);
  const typicalSeconds = model?.typicalSeconds ?? null;
  const middleMs = typicalSeconds ? ((typicalSeconds[0] + typicalSeconds[1]) / 2) * 1000 : 0;
  // While pending, eases toward the ceiling: 60 % at the middle of the typical window, 70–80 % at its end.
  const estimate =
    status === 'completed'
      ? 1
      : status === 'pending' && typicalSeconds
        ? CEILING * (1 - Math.exp(-elapsedMs / middleMs))
        : null;
  return { elapsedMs, estimate, isEstimate: status === 'pending', typicalSeconds };
}

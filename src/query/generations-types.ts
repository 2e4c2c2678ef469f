import type { GptImageError, ValidationError } from '../core/errors.js';
import type { ModelKind } from '../core/registry/model-spec.js';
import type { Submission, Task } from '../core/task/task.js';
import type { GenerationStatus } from './generation-state.js';
import type { UseGenerationOptions } from './generation-types.js';

/**
 * Where one slot of a batch is: `queued` waits for a place under the concurrency cap (nothing sent, nothing
 * charged); `cancelled` was stopped by `cancel(slotId)`; the others are a generation's.
 */
export type SlotStatus = Exclude<GenerationStatus, 'idle'> | 'queued' | 'cancelled';

/** One generation of a batch: its request, where it is, and its task once submitted. */
export interface GenerationSlot<R> {
  /** Stable for the slot's life, across reloads: the key for a list, the argument of `retry`, `cancel`, `remove`. */
  id: string;
  /** What this slot submits (or submitted). */
  request: R;
  status: SlotStatus;
  /** The task's id, once the API accepted it. */
  taskId: string | null;
  /** The latest snapshot, when there is one. */
  task: Task | null;
  /** Why it failed (or a transient problem while pending). */
  error: GptImageError | null;
  /** Credits the API charged for the task, when known. */
  creditsUsed: number | null;
  /** When the task was submitted (ms since the epoch). */
  submittedAt: number | null;
}

/** Options of `useGenerations` (and of a `GenerationsObserver`). */
export interface UseGenerationsOptions<R> extends Omit<
  UseGenerationOptions<R>,
  'onSubmitted' | 'onCompleted' | 'onFailed' | 'onSettled' | 'tickMs'
> {
  /** Which endpoint every slot submits to. Fixed for the batch's life. */
  kind: ModelKind;
  /**
   * How many slots may be submitting or pending at once; the rest wait as `queued` and start, in order,
   * as others end. At least 1. Defaults to `2`.
   */
  concurrency?: number;
  /** Called once per slot when the API has accepted (and charged) its task: keep the id. */
  onSubmitted?: (submission: Submission, slot: GenerationSlot<R>) => void;
  /** Called once per slot when its task completes. */
  onCompleted?: (task: Task, slot: GenerationSlot<R>) => void;
  /** Called once per slot when it fails (refused submit, failed task, timeout). */
  onFailed?: (error: GptImageError, slot: GenerationSlot<R>) => void;
}

/** A batch of generations: the slots, and the actions on them. */
export interface Generations<R> {
  /** Every slot, in the order they were added. */
  slots: readonly GenerationSlot<R>[];
  /** How many slots are in each status. */
  counts: Readonly<Record<SlotStatus, number>>;
  /** Whether any slot is queued, submitting or pending. */
  isBusy: boolean;
  /** Why the last `submitVariants` or `add` was refused (nothing was added or sent), else `null`. */
  error: ValidationError | Error | null;
  /**
   * Adds `count` slots of the same request (variants: each is its own task, charged) and starts as many
   * as the concurrency cap allows. The request is validated once, before anything is sent: an invalid
   * one refuses the whole batch (`error`, with the field and the rule). Also refused while the batch is
   * busy (a double click adds nothing); use `add` to queue more. Returns the new slots' ids (`[]` if refused).
   */
  submitVariants: (request: R, count: number) => string[];
  /**
   * Queues one request or several (each a slot), validated together before anything is sent: one
   * invalid request refuses them all. Accepted while busy. Returns the new slots' ids (`[]` if refused).
   */
  add: (requests: R | readonly R[]) => string[];
  /** Runs a failed or cancelled slot again, through the queue: a new task, charged again. */
  retry: (slotId: string) => void;
  /**
   * Stops a slot: a queued one is never sent; a submitted one is no longer followed, but its task runs
   * on and stays charged (the API cannot cancel a task).
   */
  cancel: (slotId: string) => void;
  /** Cancels a slot and drops it from the list. */
  remove: (slotId: string) => void;
  /** Cancels every slot and empties the list. */
  reset: () => void;
}

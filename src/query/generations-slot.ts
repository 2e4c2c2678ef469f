import {
  NetworkError,
  SubmitOutcomeUnknownError,
  ValidationError,
  type GptImageError,
} from '../core/errors.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { Registry } from '../core/registry/registry.js';
import type { DraftRequest } from '../core/request/types.js';
import { validateRequest } from '../core/request/validate-request.js';
import type { GenerationObserver } from './generation-observer.js';
import type { Generation } from './generation-types.js';
import type { StoredSlot } from './generations-persistence.js';
import type { GenerationSlot, SlotStatus } from './generations-types.js';

// The pure parts of a batch: what a slot shows, the counts, and the whole-batch check.

/** The most variants one `submitVariants` takes: a slip of the keyboard (`400`) must not spend 400 tasks' credits. */
export const MAX_VARIANTS = 20;

export const busyError = () =>
  new Error('gptimage2-react: a batch is still running; add() queues more, or reset() first');

/** One slot: what is remembered of it, its own generation observer, and its last built state. */
export interface SlotEntry<R extends DraftRequest, M extends ModelSpec> extends StoredSlot {
  request: R;
  observer: GenerationObserver<R, M>;
  unlisten?: () => void;
  // Restored with its outcome already announced before the reload: not announced again.
  quiet?: boolean;
  // A started slot whose submit left no trace (its answer never came): its outcome is unknown.
  lost?: GptImageError;
  cache?: { source: Generation<R>; phase: string; slot: GenerationSlot<R> };
}

const STATUSES: readonly SlotStatus[] = [
  'queued',
  'submitting',
  'pending',
  'completed',
  'failed',
  'cancelled',
];

/** How many slots are in each status. */
export function countSlots(slots: readonly GenerationSlot<unknown>[]): Record<SlotStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<
    SlotStatus,
    number
  >;
  slots.forEach((slot) => counts[slot.status]++);
  return counts;
}

/**
 * Every request of a batch checked before anything is sent: the first invalid one's errors (prefixed
 * "request N: " when the requests differ), or `null`.
 */
export function validateBatch(
  requests: readonly unknown[],
  kind: ModelKind,
  registry: Registry,
): ValidationError | null {
  for (const [index, request] of requests.entries()) {
    const errors = validateRequest(request, kind, registry);
    if (!errors) continue;
    const which =
      requests.length > 1 && requests[0] !== requests[1] ? `request ${index + 1}: ` : '';
    const prefix = (messages: string[]) => messages.map((message) => which + message);
    return new ValidationError(
      {
        formErrors: prefix(errors.formErrors),
        fieldErrors: Object.fromEntries(
          Object.entries(errors.fieldErrors).map(([field, list]) => [field, prefix(list ?? [])]),
        ),
      },
      'client',
    );
  }
  return null;
}

/** A slot as its batch shows it, from its phase and its observer's state: the same object until either changes. */
export function slotOf<R extends DraftRequest, M extends ModelSpec>(
  entry: SlotEntry<R, M>,
): GenerationSlot<R> {
  const source = entry.observer.getCurrentResult();
  const { cache, phase } = entry;
  if (cache && cache.source === source && cache.phase === phase) return cache.slot;
  const started = phase === 'started';
  const status: SlotStatus =
    phase === 'queued'
      ? 'queued'
      : phase === 'cancelled'
        ? 'cancelled'
        : source.status === 'idle'
          ? 'failed'
          : source.status;
  // Started, yet its observer is idle: restored after a refused submit, or a submit that left no trace.
  if (started && source.status === 'idle')
    entry.lost ??= new SubmitOutcomeUnknownError(new NetworkError('the page was left mid-submit'));
  const slot: GenerationSlot<R> = {
    id: entry.id,
    request: entry.request,
    status,
    taskId: source.taskId ?? (phase === 'queued' ? null : (entry.task?.taskId ?? null)),
    task: started ? source.task : null,
    error: started ? (source.error ?? (source.status === 'idle' ? entry.lost! : null)) : null,
    creditsUsed:
      source.creditsUsed ?? (phase === 'cancelled' ? (entry.task?.creditsUsed ?? null) : null),
    submittedAt:
      source.submittedAt ?? (phase === 'cancelled' ? (entry.task?.submittedAt ?? null) : null),
  };
  entry.cache = { source, phase, slot };
  return slot;
}

/** What is remembered of a slot. */
export const toStored = ({ id, request, phase, task, ended, error }: StoredSlot): StoredSlot => ({
  id,
  request,
  phase,
  task,
  ended,
  error,
});

import type { QueryClient } from '@tanstack/query-core';
import type { GptImageClient } from '../core/client.js';
import { GptImageError, SubmitOutcomeUnknownError, ValidationError } from '../core/errors.js';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { DraftRequest } from '../core/request/types.js';
import type { Submission } from '../core/task/task.js';
import { GenerationObserver } from './generation-observer.js';
import type { Generation } from './generation-types.js';
import { readSlots, slotTarget, writeSlots, type StoredSlot } from './generations-persistence.js';
import {
  busyError,
  countSlots,
  MAX_VARIANTS,
  slotOf,
  toStored,
  validateBatch,
  type SlotEntry as Entry,
} from './generations-slot.js';
import type { GenerationSlot, Generations, UseGenerationsOptions } from './generations-types.js';
import { rememberGeneration, type PersistTarget } from './persistence.js';

/** Options of a {@link GenerationsObserver}: a batch's, plus the scope its persistence key belongs to. */
export interface GenerationsObserverOptions<R> extends UseGenerationsOptions<R> {
  /** Keeps remembered batches apart per user (set from `GptImageProvider`'s `persistScope`). */
  persistScope?: string;
}

const DEFAULT_CONCURRENCY = 2;

/**
 * Many generations at once, with no React in it: slots, each a {@link GenerationObserver} (one POST per
 * intent, shared task queries, timeouts, its own record), under a concurrency cap, the rest queued. A
 * batch is validated whole before anything is sent. With `persist`, a reload queues a queued slot again
 * and follows a submitted one by task id, with no new POST. `useGenerations` is glue over one of these.
 */
export class GenerationsObserver<R extends DraftRequest, M extends ModelSpec = BuiltInModel> {
  /** The options, as last set: callbacks are read when they fire. */
  options: GenerationsObserverOptions<R>;
  readonly #client: GptImageClient<M>;
  readonly #queryClient: QueryClient;
  readonly #listeners = new Set<() => void>();
  #entries: Entry<R, M>[] = [];
  // Set while the remembered list is read: the slots' own echoes wait for the end of it.
  #restoring = false;
  #error: Error | null = null;
  #ids = 0;
  #pumping = false;
  // Set while this writes the slot list, so its own listener ignores the echo.
  #writing = false;
  #unwatch?: () => void;
  #watched?: string | null;
  #result: Generations<R>;

  constructor(
    client: GptImageClient<M>,
    queryClient: QueryClient,
    options: GenerationsObserverOptions<R>,
  ) {
    this.#client = client;
    this.#queryClient = queryClient;
    this.options = options;
    this.#result = this.#build();
  }

  /** Listens for changes of {@link getCurrentResult}; the first listener reads the remembered batch and follows every slot. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) {
      this.#entries.forEach((entry) => this.#listen(entry));
      this.#watch();
      this.#pump();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size) return;
      this.#unwatch?.();
      this.#entries.forEach((entry) => entry.unlisten?.());
    };
  };

  /** The batch as it stands: the same object until something changes. */
  getCurrentResult = (): Generations<R> => this.#result;

  /** Takes new options; a new persist key or scope is read again. */
  setOptions(options: GenerationsObserverOptions<R>) {
    this.options = options;
    if (this.#listeners.size && this.#key() !== this.#watched) this.#watch();
    this.#entries.forEach((entry) => entry.observer.setOptions(this.#slotOptions(entry)));
  }

  /** See {@link Generations.submitVariants}. */
  submitVariants = (request: R, count: number): string[] => {
    if (this.#result.isBusy) {
      if (process.env.NODE_ENV !== 'production') console.warn(busyError().message);
      return this.#refuse(busyError());
    }
    if (!Number.isInteger(count) || count < 1 || count > MAX_VARIANTS)
      return this.#refuse(
        new ValidationError(
          {
            formErrors: [],
            fieldErrors: { count: [`count must be a whole number from 1 to ${MAX_VARIANTS}`] },
          },
          'client',
        ),
      );
    return this.#enqueue(Array.from({ length: count }, () => request));
  };

  /** See {@link Generations.add}. */
  add = (requests: R | readonly R[]): string[] =>
    this.#enqueue(Array.isArray(requests) ? requests : [requests as R]);

  /** See {@link Generations.retry}. */
  retry = (slotId: string) => {
    const entry = this.#find(slotId);
    const status = entry && slotOf(entry).status;
    if (!entry || (status !== 'failed' && status !== 'cancelled')) return;
    // A timed-out task is still remembered by its observer: let go of it, this is a new task.
    entry.observer.cancel();
    Object.assign(entry, {
      phase: 'queued',
      task: undefined,
      ended: undefined,
      error: undefined,
      lost: undefined,
      quiet: false,
    });
    this.#changed();
  };

  /** See {@link Generations.cancel}. */
  cancel = (slotId: string) => {
    const entry = this.#find(slotId);
    const status = entry && slotOf(entry).status;
    if (!entry || status === 'completed' || status === 'failed' || status === 'cancelled') return;
    // Stops following (and forgets the slot's own record); a charged task runs on upstream.
    entry.observer.cancel();
    entry.phase = 'cancelled';
    this.#changed();
  };

  /** See {@link Generations.remove}. */
  remove = (slotId: string) => {
    const entry = this.#find(slotId);
    if (!entry) return;
    this.#drop(entry);
    this.#entries = this.#entries.filter((other) => other !== entry);
    this.#changed();
  };

  /** See {@link Generations.reset}. */
  reset = () => {
    this.#entries.forEach((entry) => this.#drop(entry));
    this.#entries = [];
    this.#error = null;
    this.#changed();
  };

  #find = (id: string) => this.#entries.find((entry) => entry.id === id);

  #refuse(error: Error): string[] {
    this.#error = error;
    this.#update();
    return [];
  }

  // Validates every request before anything is added or sent: one invalid request refuses them all.
  #enqueue(requests: readonly R[]): string[] {
    const refused = validateBatch(requests, this.options.kind, this.#client.registry);
    if (refused) return this.#refuse(refused);
    this.#error = null;
    const ids = requests.map((request) => {
      let id: string;
      do id = `${this.#client.clock.now().toString(36)}-${++this.#ids}`;
      while (this.#find(id));
      this.#entries.push(this.#entry({ id, request, phase: 'queued' }, false));
      return id;
    });
    this.#changed();
    return ids;
  }

  #target(): PersistTarget | null {
    const { persist, persistScope } = this.options;
    return persist === undefined ? null : { option: persist, scope: persistScope };
  }

  #key() {
    const target = this.#target();
    return target && rememberGeneration(target).key;
  }

  #slotOptions(entry: Entry<R, M>) {
    const {
      kind: _kind,
      concurrency: _concurrency,
      persist: _persist,
      onSubmitted: _onSubmitted,
      onCompleted: _onCompleted,
      onFailed: _onFailed,
      ...follow
    } = this.options;
    const target = this.#target();
    const announce = <A>(
      call: ((value: A, slot: GenerationSlot<R>) => void) | undefined,
      value: A,
    ) => {
      if (!entry.quiet) call?.(value, slotOf(entry));
    };
    return {
      ...follow,
      persist: target ? slotTarget(target, entry.id).option : undefined,
      tickMs: false as const,
      onSubmitted: (submission: Submission) => {
        // Kept even when the slot was cancelled meanwhile: it is a charged task.
        entry.task ??= {
          status: 'pending',
          taskId: submission.taskId,
          model: entry.request.model,
          submittedAt: this.#client.clock.now(),
          creditsUsed: submission.creditsUsed,
        };
        entry.cache = undefined;
        this.#save(entry);
        this.#update();
        this.options.onSubmitted?.(submission, {
          ...slotOf(entry),
          taskId: submission.taskId,
          creditsUsed: submission.creditsUsed,
        });
      },
      onCompleted: (task: NonNullable<Generation<R>['task']>) =>
        announce(this.options.onCompleted, task),
      onFailed: (error: GptImageError) => announce(this.options.onFailed, error),
    };
  }

  // A slot and its own generation observer. A restored submitted slot whose task ended before the
  // reload has no record of its own any more: it is given one, so its observer follows it by id.
  #entry(stored: StoredSlot, restored: boolean): Entry<R, M> {
    const entry = { ...stored, quiet: restored && stored.ended } as Entry<R, M>;
    const target = this.#target();
    if (restored && target && stored.phase === 'started') {
      const own = slotTarget(target, stored.id);
      const remembered = rememberGeneration(own);
      if (stored.task && !remembered.read()) remembered.write(stored.task);
      if (stored.error) entry.lost = new GptImageError(stored.error.code, stored.error.message);
    }
    entry.observer = new GenerationObserver<R, M>(
      this.#client,
      this.#queryClient,
      this.options.kind,
      { ...this.#slotOptions(entry), persistScope: this.options.persistScope },
    );
    if (this.#listeners.size) this.#listen(entry);
    return entry;
  }

  #listen(entry: Entry<R, M>) {
    entry.unlisten?.();
    entry.unlisten = entry.observer.subscribe(() => this.#heard(entry));
  }

  #drop(entry: Entry<R, M>) {
    entry.observer.cancel();
    entry.unlisten?.();
  }

  // A slot changed: remember its task id and outcome, start the next queued slot, tell the listeners.
  #heard(entry: Entry<R, M>) {
    if (this.#restoring) return;
    const { taskId, submittedAt, creditsUsed, status, error } = entry.observer.getCurrentResult();
    let remember = false;
    if (entry.phase === 'started') {
      if (taskId && entry.task?.taskId !== taskId && submittedAt !== null) {
        entry.task = {
          status: 'pending',
          taskId,
          model: entry.request.model,
          submittedAt,
          creditsUsed,
        };
        remember = true;
      }
      if ((status === 'completed' || status === 'failed') && !entry.ended) {
        entry.ended = remember = true;
        // A refused submit's reason, for after a reload (an unknown outcome has its own record).
        if (!taskId && error && !(error instanceof SubmitOutcomeUnknownError))
          entry.error = { code: error.code, message: error.message };
      }
    }
    this.#changed(remember);
  }

  // Re-reads the remembered slots, and hears another instance's writes under the same key.
  #watch() {
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#watched = this.#key();
    const target = this.#target();
    if (!target) return;
    const read = () => {
      if (!this.#writing) this.#restore(readSlots(target));
    };
    read();
    this.#unwatch = rememberGeneration(target).subscribe(read);
  }

  // Takes up the remembered list: known slots take its phases, new ones get an observer (following
  // their task by id). Saves only what pumping changes, so two instances never echo each other.
  #restore(stored: StoredSlot[]) {
    const known = new Map(this.#entries.map((entry) => [entry.id, entry]));
    this.#restoring = true;
    this.#entries = stored.map((slot) => {
      const entry = known.get(slot.id);
      if (!entry) return this.#entry(slot, true);
      known.delete(slot.id);
      const { phase, task, ended, error } = slot;
      return Object.assign(entry, { phase, task, ended, error, cache: undefined });
    });
    this.#restoring = false;
    // Gone from the list (another instance removed them, or another scope's list): stop listening only.
    known.forEach((entry) => entry.unlisten?.());
    this.#pump();
    this.#update();
  }

  // Writes the list; `only` one slot (into the list as stored) when this instance is not listened to,
  // so a late answer to an unmounted instance never overwrites what a newer one wrote.
  #save(only?: Entry<R, M>) {
    const target = this.#target();
    if (!target) return;
    const slots =
      only && !this.#listeners.size
        ? readSlots(target).map((slot) => (slot.id === only.id ? toStored(only) : slot))
        : this.#entries.map(toStored);
    this.#writing = true;
    writeSlots(target, slots);
    this.#writing = false;
  }

  #changed(remember = true) {
    this.#pump();
    if (remember) this.#save();
    this.#update();
  }

  // Starts queued slots, in order, while fewer than `concurrency` are submitting or pending.
  #pump() {
    if (this.#pumping) return;
    this.#pumping = true;
    const cap = Math.max(1, Math.floor(this.options.concurrency ?? DEFAULT_CONCURRENCY)) || 1;
    const running = () =>
      this.#entries.filter((entry) => {
        const { status } = slotOf(entry);
        return status === 'submitting' || status === 'pending';
      }).length;
    let started = false;
    for (const entry of this.#entries) {
      if (entry.phase !== 'queued') continue;
      if (running() >= cap) break;
      entry.phase = 'started';
      started = true;
      // Another instance under the same key already submits it (its own record says so): adopt, never POST twice.
      if (!entry.observer.getCurrentResult().isBusy) entry.observer.generate(entry.request);
    }
    this.#pumping = false;
    if (started) this.#save();
  }

  #build(): Generations<R> {
    const slots = this.#entries.map((entry) => slotOf(entry));
    const counts = countSlots(slots);
    const { submitVariants, add, retry, cancel, remove, reset } = this;
    return {
      slots,
      counts,
      isBusy: counts.queued + counts.submitting + counts.pending > 0,
      error: this.#error,
      submitVariants,
      add,
      retry,
      cancel,
      remove,
      reset,
    };
  }

  #update() {
    this.#result = this.#build();
    this.#listeners.forEach((listener) => listener());
  }
}

import { hashKey, MutationObserver, QueryObserver, timeoutManager, type ManagedTimerId, type QueryClient, type QueryObserverResult } from '@tanstack/query-core';
import type { GptImageClient } from '../core/client.js';
import { NetworkError, SubmitOutcomeUnknownError, TimeoutError, ValidationError, type GptImageError } from '../core/errors.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { DraftRequest } from '../core/request/types.js';
import { isTerminal, type Submission, type Task } from '../core/task/task.js';
import { getGenerationState, type GenerationState } from './generation-state.js';
import type { Generation, UseGenerationOptions } from './generation-types.js';
import { getTaskProgress } from './get-task-progress.js';
import { pendingTask } from './pending-task.js';
import { submitMutationOptions } from './mutation-options.js';
import { readPersisted, subscribePersisted, writePersisted, type PersistedGeneration, type PersistedTask, type PersistTarget } from './persistence.js';
import { taskKeys } from './query-keys.js';
import { restartFollow, taskQueryOptions } from './task-query-options.js';

/** Options of a {@link GenerationObserver}: a generation's, plus the scope its persistence key belongs to. */
export interface GenerationObserverOptions<R> extends UseGenerationOptions<R> {
  /** Keeps remembered generations apart per user (set from `GptImageProvider`'s `persistScope`). */
  persistScope?: string;
}

type Local =
  | { phase: 'idle' }
  | { phase: 'submitting' }
  | { phase: 'refused'; error: GptImageError }
  | { phase: 'following'; record: PersistedTask };

const IDLE: Local = { phase: 'idle' };

// A submit's answer arrives within the client's request timeout (30 s by default); a remembered submit
// older than this has lost its page (a reload), and its outcome is unknown.
const SUBMIT_GRACE_MS = 60_000;

const busyError = () => new Error('gptimage2-react: a generation is already in flight; cancel() or reset() it before generating again');

/**
 * One generation's state machine, with no React in it: submits (exactly one POST per intent: a second
 * submit while one is in flight is refused), follows the task through TanStack Query, remembers it for
 * a reload, adopts a submit another instance has in flight under the same key, and announces each
 * outcome once. `useGenerateVideo` and `useGenerateImage` are glue over one of these per component.
 *
 * Time: read from the client's `clock.now()`; every timer (the elapsed-time tick, the grace for an
 * adopted submit) goes through query-core's `timeoutManager`, as TanStack Query's own do. So one virtual
 * clock, given to the client as its `clock` and to `timeoutManager.setTimeoutProvider`, drives the
 * mock, the client, the queries and this observer together.
 */
export class GenerationObserver<R extends DraftRequest, M extends ModelSpec = BuiltInModel> {
  options: GenerationObserverOptions<R>;
  readonly #client: GptImageClient<M>;
  readonly #queryClient: QueryClient;
  readonly #kind: ModelKind;
  readonly #listeners = new Set<() => void>();
  #local: Local = IDLE;
  #request: R | null = null;
  // Set synchronously, so a double click submits once even before anything re-renders.
  #busy = false;
  // Each generate, reset and cancel starts a new intent; a late answer to an old one is not followed.
  #intent = 0;
  // Whether this shows a submit that another instance (before a remount) has in flight.
  #adopted = false;
  // Until when an adopted submit may still be answered (then its outcome is unknown).
  #graceUntil: number | null = null;
  // Set while this writes its own record, so its own listener ignores the echo.
  #writing = false;
  // Whether the followed task has ended and its record was forgotten.
  #released = false;
  #announced: unknown = null;
  #now: number;
  #task: QueryObserver<Task, GptImageError, Task, Task, readonly unknown[]> | null = null;
  #taskResult: Pick<QueryObserverResult<Task, GptImageError>, 'data' | 'error'> | null = null;
  #unsubscribeTask?: () => void;
  #unwatchPersisted?: () => void;
  #watchedKey?: string;
  #graceTimer?: ManagedTimerId;
  #graceAt?: number;
  #tickTimer?: ManagedTimerId;
  #result: Generation<R>;

  constructor(client: GptImageClient<M>, queryClient: QueryClient, kind: ModelKind, options: GenerationObserverOptions<R> = {}) {
    this.#client = client;
    this.#queryClient = queryClient;
    this.#kind = kind;
    this.options = options;
    this.#now = client.clock.now();
    this.#result = this.#build();
  }

  /** Listens for changes of {@link getCurrentResult}; the first listener starts following, the last stops. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) this.#start();
    return () => {
      this.#listeners.delete(listener);
      if (!this.#listeners.size) this.#stop();
    };
  };

  /** The generation as it stands: the same object until something changes. */
  getCurrentResult = (): Generation<R> => this.#result;

  /** Takes new options (callbacks are read at the time they fire); a new persist key or scope is re-read. */
  setOptions(options: GenerationObserverOptions<R>) {
    const tick = this.options.tickMs;
    this.options = options;
    if (this.#listeners.size && this.#targetKey() !== this.#watchedKey) this.#watch();
    if (this.#task && this.#local.phase === 'following') this.#task.setOptions(this.#followOptions(this.#local.record));
    if (tick !== options.tickMs) {
      this.#clearTick();
      this.#schedule();
    }
  }

  #target(): PersistTarget | null {
    const { persist, persistScope } = this.options;
    return persist === undefined ? null : { option: persist, scope: persistScope };
  }

  #targetKey() {
    const target = this.#target();
    return target ? JSON.stringify([typeof target.option === 'string' ? target.option : target.option.key, target.scope]) : undefined;
  }

  #start() {
    this.#watch();
    if (this.#task) this.#unsubscribeTask = this.#task.subscribe((result) => this.#onTask(result));
    this.#update();
  }

  #stop() {
    this.#unwatchPersisted?.();
    this.#unwatchPersisted = this.#watchedKey = undefined;
    this.#unsubscribeTask?.();
    this.#unsubscribeTask = undefined;
    this.#schedule();
  }

  // Re-attaches to a remembered generation with no new submit, and hears how a submit this key has in
  // flight ends.
  #watch() {
    this.#unwatchPersisted?.();
    this.#unwatchPersisted = undefined;
    this.#watchedKey = this.#targetKey();
    const target = this.#target();
    if (!target) return;
    if (!this.#busy) this.#adopt(readPersisted(target));
    this.#unwatchPersisted = subscribePersisted(target, () => {
      if (this.#writing || (this.#busy && !this.#adopted)) return;
      this.#adopt(readPersisted(target));
    });
  }

  #remember(value: PersistedGeneration | null) {
    const target = this.#target();
    if (!target) return;
    this.#writing = true;
    writePersisted(target, value);
    this.#writing = false;
  }

  // Takes up a remembered generation: follows a pending task, waits for a submit still in flight
  // (another instance's, before a remount), or reports a submit whose answer never came.
  #adopt(value: PersistedGeneration | null) {
    this.#graceUntil = null;
    const wasAdopted = this.#adopted;
    this.#adopted = false;
    if (!value) {
      if (wasAdopted) {
        this.#busy = false;
        this.#setLocal(IDLE);
      } else this.#schedule();
      return;
    }
    if (value.status === 'pending') {
      this.#busy = true;
      return this.#setLocal({ phase: 'following', record: value });
    }
    const graceUntil = value.submittedAt + SUBMIT_GRACE_MS;
    if (value.status === 'submitting' && graceUntil > this.#client.clock.now()) {
      this.#busy = this.#adopted = true;
      this.#graceUntil = graceUntil;
      return this.#setLocal({ phase: 'submitting' });
    }
    if (value.status === 'submitting') this.#remember({ ...value, status: 'unknown' });
    this.#busy = false;
    this.#setLocal({ phase: 'refused', error: new SubmitOutcomeUnknownError(new NetworkError('the page was left while a submit was in flight')) });
  }

  /**
   * Submits `request` and follows its task. The client validates it first: an invalid request is
   * refused with its field errors and nothing is sent. Rejects at once while a generation is in flight.
   */
  generateAsync = (request: R): Promise<Submission> => {
    if (this.#busy) {
      if (process.env.NODE_ENV !== 'production') console.warn(busyError().message);
      return Promise.reject(busyError());
    }
    const mine = ++this.#intent;
    this.#request = request;
    this.#busy = true;
    this.#setLocal({ phase: 'submitting' });
    const submittedAt = this.#client.clock.now();
    this.#remember({ status: 'submitting', model: request.model, submittedAt });
    // A mutation in TanStack Query's cache (devtools, useIsMutating), observed by no component, so
    // its state changes cause no renders: this observer's own state says all there is.
    const mutation = new MutationObserver(this.#queryClient, submitMutationOptions<R, M>(this.#client, this.#kind));
    return mutation.mutate(request).then(
      (submission) => {
        // The id is handed over even if the user cancelled meanwhile: it is a charged task.
        this.options.onSubmitted?.(submission, request);
        if (mine === this.#intent) {
          const record: PersistedTask = { status: 'pending', taskId: submission.taskId, model: request.model, submittedAt, creditsUsed: submission.creditsUsed };
          // Written even after an unmount: a remounted instance picks the task up from here.
          this.#remember(record);
          this.#setLocal({ phase: 'following', record });
        }
        return submission;
      },
      (error: GptImageError) => {
        if (mine === this.#intent) {
          this.#busy = false;
          this.#remember(error instanceof SubmitOutcomeUnknownError ? { status: 'unknown', model: request.model, submittedAt } : null);
          this.#setLocal({ phase: 'refused', error });
        }
        throw error;
      },
    );
  };

  /** As {@link generateAsync}, for event handlers: the outcome is in the state. */
  generate = (request: R) => void this.generateAsync(request).catch(() => {});

  /** Stops following (the task runs on, charged) and goes back to idle, keeping the last request. */
  cancel = () => {
    this.#intent++;
    this.#busy = this.#adopted = false;
    this.#graceUntil = null;
    this.#remember(null);
    this.#setLocal(IDLE);
  };

  /** Forgets everything and goes back to idle. */
  reset = () => {
    this.#request = null;
    this.cancel();
  };

  /** Submits the last request again: a new task, charged again. */
  retry = () => {
    if (this.#request) this.generate(this.#request);
  };

  /** After a timeout, follows the same task again (no new submit). */
  resume = () => {
    if (this.#local.phase !== 'following' || !this.#task) return;
    restartFollow(this.#queryClient.getQueryCache().get(hashKey(taskKeys.task(this.#local.record.taskId))));
    void this.#task.refetch();
  };

  #followOptions(record: PersistedTask) {
    const follow = { ...this.options, model: record.model, submittedAt: record.submittedAt, initialTask: pendingTask(record) };
    // Only what the state reads: a poll that changes nothing re-renders nothing.
    return { ...taskQueryOptions(this.#client, record.taskId, follow), notifyOnChangeProps: ['data', 'error'] as Array<'data' | 'error'> };
  }

  #setLocal(local: Local) {
    const previous = this.#local;
    this.#local = local;
    if (local.phase === 'following' && (previous.phase !== 'following' || previous.record.taskId !== local.record.taskId)) {
      this.#unsubscribeTask?.();
      this.#released = false;
      this.#now = this.#client.clock.now();
      this.#task = new QueryObserver(this.#queryClient, this.#followOptions(local.record));
      this.#taskResult = this.#task.getCurrentResult();
      if (this.#listeners.size) this.#unsubscribeTask = this.#task.subscribe((result) => this.#onTask(result));
    } else if (local.phase !== 'following' && this.#task) {
      this.#unsubscribeTask?.();
      this.#unsubscribeTask = undefined;
      this.#task = this.#taskResult = null;
    }
    this.#update();
  }

  #onTask(result: QueryObserverResult<Task, GptImageError>) {
    this.#taskResult = result;
    this.#update();
  }

  #state(): GenerationState {
    const local = this.#local;
    if (local.phase === 'idle') return { status: 'idle', taskId: null, task: null, error: null };
    if (local.phase === 'submitting') return { status: 'submitting', taskId: null, task: null, error: null };
    if (local.phase === 'refused') return { status: 'failed', taskId: null, task: null, error: local.error };
    return getGenerationState(this.#kind, local.record.taskId, this.#taskResult?.data ?? null, this.#taskResult?.error ?? null);
  }

  #build(): Generation<R> {
    const state = this.#state();
    const record = this.#local.phase === 'following' ? this.#local.record : null;
    const progress =
      record && state.status !== 'idle' && state.status !== 'submitting'
        ? getTaskProgress({ status: state.task?.status ?? 'pending', submittedAt: record.submittedAt, now: this.#now, model: this.#client.registry.get(record.model) })
        : null;
    const { generate, generateAsync, retry, cancel, reset, resume } = this;
    return {
      ...state,
      generate,
      generateAsync,
      retry,
      cancel,
      reset,
      resume,
      request: this.#request,
      creditsUsed: state.task?.creditsUsed ?? record?.creditsUsed ?? null,
      submittedAt: record?.submittedAt ?? null,
      progress,
      fieldErrors: state.error instanceof ValidationError ? state.error.fieldErrors : null,
      isBusy: state.status === 'submitting' || state.status === 'pending',
    };
  }

  // Rebuilds the result, frees the observer once the task has ended, announces an outcome once, and
  // tells the listeners.
  #update() {
    const result = (this.#result = this.#build());
    // Terminal: free for a new generation and forget the remembered task (a timeout keeps it: the
    // task may still finish, and a reload should find it).
    const ended = (result.task && isTerminal(result.task)) || (result.status === 'failed' && !(result.error instanceof TimeoutError));
    if (this.#local.phase === 'following' && ended && !this.#released) {
      this.#released = true;
      this.#busy = false;
      this.#remember(null);
    }
    this.#schedule();
    const outcome = result.status === 'failed' && result.task ? result.task : result.status === 'completed' || result.status === 'failed' ? (result.error ?? result.task) : null;
    if (outcome && outcome !== this.#announced && this.#listeners.size) {
      this.#announced = outcome;
      const { onCompleted, onFailed, onSettled } = this.options;
      if (result.status === 'completed') onCompleted?.(result.task);
      if (result.status === 'failed') onFailed?.(result.error);
      onSettled?.(result.task, result.error);
    }
    this.#listeners.forEach((listener) => listener());
  }

  // The timers this observer runs while it has listeners: the progress tick while pending (once per
  // whole `tickMs` since the submit; left running across updates, so none is skipped), and the end of
  // an adopted submit's grace.
  #schedule() {
    const live = this.#listeners.size > 0;
    const now = this.#client.clock.now();
    if (!live || this.#graceUntil !== this.#graceAt) {
      timeoutManager.clearTimeout(this.#graceTimer);
      this.#graceTimer = this.#graceAt = undefined;
    }
    if (live && this.#graceUntil !== null && this.#graceTimer === undefined) {
      const target = this.#target();
      this.#graceAt = this.#graceUntil;
      this.#graceTimer = timeoutManager.setTimeout(() => target && this.#adopt(readPersisted(target)), this.#graceUntil - now);
    }
    const step = this.options.tickMs ?? 1000;
    const submittedAt = this.#result.submittedAt;
    if (!live || !step || this.#result.status !== 'pending' || submittedAt === null) this.#clearTick();
    else if (this.#tickTimer === undefined) {
      const delay = step - ((((now - submittedAt) % step) + step) % step);
      this.#tickTimer = timeoutManager.setTimeout(() => {
        this.#tickTimer = undefined;
        this.#now = this.#client.clock.now();
        this.#update();
      }, delay);
    }
  }

  #clearTick() {
    timeoutManager.clearTimeout(this.#tickTimer);
    this.#tickTimer = undefined;
  }
}

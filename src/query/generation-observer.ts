import {
  MutationObserver,
  QueryObserver,
  timeoutManager,
  type ManagedTimerId,
  type QueryClient,
} from '@tanstack/query-core';
import type { ClientCore } from '../core/client.js';
import {
  NetworkError,
  SubmitOutcomeUnknownError,
  TimeoutError,
  ValidationError,
  type GptImageError,
} from '../core/errors.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { DraftRequest } from '../core/request/types.js';
import { isTerminal, type Submission, type Task } from '../core/task/task.js';
import { getGenerationState, type GenerationState } from './generation-state.js';
import type { Generation, UseGenerationOptions } from './generation-types.js';
import { getTaskProgress } from './get-task-progress.js';
import { pendingTask } from './pending-task.js';
import { submitMutationOptions } from './mutation-options.js';
import { rememberGeneration, type PersistedGeneration, type PersistedTask } from './persistence.js';
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

const busyError = () =>
  new Error('gptimage2-react: a generation is already in flight; cancel() or reset() first');

/**
 * One generation's state machine, with no React in it: submits (exactly one POST per intent: a second
 * submit while one is in flight is refused), follows the task through TanStack Query, remembers it for
 * a reload, adopts a submit another instance has in flight under the same key, and announces each
 * outcome once. `useGenerateVideo` and `useGenerateImage` are glue over one of these per component.
 *
 * Time: read from the client's `clock.now()`; its one timer (the grace of an adopted submit) goes
 * through query-core's `timeoutManager`, as TanStack Query's own do and the hooks' elapsed-time tick
 * does (`tickMs` is theirs: see {@link progressAt}). So one virtual clock, given to the client as its
 * `clock` and to `timeoutManager.setTimeoutProvider`, drives the mock, the client, the queries, this
 * observer and the hooks together.
 */
export class GenerationObserver<R extends DraftRequest, M extends ModelSpec = BuiltInModel> {
  /** The options, as last set: callbacks are read when they fire. */
  options: GenerationObserverOptions<R>;
  readonly #client: ClientCore<M>;
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
  // Set while this writes its own record, so its own listener ignores the echo.
  #writing = false;
  #announced: unknown;
  #task?: QueryObserver<Task, GptImageError, Task, Task, readonly unknown[]>;
  #unfollow?: () => void;
  #unwatch?: () => void;
  #watched?: string;
  // Ends the grace of an adopted submit.
  #graceTimer?: ManagedTimerId;
  #result: Generation<R>;

  constructor(
    client: ClientCore<M>,
    queryClient: QueryClient,
    kind: ModelKind,
    options: GenerationObserverOptions<R> = {},
  ) {
    this.#client = client;
    this.#queryClient = queryClient;
    this.#kind = kind;
    this.options = options;
    this.#result = this.#build();
  }

  /** Listens for changes of {@link getCurrentResult}; the first listener starts following, the last stops. */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    if (this.#listeners.size === 1) {
      this.#follow();
      this.#watch();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size) return;
      this.#unwatch?.();
      this.#unfollow?.();
      timeoutManager.clearTimeout(this.#graceTimer);
    };
  };

  /** The generation as it stands: the same object until something changes. */
  getCurrentResult = (): Generation<R> => this.#result;

  /** Takes new options; a new persist key or scope is read again. */
  setOptions(options: GenerationObserverOptions<R>) {
    this.options = options;
    if (this.#listeners.size && this.#remembered()?.key !== this.#watched) this.#watch();
    if (this.#local.phase === 'following')
      this.#task?.setOptions(this.#followOptions(this.#local.record));
  }

  // Where the options say to remember the generation, if anywhere.
  #remembered() {
    const { persist, persistScope } = this.options;
    return persist === undefined
      ? null
      : rememberGeneration({ option: persist, scope: persistScope });
  }

  // Re-attaches to a remembered generation with no new submit, and hears how a submit this key has in
  // flight ends.
  #watch() {
    this.#unwatch?.();
    this.#unwatch = undefined;
    const remembered = this.#remembered();
    this.#watched = remembered?.key;
    if (!remembered) return;
    const read = () => {
      if (!this.#writing && (!this.#busy || this.#adopted)) this.#adopt(remembered.read());
    };
    read();
    this.#unwatch = remembered.subscribe(read);
  }

  #remember(value: PersistedGeneration | null) {
    const remembered = this.#remembered();
    if (!remembered) return;
    this.#writing = true;
    remembered.write(value);
    this.#writing = false;
  }

  // Takes up a remembered generation: follows a pending task, waits for a submit still in flight
  // (another instance's, before a remount), or reports a submit whose answer never came.
  #adopt(value: PersistedGeneration | null) {
    timeoutManager.clearTimeout(this.#graceTimer);
    const wasAdopted = this.#adopted;
    this.#adopted = false;
    if (!value) {
      if (!wasAdopted) return;
      this.#busy = false;
      return this.#setLocal(IDLE);
    }
    if (value.status === 'pending') {
      this.#busy = true;
      return this.#setLocal({ phase: 'following', record: value });
    }
    const left = value.submittedAt + SUBMIT_GRACE_MS - this.#client.clock.now();
    if (value.status === 'submitting' && left > 0) {
      this.#busy = this.#adopted = true;
      // Not answered in time: the page that submitted is gone (a reload); read again, and an overdue
      // `submitting` becomes `unknown`.
      this.#graceTimer = timeoutManager.setTimeout(() => this.#watch(), left);
      return this.#setLocal({ phase: 'submitting' });
    }
    if (value.status === 'submitting') this.#remember({ ...value, status: 'unknown' });
    this.#busy = false;
    this.#setLocal({
      phase: 'refused',
      error: new SubmitOutcomeUnknownError(new NetworkError('the page was left mid-submit')),
    });
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
    const mutation = new MutationObserver(
      this.#queryClient,
      submitMutationOptions<R, M>(this.#client, this.#kind),
    );
    return mutation.mutate(request).then(
      (submission) => {
        // The id is handed over even if the user cancelled meanwhile: it is a charged task.
        this.options.onSubmitted?.(submission, request);
        if (mine === this.#intent) {
          const record: PersistedTask = {
            status: 'pending',
            taskId: submission.taskId,
            model: request.model,
            submittedAt,
            creditsUsed: submission.creditsUsed,
          };
          // Written even after an unmount: a remounted instance picks the task up from here.
          this.#remember(record);
          this.#setLocal({ phase: 'following', record });
        }
        return submission;
      },
      (error: GptImageError) => {
        if (mine === this.#intent) {
          this.#busy = false;
          this.#remember(
            error instanceof SubmitOutcomeUnknownError
              ? { status: 'unknown', model: request.model, submittedAt }
              : null,
          );
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
    timeoutManager.clearTimeout(this.#graceTimer);
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
    if (this.#local.phase !== 'following') return;
    restartFollow(this.#queryClient, this.#local.record.taskId);
    void this.#task?.refetch();
  };

  #followOptions(record: PersistedTask) {
    const follow = {
      ...this.options,
      model: record.model,
      submittedAt: record.submittedAt,
      initialTask: pendingTask(record),
    };
    // Only what the state reads: a poll that changes nothing re-renders nothing.
    return {
      ...taskQueryOptions(this.#client, record.taskId, follow),
      notifyOnChangeProps: ['data', 'error'] as Array<'data' | 'error'>,
    };
  }

  // Follows the task (polling is TanStack Query's) while this has listeners.
  #follow() {
    this.#unfollow?.();
    this.#unfollow = this.#listeners.size ? this.#task?.subscribe(() => this.#update()) : undefined;
  }

  #setLocal(local: Local) {
    const taskId = (value: Local) => (value.phase === 'following' ? value.record.taskId : null);
    if (taskId(local) !== taskId(this.#local)) {
      this.#task =
        local.phase === 'following'
          ? new QueryObserver(this.#queryClient, this.#followOptions(local.record))
          : undefined;
      this.#follow();
    }
    this.#local = local;
    this.#update();
  }

  #build(): Generation<R> {
    const local = this.#local;
    const record = local.phase === 'following' ? local.record : null;
    const query = this.#task?.getCurrentResult();
    const state: GenerationState =
      local.phase === 'following'
        ? getGenerationState(
            this.#kind,
            local.record.taskId,
            query?.data ?? null,
            query?.error ?? null,
          )
        : local.phase === 'refused'
          ? { status: 'failed', taskId: null, task: null, error: local.error }
          : { status: local.phase, taskId: null, task: null, error: null };
    const { generate, generateAsync, retry, cancel, reset, resume } = this;
    return {
      ...state,
      ...{ generate, generateAsync, retry, cancel, reset, resume },
      request: this.#request,
      creditsUsed: state.task?.creditsUsed ?? record?.creditsUsed ?? null,
      submittedAt: record?.submittedAt ?? null,
      progress: this.progressAt(this.#client.clock.now()),
      fieldErrors: state.error instanceof ValidationError ? state.error.fieldErrors : null,
      isBusy: state.status === 'submitting' || state.status === 'pending',
    };
  }

  // Rebuilds the result, frees the observer once the task has ended, announces an outcome once, and
  // tells the listeners.
  #update() {
    const result = (this.#result = this.#build());
    // Ended: free for a new generation and forget the remembered task (a timeout keeps it: the task
    // may still finish, and a reload should find it).
    const ended =
      (result.task && isTerminal(result.task)) ||
      (result.status === 'failed' && !(result.error instanceof TimeoutError));
    if (this.#local.phase === 'following' && ended && this.#busy) {
      this.#busy = false;
      this.#remember(null);
    }
    // A task's end is its snapshot; a refused submit's, its error.
    const outcome =
      result.status === 'completed' || result.status === 'failed'
        ? (result.task ?? result.error)
        : null;
    if (outcome && outcome !== this.#announced && this.#listeners.size) {
      this.#announced = outcome;
      const { onCompleted, onFailed, onSettled } = this.options;
      if (result.status === 'completed') onCompleted?.(result.task);
      if (result.status === 'failed') onFailed?.(result.error);
      onSettled?.(result.task, result.error);
    }
    this.#listeners.forEach((listener) => listener());
  }

  /**
   * Elapsed time and the estimate at `now`, while there is a task (else `null`). The result's
   * `progress` is as of its last change; a display calls this once a tick (the hooks do, every `tickMs`).
   */
  progressAt(now: number) {
    const local = this.#local;
    if (local.phase !== 'following') return null;
    const { model, submittedAt } = local.record;
    return getTaskProgress({
      status: this.#task?.getCurrentResult().data?.status ?? 'pending',
      submittedAt,
      now,
      model: this.#client.registry.get(model),
    });
  }
}

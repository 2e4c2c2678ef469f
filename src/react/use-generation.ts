'use client';
import { MutationObserver } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { InvalidResponseError, NetworkError, SubmitOutcomeUnknownError, TaskFailedError, TimeoutError, ValidationError, type GptImageError } from '../core/errors.js';
import type { ModelKind } from '../core/registry/model-spec.js';
import type { DraftRequest } from '../core/request/types.js';
import { validateRequest } from '../core/request/validate-request.js';
import { isTerminal, type Submission, type Task } from '../core/task/task.js';
import { readPersisted, subscribePersisted, writePersisted, type PersistOption, type PersistedGeneration, type PersistedTask } from './persistence.js';
import { submitMutationOptions } from './mutation-options.js';
import { useGptImageClient, useRequiredQueryClient } from './provider.js';
import type { FollowTaskOptions } from './task-query-options.js';
import { getTaskProgress, type TaskProgressInfo } from './task-progress.js';
import { useNow } from './use-now.js';
import { useTask } from './use-task.js';

/** Where a generation is in its life. */
export type GenerationStatus = 'idle' | 'submitting' | 'pending' | 'completed' | 'failed';

/** Options shared by `useGenerateVideo` and `useGenerateImage`. */
export interface UseGenerationOptions<R> extends Omit<FollowTaskOptions, 'model' | 'submittedAt' | 'initialTask'> {
  /** Called once the API has accepted the task (and charged it): keep the id. */
  onSubmitted?: (submission: Submission, request: R) => void;
  /** Called once when the task completes. */
  onCompleted?: (task: Task) => void;
  /** Called once when the generation fails: invalid request, refused submit, failed task or timeout. */
  onFailed?: (error: GptImageError) => void;
  /** Called once after completion or failure. */
  onSettled?: (task: Task | null, error: GptImageError | null) => void;
  /**
   * Remember a pending task under this key (in `localStorage` unless a storage is given), so a reload
   * or a remount re-attaches to it with no new submit. Forgotten once the task ends. Off by default.
   */
  persist?: PersistOption;
  /** How often progress and elapsed time re-render while pending, or `false` for never. Defaults to `1000` ms. */
  tickMs?: number | false;
}

/** The parts every state has. */
export interface GenerationBase<R> {
  /** Validates and submits. Refused (with a development warning) while a generation is in flight. */
  generate: (request: R) => void;
  /** As `generate`, resolving with the submission once the API accepts it, rejecting with the typed error. */
  generateAsync: (request: R) => Promise<Submission>;
  /** Submits the last request again: a new task, charged again. Only when nothing is in flight. */
  retry: () => void;
  /** Stops following (the API cannot cancel a task; it runs on and stays charged). Back to idle. */
  cancel: () => void;
  /** Forgets everything and goes back to idle. */
  reset: () => void;
  /** After a timeout, follows the same task again (no new submit). */
  resume: () => void;
  /** The last request submitted (or refused). */
  request: R | null;
  /** Credits the API charged for the task, when known. */
  creditsUsed: number | null;
  /** When the task was submitted (ms since the epoch). */
  submittedAt: number | null;
  /** Elapsed time and an estimate, while there is a task. */
  progress: TaskProgressInfo | null;
  /** Field errors of a refused request, for the form (client-side or the server's 400). */
  fieldErrors: ValidationError['fieldErrors'] | null;
  /** Whether a submit or a task is in flight (a new `generate` would be refused). */
  isBusy: boolean;
}

/** The lifecycle, discriminated by `status`. */
export type GenerationState =
  | { status: 'idle'; taskId: null; task: null; error: null }
  | { status: 'submitting'; taskId: null; task: null; error: null }
  /** `error` is a transient problem while following (the task is kept and polling goes on). */
  | { status: 'pending'; taskId: string; task: Task | null; error: GptImageError | null }
  | { status: 'completed'; taskId: string; task: Task; error: null }
  | { status: 'failed'; taskId: string | null; task: Task | null; error: GptImageError };

/** What a generation hook returns. */
export type Generation<R> = GenerationBase<R> & GenerationState;

type Local =
  | { phase: 'idle' }
  | { phase: 'submitting' }
  | { phase: 'refused'; error: GptImageError }
  | { phase: 'following'; record: PersistedTask };

const IDLE: Local = { phase: 'idle' };

// A submit's answer arrives within the client's request timeout (30 s by default); a remembered submit
// older than this has lost its page (a reload), and its outcome is unknown.
const SUBMIT_GRACE_MS = 60_000;

/** Renders a request busy error for a second `generate` while one is in flight. */
function busyError() {
  return new Error('gptimage2-react: a generation is already in flight; cancel() or reset() it before generating again');
}

/** The shared engine of `useGenerateVideo` and `useGenerateImage`. */
export function useGeneration<R extends DraftRequest>(kind: ModelKind, options: UseGenerationOptions<R> = {}): Generation<R> {
  const client = useGptImageClient();
  const queryClient = useRequiredQueryClient();
  const [local, setLocal] = useState<Local>(IDLE);
  const [request, setRequest] = useState<R | null>(null);
  // The latest callbacks, read only in handlers and effects (after this effect has run).
  const callbacks = useRef(options);
  useEffect(() => {
    callbacks.current = options;
  });
  // Set synchronously, so a double click submits once even before React re-renders.
  const busy = useRef(false);
  // Each generate, reset and cancel starts a new intent; a late answer to an old one is not followed.
  const intent = useRef(0);
  // Whether this instance shows a submit that another instance (before a remount) has in flight.
  const adopted = useRef(false);
  // Until when an adopted submit may still be answered (then its outcome is unknown).
  const [graceUntil, setGraceUntil] = useState<number | null>(null);
  // Set while this instance writes its own record, so its own listener ignores the echo.
  const writing = useRef(false);

  const record = local.phase === 'following' ? local.record : null;
  const { persist, tickMs = 1000 } = options;
  const taskQuery = useTask(record?.taskId, {
    ...options,
    model: record?.model,
    submittedAt: record?.submittedAt,
    initialTask: record ? pendingTask(record) : undefined,
  });

  const remember = useCallback((value: PersistedGeneration | null) => {
    const key = callbacks.current.persist;
    if (key === undefined) return;
    writing.current = true;
    writePersisted(key, value);
    writing.current = false;
  }, []);

  // Takes up a remembered generation: follows a pending task, waits for a submit still in flight
  // (another instance's, before a remount), or reports a submit whose answer never came.
  const adopt = useCallback(
    (value: PersistedGeneration | null) => {
      setGraceUntil(null);
      const wasAdopted = adopted.current;
      adopted.current = false;
      if (!value) {
        if (wasAdopted) {
          busy.current = false;
          setLocal(IDLE);
        }
        return;
      }
      if (value.status === 'pending') {
        busy.current = true;
        setLocal({ phase: 'following', record: value });
        return;
      }
      const left = SUBMIT_GRACE_MS - (Date.now() - value.submittedAt);
      if (value.status === 'submitting' && left > 0) {
        busy.current = adopted.current = true;
        setLocal({ phase: 'submitting' });
        setGraceUntil(value.submittedAt + SUBMIT_GRACE_MS);
        return;
      }
      if (value.status === 'submitting') remember({ ...value, status: 'unknown' });
      busy.current = false;
      setLocal({ phase: 'refused', error: new SubmitOutcomeUnknownError(new NetworkError('the page was left while a submit was in flight')) });
    },
    [remember],
  );

  // Re-attach to a remembered generation on mount, with no new submit, and hear how a submit this key
  // has in flight ends. Read in an effect, never on the server.
  const persistKey = persist === undefined ? undefined : typeof persist === 'string' ? persist : persist.key;
  useEffect(() => {
    if (persist === undefined) return;
    if (!busy.current) adopt(readPersisted(persist));
    const unsubscribe = subscribePersisted(persist, () => {
      if (writing.current || (busy.current && !adopted.current)) return;
      adopt(readPersisted(persist));
    });
    return unsubscribe;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [persistKey]);

  // An adopted submit not answered in time lost its page (a reload): re-read, and an overdue
  // `submitting` becomes `unknown`.
  useEffect(() => {
    if (graceUntil === null || persist === undefined) return;
    const timer = setTimeout(() => adopt(readPersisted(persist)), graceUntil - Date.now());
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graceUntil, adopt, persistKey]);

  const submit = useCallback(
    (body: R): Promise<Submission> => {
      if (busy.current) {
        if (process.env.NODE_ENV !== 'production') console.warn(busyError().message);
        return Promise.reject(busyError());
      }
      const mine = ++intent.current;
      setRequest(body);
      const errors = validateRequest(body, kind, client.registry);
      if (errors) {
        const error = new ValidationError(errors, 'client');
        setLocal({ phase: 'refused', error });
        return Promise.reject(error);
      }
      busy.current = true;
      setLocal({ phase: 'submitting' });
      const submittedAt = Date.now();
      remember({ status: 'submitting', model: body.model, submittedAt });
      // A mutation in TanStack Query's cache (devtools, useIsMutating), observed by no component, so
      // its state changes cause no renders: this hook's own state says all there is.
      const observer = new MutationObserver(queryClient, submitMutationOptions<R>(client, kind));
      return observer.mutate(body).then(
        (submission) => {
          const remembered: PersistedTask = { status: 'pending', taskId: submission.taskId, model: body.model, submittedAt, creditsUsed: submission.creditsUsed };
          // The id is handed over even if the user cancelled meanwhile: it is a charged task.
          callbacks.current.onSubmitted?.(submission, body);
          if (mine === intent.current) {
            // Written even after an unmount: a remounted instance picks the task up from here.
            remember(remembered);
            setLocal({ phase: 'following', record: remembered });
          }
          return submission;
        },
        (error: GptImageError) => {
          if (mine === intent.current) {
            busy.current = false;
            remember(error instanceof SubmitOutcomeUnknownError ? { status: 'unknown', model: body.model, submittedAt } : null);
            setLocal({ phase: 'refused', error });
          }
          throw error;
        },
      );
    },
    [client, kind, queryClient, remember],
  );

  const generate = useCallback((body: R) => void submit(body).catch(() => {}), [submit]);

  const stop = useCallback(() => {
    intent.current++;
    busy.current = adopted.current = false;
    setGraceUntil(null);
    remember(null);
    setLocal(IDLE);
  }, [remember]);

  const reset = useCallback(() => {
    stop();
    setRequest(null);
  }, [stop]);

  const retry = useCallback(() => {
    if (request) generate(request);
  }, [generate, request]);

  const state = useMemo((): GenerationState => {
    if (local.phase === 'idle') return { status: 'idle', taskId: null, task: null, error: null };
    if (local.phase === 'submitting') return { status: 'submitting', taskId: null, task: null, error: null };
    if (local.phase === 'refused') return { status: 'failed', taskId: null, task: null, error: local.error };
    return getGenerationState(kind, local.record.taskId, taskQuery.data ?? null, taskQuery.error);
  }, [kind, local, taskQuery.data, taskQuery.error]);

  // Terminal: free the hook for a new generation and forget the remembered task (a timeout keeps it:
  // the task may still finish, and a reload should find it).
  const terminalTask = state.task && isTerminal(state.task);
  useEffect(() => {
    if (local.phase !== 'following') return;
    if (terminalTask || (state.status === 'failed' && !(state.error instanceof TimeoutError))) {
      busy.current = false;
      remember(null);
    }
  }, [local.phase, remember, state.status, state.error, terminalTask]);

  // Each outcome is announced once, whatever the renders or StrictMode's double effects.
  const announced = useRef<unknown>(null);
  const outcome = state.status === 'completed' || state.status === 'failed' ? (state.status === 'failed' && state.task ? state.task : state.error ?? state.task) : null;
  useEffect(() => {
    if (!outcome || announced.current === outcome) return;
    announced.current = outcome;
    const { onCompleted, onFailed, onSettled } = callbacks.current;
    if (state.status === 'completed') onCompleted?.(state.task);
    if (state.status === 'failed') onFailed?.(state.error);
    onSettled?.(state.task, state.error);
  });

  const submittedAt = record?.submittedAt ?? null;
  const now = useNow(state.status === 'pending', submittedAt ?? 0, tickMs);
  const progress = useMemo(
    () =>
      record && state.status !== 'idle' && state.status !== 'submitting'
        ? getTaskProgress({ status: state.task?.status ?? 'pending', submittedAt: record.submittedAt, now, model: client.registry.get(record.model) })
        : null,
    [client.registry, now, record, state.status, state.task?.status],
  );

  return {
    ...state,
    generate,
    generateAsync: submit,
    retry,
    cancel: stop,
    reset,
    resume: taskQuery.resume,
    request,
    creditsUsed: state.task?.creditsUsed ?? record?.creditsUsed ?? null,
    submittedAt,
    progress,
    fieldErrors: state.error instanceof ValidationError ? state.error.fieldErrors : null,
    isBusy: state.status === 'submitting' || state.status === 'pending',
  };
}

/**
 * The lifecycle of a task being followed, from its latest snapshot and the last error following it:
 * completed (with output), failed (the task failed, a completion without output, a timeout, or an
 * error retrying cannot fix), else pending (a transient error is reported but polling goes on). For
 * custom flows built on `useTask`.
 */
export function getGenerationState(kind: ModelKind, taskId: string, task: Task | null, error: GptImageError | null): GenerationState {
  if (task?.status === 'completed') {
    // The API reports a success without output as EMPTY_RESULT; should one slip through, say so.
    const empty = kind === 'video' ? !task.videoUrl : task.imageUrls.length === 0;
    if (empty) return { status: 'failed', taskId, task, error: new InvalidResponseError(`task ${taskId} completed without an output URL`) };
    return { status: 'completed', taskId, task, error: null };
  }
  if (task?.status === 'failed') return { status: 'failed', taskId, task, error: new TaskFailedError(task) };
  if (error && (!error.retryable || error instanceof TimeoutError)) return { status: 'failed', taskId, task, error };
  return { status: 'pending', taskId, task, error };
}

/** The snapshot a just-submitted task has, before its first poll. */
function pendingTask(record: PersistedTask): Task {
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
  };
}

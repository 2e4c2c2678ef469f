import { systemClock, type Clock } from './clock.js';
import {
  HistoryUnavailableError,
  HttpError,
  SubmitOutcomeUnknownError,
  ValidationError,
} from './errors.js';
import type { HeadersOption, Transport, CallOptions } from './http/transport.js';
import { get, post } from './http/transport.js';
import type { RetryOptions } from './http/retry.js';
import { defaultPollSchedule, type PollSchedule } from './polling/poll-schedule.js';
import { waitForTask, type WaitForTaskOptions } from './polling/wait-for-task.js';
import type { ModelKind, ModelSpec } from './registry/model-spec.js';
import type { BuiltInModel } from './registry/models.js';
import { defaultRegistry, type Registry } from './registry/registry.js';
import { toWireBody } from './request/to-wire-body.js';
import type {
  DraftRequest,
  ImageModelId,
  ImageRequestById,
  VideoModelId,
  VideoRequestById,
} from './request/types.js';
import { validateRequest } from './request/validate-request.js';
import { parseSubmission, parseTask, parseTaskPage } from './http/parse-task.js';
import { submitPath, taskListPath, taskPath } from './http/routes.js';
import type { Submission, Task, TaskPage } from './task/task.js';

/** The production API. */
export const DEFAULT_BASE_URL = 'https://gptimage2api.org';

/** Options of {@link createClient}. */
export interface ClientOptions<M extends ModelSpec = BuiltInModel> {
  /**
   * Where the API (or your proxy) answers. Defaults to `https://gptimage2api.org` when `apiKey` is
   * set (server side), else to `''`: the page's own origin, where the library's server proxy
   * answers the API's paths.
   */
  baseUrl?: string;
  /** A secret key (`sk_live_…`), sent as a bearer token. Server side only: never ship it to a browser. */
  apiKey?: string;
  /** Extra headers for every request, or a function that makes them (e.g. your app's auth token). */
  headers?: HeadersOption;
  /** `fetch`'s credentials mode, e.g. `'include'` for a cookie session on another origin. Defaults to the platform's (`same-origin`). */
  credentials?: RequestCredentials;
  /** The `fetch` to use. Defaults to the global `fetch`, looked up at each call (so interceptors apply). */
  fetch?: typeof fetch;
  /** The models to validate against. Defaults to {@link defaultRegistry}. */
  registry?: Registry<M>;
  /** Time and sleep. Defaults to the real clock; tests pass a virtual one. */
  clock?: Clock;
  /** How GETs are retried, or `false` for never. Defaults to 3 retries from 1 s, doubling, with jitter. */
  retry?: RetryOptions | false;
  /** How long one request may take before it counts as a network error. Defaults to `30000` ms. */
  requestTimeoutMs?: number;
  /** The polling schedule of `waitForTask`. Defaults to {@link defaultPollSchedule}. */
  pollSchedule?: PollSchedule;
}

/** Options of {@link GptImageClient.listTasks}. */
export interface ListTasksOptions extends CallOptions {
  /** How many tasks per page, 1–100. Defaults to the server's (`20`). */
  limit?: number;
  /** The `nextCursor` of the page before, for the next (older) page. Defaults to the newest page. */
  cursor?: string | null;
}

/** A client for the three endpoints. Every submit is validated against the registry before it is sent. */
export interface GptImageClient<M extends ModelSpec = BuiltInModel> {
  /** The registry requests are validated against. */
  readonly registry: Registry<M>;
  /** The clock the client runs on. */
  readonly clock: Clock;
  /** When to poll: `waitForTask`, `useTask` and the generation hooks follow it. Defaults to {@link defaultPollSchedule}. */
  readonly pollSchedule: PollSchedule;
  /**
   * Submits an image task. Throws `ValidationError` (nothing sent) for an invalid request; never retried.
   * Resolves with the task id and the credits charged.
   */
  generateImage<Id extends ImageModelId<M>>(
    request: ImageRequestById<M, Id>,
    options?: CallOptions,
  ): Promise<Submission>;
  /** Submits a video task; as {@link GptImageClient.generateImage}. */
  generateVideo<Id extends VideoModelId<M>>(
    request: VideoRequestById<M, Id>,
    options?: CallOptions,
  ): Promise<Submission>;
  /** Submits either kind, for forms whose request type is only known at run time. */
  submit(kind: ModelKind, request: DraftRequest, options?: CallOptions): Promise<Submission>;
  /** The current snapshot of a task, retried on transient errors. */
  getTask(taskId: string, options?: CallOptions & { retry?: RetryOptions | false }): Promise<Task>;
  /** Polls a task to its end: resolves with the completed task, rejects with the typed failure or timeout. */
  waitForTask(taskId: string, options?: WaitForTaskOptions): Promise<Task>;
  /**
   * One page of the caller's tasks, newest first, each as its last known snapshot with the request
   * that made it. Served by the library's proxy and the mock; the API itself has no list, so against
   * it this rejects with `HistoryUnavailableError` (as against a proxy whose store keeps no history).
   */
  listTasks(options?: ListTasksOptions): Promise<TaskPage>;
}

/** Makes a client. See {@link ClientOptions} for the defaults. */
export function createClient<M extends ModelSpec = BuiltInModel>(
  options: ClientOptions<M> = {},
): GptImageClient<M> {
  const registry = (options.registry ?? defaultRegistry) as Registry<M>;
  const clock = options.clock ?? systemClock;
  const pollSchedule = options.pollSchedule ?? defaultPollSchedule;
  // The options carry apiKey, headers, credentials and fetch as the transport names them.
  const transport: Transport = {
    ...options,
    baseUrl: (options.baseUrl ?? (options.apiKey ? DEFAULT_BASE_URL : '')).replace(/\/+$/, ''),
    clock,
    timeoutMs: options.requestTimeoutMs ?? 30_000,
    retry: options.retry ?? {},
  };

  const submit = async (kind: ModelKind, request: DraftRequest, callOptions?: CallOptions) => {
    const errors = validateRequest(request, kind, registry);
    // Nothing sent, nothing charged.
    if (errors) throw new ValidationError(errors, 'client');
    const body = await post(transport, submitPath(kind), toWireBody(request, kind), callOptions);
    try {
      return parseSubmission(body);
    } catch (error) {
      // Charged, maybe, but without an id we cannot follow: say so rather than lose it quietly.
      throw new SubmitOutcomeUnknownError(error);
    }
  };

  const getTask: GptImageClient<M>['getTask'] = async (taskId, callOptions) => {
    if (!taskId) throw new TypeError('getTask needs a task id');
    return get(transport, taskPath(taskId), parseTask, callOptions);
  };

  const listTasks: GptImageClient<M>['listTasks'] = ({ limit, cursor, signal } = {}) =>
    get(transport, taskListPath(limit, cursor), parseTaskPage, { signal }).catch(
      (error: unknown) => {
        // No such path (the API), or no history kept (a proxy's store without it).
        throw error instanceof HttpError && [404, 405, 501].includes(error.status!)
          ? new HistoryUnavailableError(error.status)
          : error;
      },
    );

  return {
    registry,
    clock,
    pollSchedule,
    listTasks,
    generateImage: (request, callOptions) => submit('image', request as DraftRequest, callOptions),
    generateVideo: (request, callOptions) => submit('video', request as DraftRequest, callOptions),
    submit,
    getTask,
    waitForTask: (taskId, waitOptions) =>
      waitForTask(
        { clock, getTask, getModel: (id) => registry.get(id), schedule: pollSchedule },
        taskId,
        waitOptions,
      ),
  };
}

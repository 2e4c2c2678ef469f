import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { Registry } from '../core/registry/registry.js';
import type { DraftRequest } from '../core/request/types.js';
import type { Task } from '../core/task/task.js';
import type { Authorize } from './identify-user.js';
import type { KeepOutputsOptions } from './outputs/keep-outputs.js';
import type { TaskOwnerStore } from './task-owner-store.js';

/** A Fetch API route handler: `(request) => response`. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/** What `beforeSubmit` and `afterSubmit` learn about a submit. */
export interface SubmitContext {
  /** The browser's request (its body already read). The same object in every hook of one submit. */
  request: Request;
  /** The user `authorize` named. */
  userId: string;
  /** Which endpoint: `'image'` or `'video'`. */
  kind: ModelKind;
  /** The body as it is sent upstream: valid by the registry's rules, in the form the browser client sends. */
  body: Readonly<DraftRequest>;
  /** The model from the registry. */
  model: ModelSpec;
  /** The credits the request should cost by the published prices, or `null` when unpublished. */
  estimatedCredits: number | null;
}

/** What `afterTask` learns: a poll saw the task end. */
export interface TaskContext {
  /** The browser's poll. */
  request: Request;
  /** The user who polled, who is the one who submitted it. */
  userId: string;
  /** The id that was polled. */
  taskId: string;
  /** The task as the API last reported it: `completed` or `failed` (with `creditsRefunded`). */
  task: Task;
}

/**
 * Where a failure reported to `onError` happened. `config`: the proxy was set up without a key;
 * `keepOutputs`: a completed task's outputs could not be copied (its CDN URLs were answered instead).
 */
export type ProxyErrorStage =
  | 'upstream'
  | 'beforeSubmit'
  | 'afterSubmit'
  | 'afterTask'
  | 'taskStore'
  | 'config'
  | 'keepOutputs';

/** Options of {@link createProxyHandler}. */
export interface ProxyOptions {
  /**
   * The secret API key (`sk_live_…`), read from the server's environment; it is never sent to the
   * browser. Checked when the first request needs it, not when the handler is made, so a build
   * without secrets (`next build` in Docker or CI) works: until it is set, submits and polls answer
   * 503 and the server log says to set `GPTIMAGE2_API_KEY`.
   */
  apiKey: string | undefined;
  /** Where the API answers. Defaults to `https://gptimage2api.org`. */
  baseUrl?: string;
  /**
   * Identifies the end user of a request, from your session cookie or token. Required. Return the
   * user's id, or `null`/`undefined` (or throw) to refuse: 401 `{"error":"Unauthorized"}`. For a
   * demo without accounts, `() => 'anonymous'` (everyone then shares every task).
   */
  authorize: Authorize;
  /**
   * The only model ids users may submit; any other is a 400 naming the `model` field. Defaults to every
   * model in `registry`. To show the browser the same list, narrow the registry instead
   * (`narrowRegistry`) and give it to both.
   */
  allowModels?: readonly string[];
  /**
   * The largest submit body accepted, in bytes; larger is a 413, never read past. Defaults to the
   * largest valid request of `registry` (`largestRequestBytes`: 207,018 bytes for the built-in models).
   */
  maxBodyBytes?: number;
  /** The largest answer read from the API, in bytes; a larger one is a 502, never read past. Defaults to `1048576` (1 MB). */
  maxAnswerBytes?: number;
  /**
   * Runs after a submit is validated and before it is sent (and charged): quotas, rate limits,
   * logging (`createUsageLimiter` makes one). Return a `Response` to refuse (see `errorResponse`,
   * e.g. a 429 or 403 in the API's shape); return nothing to go on. A throw refuses with a 500.
   * Defaults to none.
   */
  beforeSubmit?: (context: SubmitContext) => Response | void | Promise<Response | void>;
  /**
   * Runs after the API accepted a submit, with the task id and the credits charged: accounting,
   * logging. Awaited before the answer; a throw goes to `onError` and the answer stands. Defaults to none.
   */
  afterSubmit?: (
    context: SubmitContext & { taskId: string; creditsUsed: number | null },
  ) => void | Promise<void>;
  /**
   * Runs when a submit that passed `beforeSubmit` was certainly not charged: the API refused it (a
   * 4xx such as 402), or the proxy could not send it. Give back what `beforeSubmit` counted. Awaited;
   * a throw goes to `onError`. Defaults to none.
   */
  afterSubmitRefused?: (context: SubmitContext & { status: number }) => void | Promise<void>;
  /**
   * Runs when a poll sees its task completed or failed (on every such poll: make it idempotent), e.g.
   * to give back the credits of a failed task the API refunded. Awaited before the answer; a throw goes
   * to `onError`. Defaults to none.
   */
  afterTask?: (context: TaskContext) => void | Promise<void>;
  /** The `fetch` used to call the API. Defaults to the global `fetch`, looked up at each call. */
  fetch?: typeof fetch;
  /** The models submits are validated against. Defaults to `defaultRegistry`; use the same registry as the browser client. */
  registry?: Registry;
  /**
   * The path the proxy is mounted under, the same as the browser client's `baseUrl`: with
   * `prefix: '/gen'` it answers `/gen/api/ai/…`. Defaults to `''`: the API's own paths on the app's
   * origin, so the browser client needs no `baseUrl`.
   */
  prefix?: string;
  /**
   * Records which user submitted each task. Defaults to `createMemoryTaskOwnerStore()` (one process
   * only); use `createRedisTaskStore(client)` when the app runs more than one instance.
   */
  taskStore?: TaskOwnerStore;
  /** How long a task's owner is remembered, in milliseconds; after it, the task answers 404. Defaults to 24 hours. */
  taskTtlMs?: number;
  /**
   * How long one API call may take, answer included; past it the browser gets a 504. Defaults to
   * `30000` ms. A poll is also abandoned as soon as the browser disconnects (`request.signal`); a
   * submit is not, so its task is still recorded.
   */
  upstreamTimeoutMs?: number;
  /** Which task ids are forwarded; any other answers 404 unasked. Defaults to {@link DEFAULT_TASK_ID_PATTERN}. Without the `g` flag. */
  taskIdPattern?: RegExp;
  /**
   * Copies each completed task's outputs from the API's CDN (whose retention is not documented) into
   * your storage, once per task, and answers the kept URLs to polls and the history from then on. A
   * failed copy (CDN error, too large, not an image or video of the task's kind, storage error) answers
   * the CDN's URLs, goes to `onError` (stage `keepOutputs`) and is tried again on a later poll, up to
   * `maxAttempts`. Needs a task store with `claimOutputs` (the memory and Redis ones). Defaults to none.
   */
  keepOutputs?: KeepOutputsOptions;
  /**
   * Told about failures the browser sees only as a 5xx: an unreachable API, a throwing hook or store,
   * a missing key. Defaults to one `console.error` line (the key is never in it).
   */
  onError?: (error: Error, context: { stage: ProxyErrorStage; request: Request }) => void;
}

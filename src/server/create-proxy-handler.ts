import { DEFAULT_BASE_URL } from '../core/client.js';
import type { FieldErrors } from '../core/errors.js';
import { estimateCredits } from '../core/registry/estimate-credits.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import { defaultRegistry, type Registry } from '../core/registry/registry.js';
import { toWireBody } from '../core/request/to-wire-body.js';
import type { DraftRequest } from '../core/request/types.js';
import { validateRequest } from '../core/request/validate-request.js';
import { submitPath, taskPath } from '../core/http/routes.js';
import { callUpstream, type Upstream } from './call-upstream.js';
import { errorResponse, invalidRequest } from './error-response.js';
import { DEFAULT_TASK_ID_PATTERN, matchRoute, normalizePrefix } from './match-route.js';
import { readJsonBody } from './read-json-body.js';
import { createMemoryTaskOwnerStore, type TaskOwnerStore } from './task-owner-store.js';

/** A Fetch API route handler: `(request) => response`. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/** What `beforeSubmit` and `afterSubmit` learn about a submit. */
export interface SubmitContext {
  /** The browser's request (its body already read). */
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

/** Where a failure reported to `onError` happened. */
export type ProxyErrorStage = 'upstream' | 'beforeSubmit' | 'afterSubmit' | 'taskStore';

/** Options of {@link createProxyHandler}. */
export interface ProxyOptions {
  /** The secret API key (`sk_live_…`). Required. Read it from the server's environment; it is never sent to the browser. */
  apiKey: string;
  /** Where the API answers. Defaults to `https://gptimage2api.org`. */
  baseUrl?: string;
  /**
   * Identifies the end user of a request, from your session cookie or token. Required. Return the
   * user's id, or `null`/`undefined` (or throw) to refuse: 401 `{"error":"Unauthorized"}`. For a
   * demo without accounts, `() => 'anonymous'` (everyone then shares every task).
   */
  authorize: (request: Request) => string | null | undefined | Promise<string | null | undefined>;
  /** The only model ids users may submit; any other is a 400 naming the `model` field. Defaults to every model in `registry`. */
  allowModels?: readonly string[];
  /** The largest submit body accepted, in bytes; larger is a 413. Defaults to `65536` (64 KB). */
  maxBodyBytes?: number;
  /**
   * Runs after a submit is validated and before it is sent (and charged): quotas, rate limits,
   * logging. Return a `Response` to refuse (see `errorResponse`, e.g. a 429 or 403 in the API's
   * shape); return nothing to go on. A throw refuses with a 500. Defaults to none.
   */
  beforeSubmit?: (context: SubmitContext) => Response | void | Promise<Response | void>;
  /**
   * Runs after the API accepted a submit, with the task id and the credits charged: accounting,
   * logging. Awaited before the answer; a throw goes to `onError` and the answer stands. Defaults to none.
   */
  afterSubmit?: (context: SubmitContext & { taskId: string; creditsUsed: number | null }) => void | Promise<void>;
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
  /** Records which user submitted each task. Defaults to `createMemoryTaskOwnerStore()` (one process only). */
  taskStore?: TaskOwnerStore;
  /** How long a task's owner is remembered, in milliseconds; after it, the task answers 404. Defaults to 24 hours. */
  taskTtlMs?: number;
  /** How long one API call may take, answer included; past it the browser gets a 504. Defaults to `30000` ms. */
  upstreamTimeoutMs?: number;
  /** Which task ids are forwarded; any other answers 404 unasked. Defaults to {@link DEFAULT_TASK_ID_PATTERN}. Without the `g` flag. */
  taskIdPattern?: RegExp;
  /**
   * Told about failures the browser sees only as a 5xx: an unreachable API, a throwing hook or store.
   * Defaults to one `console.error` line (the key is never in it).
   */
  onError?: (error: Error, context: { stage: ProxyErrorStage; request: Request }) => void;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * A route handler that stands between the browser client and the API: it keeps the key on the
 * server and each user's tasks to that user. It answers only `POST {prefix}/api/ai/image/generate`,
 * `POST {prefix}/api/ai/video/generate` and `GET {prefix}/api/ai/tasks/{id}` (other paths 404, other
 * methods 405), checks submits with the client's own validation before any credit is spent, and
 * answers in the API's error shapes, so the browser client's typed errors work unchanged.
 *
 * Mount it where Fetch API handlers go: a Next.js `app/api/ai/[...path]/route.ts` exporting it as
 * `GET` and `POST`, Remix/React Router, Hono, Bun, Deno, edge runtimes; `toNodeHandler` for Node's
 * `http` server.
 */
export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const { apiKey, authorize } = options;
  if (typeof apiKey !== 'string' || !apiKey) {
    throw new TypeError('createProxyHandler needs apiKey: read it from the server environment, e.g. process.env.GPTIMAGE2_API_KEY');
  }
  if (typeof authorize !== 'function') {
    throw new TypeError("createProxyHandler needs authorize(request) returning the user's id; for a demo without accounts, () => 'anonymous'");
  }
  const registry = options.registry ?? defaultRegistry;
  const allowed = options.allowModels && new Set(options.allowModels);
  const unknown = options.allowModels?.filter((id) => !registry.get(id));
  if (unknown?.length) throw new TypeError(`allowModels names models the registry does not have: ${unknown.join(', ')}`);
  const prefix = normalizePrefix(options.prefix ?? '');
  const maxBodyBytes = options.maxBodyBytes ?? 65_536;
  const taskStore = options.taskStore ?? createMemoryTaskOwnerStore();
  const taskTtlMs = options.taskTtlMs ?? DAY_MS;
  const taskIdPattern = options.taskIdPattern ?? DEFAULT_TASK_ID_PATTERN;
  const upstream: Upstream = {
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    apiKey,
    fetch: options.fetch,
    timeoutMs: options.upstreamTimeoutMs ?? 30_000,
  };
  const report =
    options.onError ??
    ((error, { stage }) => console.error(`gptimage2-react/server: ${stage} failed: ${error.message.split(apiKey).join('[redacted]')}`));
  const reportSafely = (error: unknown, stage: ProxyErrorStage, request: Request) => {
    try {
      report(toError(error), { stage, request });
    } catch {
      // A logger that throws must not turn an answer into a crash.
    }
  };

  /** The user's id, or `null` when `authorize` refuses (a throw counts as a refusal). */
  const identify = async (request: Request): Promise<string | null> => {
    try {
      const userId = await authorize(request);
      return typeof userId === 'string' && userId ? userId : null;
    } catch {
      return null;
    }
  };

  const submit = async (request: Request, kind: ModelKind): Promise<Response> => {
    const userId = await identify(request);
    if (!userId) return errorResponse(401, 'Unauthorized');
    const read = await readJsonBody(request, maxBodyBytes);
    if (!read.ok) return read.response;
    const body = read.body;

    const errors: FieldErrors = validateRequest(body, kind, registry) ?? { formErrors: [], fieldErrors: {} };
    const modelId = (body as { model?: unknown } | null)?.model;
    if (allowed && typeof modelId === 'string' && !allowed.has(modelId)) {
      errors.fieldErrors.model = [`model ${modelId} is not offered here (choose one of ${[...allowed].join(', ')})`];
    }
    if (errors.formErrors.length || Object.keys(errors.fieldErrors).length) return invalidRequest(errors);

    // What the browser client itself would send for this request (a video's inputMode filled in, its
    // resolution in providerInput; no inputMode for an image), so a hand-written body fares the same.
    const draft = body as DraftRequest;
    const wire = toWireBody(draft, kind) as unknown as DraftRequest; // the same fields, moved
    const context: SubmitContext = {
      request,
      userId,
      kind,
      body: wire,
      model: registry.get(draft.model)!,
      estimatedCredits: estimateCredits(draft, registry),
    };
    if (options.beforeSubmit) {
      let refusal: Response | void;
      try {
        refusal = await options.beforeSubmit(context);
      } catch (error) {
        reportSafely(error, 'beforeSubmit', request);
        return errorResponse(500, 'The submit could not be checked; nothing was charged');
      }
      if (refusal instanceof Response) return refusal;
    }

    const result = await callUpstream(upstream, 'POST', submitPath(kind), wire);
    if (result.failure) reportSafely(result.failure, 'upstream', request);
    const submission = result.json as { taskId?: unknown; id?: unknown; creditsUsed?: unknown } | undefined;
    const taskId = submission && (typeof submission.taskId === 'string' ? submission.taskId : submission.id);
    if (typeof taskId !== 'string' || !taskId) return result.response;

    try {
      await taskStore.set(taskId, userId, taskTtlMs);
    } catch (error) {
      reportSafely(error, 'taskStore', request);
      // Charged, but nobody could poll it: the client reports an unknown outcome rather than a task it cannot follow.
      return errorResponse(500, 'The task was submitted but could not be recorded; it may have been charged');
    }
    if (options.afterSubmit) {
      const creditsUsed = typeof submission?.creditsUsed === 'number' ? submission.creditsUsed : null;
      try {
        await options.afterSubmit({ ...context, taskId, creditsUsed });
      } catch (error) {
        reportSafely(error, 'afterSubmit', request);
      }
    }
    return result.response;
  };

  const getTask = async (request: Request, taskId: string): Promise<Response> => {
    const userId = await identify(request);
    if (!userId) return errorResponse(401, 'Unauthorized');
    let owner: string | null | undefined;
    try {
      owner = await taskStore.get(taskId);
    } catch (error) {
      reportSafely(error, 'taskStore', request);
      return errorResponse(500, 'The task could not be looked up');
    }
    // Unknown and someone else's look the same, as the API's own answer does.
    if (owner !== userId) return errorResponse(404, 'Task not found');
    const result = await callUpstream(upstream, 'GET', taskPath(taskId));
    if (result.failure) reportSafely(result.failure, 'upstream', request);
    return result.response;
  };

  return async (request) => {
    let pathname: string;
    try {
      pathname = new URL(request.url).pathname;
    } catch {
      return errorResponse(404, 'Not found');
    }
    const route = matchRoute(pathname, prefix, taskIdPattern);
    if (route.type === 'none') return errorResponse(404, 'Not found');
    if (request.method !== route.allow) {
      return errorResponse(405, `Method not allowed: use ${route.allow}`, {}, { Allow: route.allow });
    }
    if (route.type === 'bad-task-id') return errorResponse(404, 'Task not found');
    return route.type === 'submit' ? submit(request, route.kind) : getTask(request, route.taskId);
  };
}

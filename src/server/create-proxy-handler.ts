import { DEFAULT_BASE_URL } from '../core/client.js';
import type { FieldErrors } from '../core/errors.js';
import { estimateCredits } from '../core/registry/estimate-credits.js';
import type { ModelKind } from '../core/registry/model-spec.js';
import { defaultRegistry } from '../core/registry/registry.js';
import { providerInputError } from '../core/request/provider-input-limits.js';
import { toWireBody } from '../core/request/to-wire-body.js';
import type { DraftRequest } from '../core/request/types.js';
import { validateRequest } from '../core/request/validate-request.js';
import { parseTask } from '../core/http/parse-task.js';
import { parseTaskListQuery } from '../core/http/task-list-query.js';
import { fromWireBody } from '../core/request/from-wire-body.js';
import type { Task } from '../core/task/task.js';
import { submitPath, taskPath } from '../core/http/routes.js';
import { callUpstream, type Upstream } from './call-upstream.js';
import { identifyUser } from './identify-user.js';
import { errorResponse, invalidRequest, jsonResponse } from './error-response.js';
import { largestRequestBytes } from './largest-request.js';
import { DEFAULT_TASK_ID_PATTERN, matchRoute, normalizePrefix } from './match-route.js';
import type {
  ProxyErrorStage,
  ProxyHandler,
  ProxyOptions,
  SubmitContext,
} from './proxy-options.js';
import { createOutputKeeper } from './outputs/keep-outputs.js';
import { readJsonBody } from './read-json-body.js';
import { apiSnapshot, listAnswer, submittedSnapshot } from './task-history.js';
import { createMemoryTaskOwnerStore, type TaskRecord } from './task-owner-store.js';

export type {
  ProxyErrorStage,
  ProxyHandler,
  ProxyOptions,
  SubmitContext,
  TaskContext,
} from './proxy-options.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The default `maxAnswerBytes`: 1 MB, some 300 times a task snapshot with 14 output URLs. */
const MAX_ANSWER_BYTES = 1_048_576;

/** Marks a 5xx sent before anything reached the API: the browser client then knows nothing was charged. */
const NOT_CHARGED = { charged: false };

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

const MISSING_KEY =
  'createProxyHandler has no apiKey: set GPTIMAGE2_API_KEY in the server environment at run time and pass it (apiKey: process.env.GPTIMAGE2_API_KEY)';

/**
 * A route handler that stands between the browser client and the API: it keeps the key on the
 * server and each user's tasks to that user. It answers only `POST {prefix}/api/ai/image/generate`,
 * `POST {prefix}/api/ai/video/generate` and `GET {prefix}/api/ai/tasks/{id}` (other paths 404, other
 * methods 405), checks submits with the client's own validation before any credit is spent, and
 * answers in the API's error shapes, so the browser client's typed errors work unchanged.
 *
 * Mount it where Fetch API handlers go: a Next.js `app/api/ai/[...path]/route.ts` exporting it as
 * `GET` and `POST`, Remix/React Router, Hono, Bun, Deno, edge runtimes; `toNodeHandler` for Node's
 * `http` server. Making it reads no secret: the key is checked when the first request needs it.
 */
export function createProxyHandler(options: ProxyOptions): ProxyHandler {
  const { apiKey, authorize } = options;
  if (typeof authorize !== 'function') {
    throw new TypeError(
      "createProxyHandler needs authorize(request) returning the user's id; for a demo without accounts, () => 'anonymous'",
    );
  }
  const registry = options.registry ?? defaultRegistry;
  const allowed = options.allowModels && new Set(options.allowModels);
  const unknown = options.allowModels?.filter((id) => !registry.get(id));
  if (unknown?.length)
    throw new TypeError(
      `allowModels names models the registry does not have: ${unknown.join(', ')}`,
    );
  const prefix = normalizePrefix(options.prefix ?? '');
  const maxBodyBytes = options.maxBodyBytes ?? largestRequestBytes(registry);
  const taskStore = options.taskStore ?? createMemoryTaskOwnerStore();
  const taskTtlMs = options.taskTtlMs ?? DAY_MS;
  const taskIdPattern = options.taskIdPattern ?? DEFAULT_TASK_ID_PATTERN;
  const hasKey = typeof apiKey === 'string' && apiKey !== '';
  const upstream: Upstream = {
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    apiKey: hasKey ? apiKey : '',
    fetch: options.fetch,
    timeoutMs: options.upstreamTimeoutMs ?? 30_000,
    maxAnswerBytes: options.maxAnswerBytes ?? MAX_ANSWER_BYTES,
  };
  const redact = (text: string) => (hasKey ? text.split(apiKey).join('[redacted]') : text);
  const report =
    options.onError ??
    ((error, { stage }) =>
      console.error(`gptimage2-react/server: ${stage} failed: ${redact(error.message)}`));
  const reportSafely = (error: unknown, stage: ProxyErrorStage, request: Request) => {
    try {
      report(toError(error), { stage, request });
    } catch {
      // A logger that throws must not turn an answer into a crash.
    }
  };
  let missingKeyReported = false;
  let lastCreatedAt = 0;
  /** The refusal while no key is set (logged once), or `undefined` when there is one. */
  const refuseWithoutKey = (request: Request): Response | undefined => {
    if (hasKey) return undefined;
    if (!missingKeyReported) reportSafely(new Error(MISSING_KEY), 'config', request);
    missingKeyReported = true;
    return errorResponse(
      503,
      'The server has no GPT Image 2 API key configured; nothing was sent or charged',
      NOT_CHARGED,
    );
  };

  const identify = (request: Request) => identifyUser(authorize, request);
  const keep =
    options.keepOutputs && createOutputKeeper(options.keepOutputs, taskStore, options.fetch);

  /** Runs an optional hook whose failure only gets reported. */
  const runHook = async <C>(
    hook: ((context: C) => void | Promise<void>) | undefined,
    context: C,
    stage: ProxyErrorStage,
    request: Request,
  ) => {
    try {
      await hook?.(context);
    } catch (error) {
      reportSafely(error, stage, request);
    }
  };

  /** The request's field errors, or `null` when it may be sent. */
  const check = (body: unknown, kind: ModelKind): FieldErrors | null => {
    const errors: FieldErrors = validateRequest(body, kind, registry) ?? {
      formErrors: [],
      fieldErrors: {},
    };
    const { model: modelId, providerInput } = (body ?? {}) as {
      model?: unknown;
      providerInput?: unknown;
    };
    if (allowed && typeof modelId === 'string' && !allowed.has(modelId)) {
      errors.fieldErrors.model = [
        `model ${modelId} is not offered here (choose one of ${[...allowed].join(', ')})`,
      ];
    }
    // Also in the client's validation; checked here for hand-written bodies (once only, whichever runs).
    const limit = errors.fieldErrors.providerInput ? undefined : providerInputError(providerInput);
    if (limit) errors.fieldErrors.providerInput = [limit];
    return errors.formErrors.length || Object.keys(errors.fieldErrors).length ? errors : null;
  };

  const submit = async (request: Request, kind: ModelKind): Promise<Response> => {
    const userId = await identify(request);
    if (!userId) return errorResponse(401, 'Unauthorized');
    const read = await readJsonBody(request, maxBodyBytes);
    if (!read.ok) return read.response;
    const errors = check(read.body, kind);
    if (errors) return invalidRequest(errors);
    const noKey = refuseWithoutKey(request);
    if (noKey) return noKey;

    // What the browser client itself would send for this request (a video's inputMode filled in, its
    // resolution in providerInput; no inputMode for an image), so a hand-written body fares the same.
    const draft = read.body as DraftRequest;
    const wireBody = toWireBody(draft, kind);
    const wire = wireBody as unknown as DraftRequest; // the same fields, moved
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
        return errorResponse(
          500,
          'The submit could not be checked; nothing was charged',
          NOT_CHARGED,
        );
      }
      if (refusal instanceof Response) return refusal;
    }
    const refused = async (response: Response) => {
      await runHook(
        options.afterSubmitRefused,
        { ...context, status: response.status },
        'afterSubmit',
        request,
      );
      return response;
    };
    try {
      // A store that is away now would lose the task after it is charged: refuse before sending.
      await taskStore.ping?.();
    } catch (error) {
      reportSafely(error, 'taskStore', request);
      return refused(
        errorResponse(
          503,
          'The task store is unavailable; nothing was sent or charged',
          NOT_CHARGED,
          { 'Retry-After': '5' },
        ),
      );
    }

    // Not aborted when the browser goes away: a task the API accepts must still be recorded.
    const result = await callUpstream(upstream, 'POST', submitPath(kind), JSON.stringify(wire));
    if (result.failure) reportSafely(result.failure, 'upstream', request);
    const submission = result.json as
      { taskId?: unknown; id?: unknown; creditsUsed?: unknown } | undefined;
    const taskId =
      submission && (typeof submission.taskId === 'string' ? submission.taskId : submission.id);
    if (typeof taskId !== 'string' || !taskId) {
      const { status } = result.response;
      return status >= 400 && status < 500 ? refused(result.response) : result.response;
    }

    const creditsUsed = typeof submission?.creditsUsed === 'number' ? submission.creditsUsed : null;
    let record: TaskRecord | undefined;
    if (taskStore.list) {
      // The request as sent, with the key taken out should a user have pasted it into a field.
      const request = JSON.parse(
        redact(JSON.stringify(fromWireBody(wireBody, kind))),
      ) as DraftRequest;
      // Strictly increasing in this instance, so its tasks list in the order they were submitted.
      const createdAt = (lastCreatedAt = Math.max(Date.now(), lastCreatedAt + 1));
      const snapshot = submittedSnapshot(taskId, kind, request, creditsUsed, createdAt);
      record = { createdAt, request, snapshot };
    }
    try {
      // A store that keeps no history is called as before (three arguments), as its author wrote it.
      await (record
        ? taskStore.set(taskId, userId, taskTtlMs, record)
        : taskStore.set(taskId, userId, taskTtlMs));
    } catch (error) {
      reportSafely(
        new Error(
          `Task ${taskId} of user ${userId} was submitted but not recorded: ${toError(error).message}`,
        ),
        'taskStore',
        request,
      );
      // Charged, but nobody could poll it: the client reports an unknown outcome rather than a task it cannot follow.
      return errorResponse(
        503,
        'The task was submitted but could not be recorded; it may have been charged',
        { taskId },
      );
    }
    await runHook(options.afterSubmit, { ...context, taskId, creditsUsed }, 'afterSubmit', request);
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
      return errorResponse(
        503,
        'The task store is unavailable; try again shortly',
        {},
        { 'Retry-After': '5' },
      );
    }
    // Unknown and someone else's look the same, as the API's own answer does.
    if (owner !== userId) return errorResponse(404, 'Task not found');
    const noKey = refuseWithoutKey(request);
    if (noKey) return noKey;
    const result = await callUpstream(upstream, 'GET', taskPath(taskId), undefined, request.signal);
    if (result.failure) reportSafely(result.failure, 'upstream', request);
    let task: Task | undefined;
    try {
      task = result.json ? parseTask(result.json) : undefined;
    } catch {
      task = undefined; // the browser client reports an unreadable snapshot itself
    }
    let response = result.response;
    if (task && keep) {
      const kept = await keep(task, userId, (error) => reportSafely(error, 'keepOutputs', request));
      if (kept !== task) response = jsonResponse(200, JSON.stringify(apiSnapshot((task = kept))));
    }
    if (task) {
      try {
        // The history's last known snapshot; a store that fails here costs the list a fresher one, not the poll.
        await taskStore.saveSnapshot?.(taskId, apiSnapshot(task), task.status !== 'pending');
      } catch (error) {
        reportSafely(error, 'taskStore', request);
      }
    }
    if (task && task.status !== 'pending')
      await runHook(options.afterTask, { request, userId, taskId, task }, 'afterTask', request);
    return response;
  };

  const listTasks = async (request: Request): Promise<Response> => {
    const userId = await identify(request);
    if (!userId) return errorResponse(401, 'Unauthorized');
    if (!taskStore.list)
      return errorResponse(
        501,
        'This task store keeps no history: give the proxy createMemoryTaskOwnerStore or createRedisTaskStore, or a store with list()',
      );
    const query = parseTaskListQuery(new URL(request.url).searchParams);
    if ('fieldErrors' in query) return invalidRequest(query);
    try {
      return listAnswer(await taskStore.list(userId, query));
    } catch (error) {
      reportSafely(error, 'taskStore', request);
      return errorResponse(
        503,
        'The task store is unavailable; try again shortly',
        {},
        { 'Retry-After': '5' },
      );
    }
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
      return errorResponse(
        405,
        `Method not allowed: use ${route.allow}`,
        {},
        { Allow: route.allow },
      );
    }
    if (route.type === 'bad-task-id') return errorResponse(404, 'Task not found');
    if (route.type === 'list') return listTasks(request);
    return route.type === 'submit' ? submit(request, route.kind) : getTask(request, route.taskId);
  };
}

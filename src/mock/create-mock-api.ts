import { systemClock } from '../core/clock.js';
import { API_ROOT, matchApiPath } from '../core/http/routes.js';
import type { ModelKind } from '../core/registry/model-spec.js';
import { defaultRegistry } from '../core/registry/registry.js';
import { createAccounts } from './accounts.js';
import type { MockApi, MockApiOptions, MockRequestRecord } from './mock-api-types.js';
import {
  faultResponse,
  phaseOf,
  targets,
  toFault,
  type MockFault,
  type PendingFault,
} from './faults.js';
import { json } from './json-response.js';
import { mockPrice } from './mock-price.js';
import {
  OUTPUTS_PATH,
  quickstartSnapshot,
  snapshotOf,
  statusAt,
  type MockTask,
} from './mock-task.js';
import { serveOutput } from './outputs/serve-output.js';
import { between, createRandom, pick, type Random } from './random.js';
import { validateMockRequest } from './request-schema.js';
import { mockFailures, type MockFailure } from './failures.js';
import {
  mockScenarios,
  networkFaults,
  timingScale,
  type MockScenario,
  type MockScenarioName,
} from './scenarios.js';
import { createTaskId } from './task-id.js';
import { createMockUploadStore } from './uploads/mock-upload-store.js';
import { listMockTasks } from './task-list.js';
import { fromWireBody } from '../core/request/from-wire-body.js';

export type { MockApi, MockApiOptions, MockRequestRecord } from './mock-api-types.js';

const DEFAULT_CREDITS = 1000;
const RANDOM_FAILURES: readonly [MockFailure, ...MockFailure[]] = [
  mockFailures.emptyResult,
  mockFailures.storageError,
  mockFailures.providerError,
];
const OUTPUT = new RegExp(`${OUTPUTS_PATH}([^/]+)/([^/]+)$`);
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After, Content-Range, Content-Length',
};

const withCors = (response: Response) => {
  for (const [name, value] of Object.entries(CORS)) response.headers.set(name, value);
  return response;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function resolveScenario(scenario: MockScenario | MockScenarioName): MockScenario {
  if (typeof scenario !== 'string') return scenario;
  const preset: MockScenario | undefined = mockScenarios[scenario];
  if (!preset)
    throw new TypeError(
      `Unknown mock scenario "${scenario}": use one of ${Object.keys(mockScenarios).join(', ')}`,
    );
  return preset;
}

/** A path segment decoded, or `undefined` when its escapes are broken (it then names nothing). */
function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function parseBody(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * An in-memory GPT Image 2 API that behaves as the reference documents the real service: validation
 * (400 with zod's flattened errors), keys (401) and per-key tasks (404), credits debited on accept
 * (402 when short, refunded when a task fails; unpublished prices by the stand-in formula of
 * {@link mockPrice}), tasks pending for a time drawn from the model's typical
 * range, and outputs a person can see (an SVG showing the prompt, a small MP4), all served by the mock.
 * Scenarios and injected faults make it misbehave on purpose. Adapters: `createMockHandlers` (MSW) and
 * `startMockServer` (`gptimage2-react/mock/node`).
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const clock = options.clock ?? systemClock;
  const registry = options.registry ?? defaultRegistry;
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const accounts = createAccounts(options.keys, options.credits ?? DEFAULT_CREDITS);
  const initialScenario = resolveScenario(options.scenario ?? {});

  let scenario = initialScenario;
  let tasks = new Map<string, MockTask>();
  let requests: MockRequestRecord[] = [];
  let faults: PendingFault[] = [];
  // Two streams, so how often a client polls (network draws) never changes the tasks (task draws).
  let taskRandom: Random = createRandom(seed);
  let networkRandom: Random = createRandom(seed ^ 0x5bd1e995);
  const uploads = createMockUploadStore(registry);

  /** Refunds every failed task whose time has come: the balance follows the clock, polled or not. */
  const settle = () => {
    const now = clock.now();
    for (const task of tasks.values()) {
      if (task.failure && !task.refunded && now >= task.endsAt) {
        accounts.setBalance(task.account, accounts.balance(task.account) + task.creditsUsed);
        task.refunded = true;
      }
    }
  };

  const outputBase = (task: MockTask) => options.outputBaseUrl ?? task.origin;
  const snapshot = (task: MockTask) => snapshotOf(task, clock.now(), outputBase(task));

  /** The fault this request meets: an injected one first, else one the scenario draws. */
  const takeFault = (method: string, path: string): MockFault | undefined => {
    const index = faults.findIndex(({ target }) => targets(target, method, path));
    const pending = faults[index];
    if (pending) {
      if (--pending.left <= 0) faults.splice(index, 1);
      return pending.fault;
    }
    const rate = scenario.faultRate ?? 0;
    if (rate > 0 && path.includes(API_ROOT) && networkRandom() < rate) {
      const list = scenario.faults?.length ? scenario.faults : networkFaults;
      return pick(networkRandom, list as [MockFault, ...MockFault[]]);
    }
    return undefined;
  };

  const latency = (): number => {
    const { latencyMs } = scenario;
    if (latencyMs === undefined) return 0;
    return typeof latencyMs === 'number'
      ? latencyMs
      : Math.round(between(networkRandom, latencyMs[0], latencyMs[1]));
  };

  const submit = (
    kind: ModelKind,
    account: string,
    request: Request,
    text: string | undefined,
    fault: MockFault | undefined,
  ): Response => {
    const type = (request.headers.get('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json')
      return json(415, { error: 'Unsupported Media Type: send Content-Type: application/json' });
    let body: unknown;
    try {
      body = JSON.parse(text ?? '');
    } catch {
      return json(400, {
        error: 'Invalid request',
        details: { formErrors: ['The request body is not valid JSON'], fieldErrors: {} },
      });
    }
    const details = validateMockRequest(body, kind, registry);
    if (details || !isObject(body)) return json(400, { error: 'Invalid request', details });

    const model = registry.get(body.model as string)!;
    const { providerInput } = body;
    const resolution = (body.resolution ??
      (kind === 'video' && isObject(providerInput) ? providerInput.resolution : undefined)) as
      string | undefined;
    const price = mockPrice(model, resolution, body.duration as number | undefined);
    if (scenario.insufficientCredits || accounts.balance(account) < price)
      return json(402, { error: 'Insufficient credits', required: price });

    // The same number of draws for every task, so changing the scenario never shifts later ids.
    const now = clock.now();
    const id = createTaskId(now, taskRandom);
    const [fastest, slowest] = model.typicalSeconds;
    const seconds = between(taskRandom, fastest, slowest);
    const unlucky = taskRandom() < (scenario.failureRate ?? 0);
    const drawn = pick(taskRandom, RANDOM_FAILURES);
    const forced: MockFailure | undefined =
      fault?.type === 'failTask'
        ? { code: fault.code ?? mockFailures.emptyResult.code, message: fault.message }
        : scenario.failure;

    accounts.setBalance(account, accounts.balance(account) - price);
    tasks.set(id, {
      id,
      account,
      type: kind,
      model: model.id,
      prompt: body.prompt as string,
      aspectRatio: body.aspectRatio as string | undefined,
      resolution,
      creditsUsed: price,
      createdAt: now,
      endsAt:
        now +
        Math.round(seconds * 1000 * timingScale(scenario.timing ?? options.timing ?? 'realistic')),
      failure: forced ?? (unlucky ? drawn : null),
      origin: new URL(request.url).origin,
      request: fromWireBody(body, kind),
      refunded: false,
    });
    return json(200, { taskId: id, status: 0, creditsUsed: price });
  };

  const getTask = (
    id: string | undefined,
    account: string,
    fault: MockFault | undefined,
  ): Response => {
    const task = id === undefined ? undefined : tasks.get(id);
    if (!task || task.account !== account) return json(404, { error: 'Task not found' });
    const body = snapshot(task);
    const quickstart = fault?.type === 'quickstartSpelling' || scenario.spelling === 'quickstart';
    return json(200, quickstart ? quickstartSnapshot(body) : body);
  };

  /** The service itself: routes, methods, authentication, then the endpoint. */
  const serve = (
    request: Request,
    path: string,
    text: string | undefined,
    fault: MockFault | undefined,
  ): Response => {
    const method = request.method.toUpperCase();
    const output = OUTPUT.exec(path);
    if (output) {
      if (method !== 'GET' && method !== 'HEAD')
        return json(405, { error: 'Method not allowed' }, { Allow: 'GET, HEAD' });
      const task = tasks.get(decode(output[1]!) ?? '');
      const found =
        task && statusAt(task, clock.now()) === 1
          ? serveOutput(request, task, output[2]!)
          : undefined;
      return found ?? json(404, { error: 'Not found' });
    }
    // The API may sit under a prefix (a proxy's `/gpt/api/ai/…`): the route starts at its last folder.
    const at = path.lastIndexOf(API_ROOT);
    const route = at < 0 ? undefined : matchApiPath(path.slice(at));
    if (
      !route ||
      route.taskId === '' ||
      route.taskId?.includes('/') ||
      (route.list && options.taskList === false)
    )
      return json(404, { error: 'Not found' });
    const allowed = route.kind ? 'POST' : 'GET';
    if (method !== allowed) return json(405, { error: 'Method not allowed' }, { Allow: allowed });
    const account = scenario.unauthorized
      ? null
      : accounts.authorize(request.headers.get('Authorization'));
    if (account === null) return json(401, { error: 'Unauthorized' });
    if (route.list) return listMockTasks(tasks.values(), account, request.url, snapshot);
    return route.kind
      ? submit(route.kind, account, request, text, fault)
      : getTask(decode(route.taskId), account, fault);
  };

  const handle = async (request: Request): Promise<Response> => {
    const method = request.method.toUpperCase();
    const { pathname: path } = new URL(request.url);
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...CORS,
          'Access-Control-Allow-Methods': 'GET, POST, HEAD, PUT',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Range',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    // Uploads carry bytes, not JSON: their own store reads them.
    if (uploads.owns(path)) return withCors(await uploads.handle(request));
    const text = method === 'GET' || method === 'HEAD' ? undefined : await request.text();
    const record: MockRequestRecord = {
      method,
      path,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: parseBody(text),
      time: clock.now(),
      status: null,
      fault: null,
    };
    requests.push(record);
    const fault = takeFault(method, path);
    record.fault = fault?.type ?? null;

    const delay = latency() + (fault?.type === 'latency' ? fault.ms : 0);
    if (delay > 0) await clock.sleep(delay);
    let response: Response;
    try {
      settle();
      const early = fault && phaseOf(fault) === 'before' ? await faultResponse(fault) : undefined;
      response = early ?? serve(request, path, text, fault);
      if (!early && fault && phaseOf(fault) === 'after')
        response = (await faultResponse(fault, response)) ?? response;
    } catch (error) {
      // The reference's 500: an unexpected error (here, a bug in the mock) still answers JSON.
      response = json(500, {
        error: `Internal server error: ${error instanceof Error ? error.message : String(error)}`,
      });
    }

    record.status = response.type === 'error' ? 0 : response.status;
    return response.type === 'error' ? response : withCors(response);
  };

  return {
    handle,
    get requests() {
      return requests;
    },
    tasks(key) {
      settle();
      const account = key === undefined ? undefined : accounts.resolve(key);
      return [...tasks.values()]
        .filter((task) => account === undefined || task.account === account)
        .map(snapshot);
    },
    balance(key) {
      settle();
      return accounts.balance(accounts.resolve(key));
    },
    setBalance(...args: [number] | [string | undefined, number]) {
      settle();
      const [key, credits] = args.length === 1 ? [undefined, args[0]] : args;
      accounts.setBalance(accounts.resolve(key, true), credits);
    },
    get scenario() {
      return scenario;
    },
    setScenario(next) {
      scenario = resolveScenario(next);
    },
    inject(fault, target = {}) {
      const times = target.times ?? 1;
      if (!(times > 0)) throw new RangeError(`times must be at least 1 (got ${times})`);
      faults.push({ fault: toFault(fault), target, left: times });
    },
    clearFaults() {
      faults = [];
    },
    reset() {
      scenario = initialScenario;
      tasks = new Map();
      requests = [];
      faults = [];
      taskRandom = createRandom(seed);
      networkRandom = createRandom(seed ^ 0x5bd1e995);
      accounts.reset();
      uploads.reset();
    },
    clock,
    registry,
    uploads,
  };
}

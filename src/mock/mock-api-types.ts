// The mock API's public shape: its options, the requests it records, and what it offers a test.
import type { Clock } from '../core/clock.js';
import type { Registry } from '../core/registry/registry.js';
import type { MockFault, MockFaultTarget, MockFaultType } from './faults.js';
import type { MockTaskSnapshot } from './mock-task.js';
import type { MockScenario, MockScenarioName, MockTiming } from './scenarios.js';
import type { MockUploadStore } from './uploads/mock-upload-store.js';

/** Options of {@link createMockApi}. */
export interface MockApiOptions {
  /** The clock task times and latency run on. Defaults to the real clock; tests pass `createVirtualClock()`. */
  clock?: Clock;
  /** Seeds every random choice (task ids, durations, failures, network faults): the same seed and the same calls replay identically. Defaults to a random seed. */
  seed?: number;
  /** How long tasks take; see {@link MockTiming}. Defaults to `'realistic'`. */
  timing?: MockTiming;
  /**
   * API keys and their balances. When given, every API request needs `Authorization: Bearer <key>`
   * naming one (else 401), and tasks belong to their key (another key's task answers 404). Defaults to
   * no keys: no authentication, one anonymous account.
   */
  keys?: Readonly<Record<string, { credits: number }>>;
  /** The anonymous account's balance when `keys` is not given. Defaults to `1000`. */
  credits?: number;
  /** The models the mock serves and validates against. Defaults to the built-in registry. */
  registry?: Registry;
  /** How the API behaves (a preset's name or a scenario). Defaults to none: the well-behaved service at `timing`. */
  scenario?: MockScenario | MockScenarioName;
  /**
   * Whether it answers `GET /api/ai/tasks` (the list the library's proxy serves: each account's tasks,
   * newest first, with their requests). `false` answers it 404, as the real API does, to show the
   * browser's own history. Defaults to `true`.
   */
  taskList?: boolean;
  /** The absolute origin output URLs use. Defaults to the origin of the request that submitted the task. */
  outputBaseUrl?: string;
}

/** One request the mock received, for tests to inspect. */
export interface MockRequestRecord {
  /** `GET`, `POST`, … */
  method: string;
  /** The URL's path, e.g. `/api/ai/tasks/tsk_…`. */
  path: string;
  /** The whole URL. */
  url: string;
  /** The headers, lower-cased names. */
  headers: Record<string, string>;
  /** The body parsed as JSON, else its text; `undefined` when there was none. */
  body: unknown;
  /** When it arrived, in clock milliseconds. */
  time: number;
  /** The status answered (`0` for a dropped connection), `null` while in flight. */
  status: number | null;
  /** The fault that met it, if any. */
  fault: MockFault['type'] | null;
}

/** An in-memory GPT Image 2 API. See {@link createMockApi}. */
export interface MockApi {
  /** Answers one request: the three endpoints under `/api/ai/`, the list of tasks, and the outputs under `/__mock__/outputs/`. A dropped connection is `Response.error()`. */
  handle(request: Request): Promise<Response>;
  /** Every request received, oldest first (CORS preflights excepted). */
  readonly requests: readonly MockRequestRecord[];
  /** Snapshots of every task (of one key's, when given), oldest first, as `GET /api/ai/tasks/{id}` shows them now. */
  tasks(key?: string): MockTaskSnapshot[];
  /** A balance: the anonymous account's, or the key's (the only key may be omitted). Throws for an unknown key. */
  balance(key?: string): number;
  /** Sets the anonymous account's balance (or the only key's). */
  setBalance(credits: number): void;
  /** Sets a key's balance; an unknown key is added (it then authenticates). */
  setBalance(key: string | undefined, credits: number): void;
  /** The scenario in force. */
  readonly scenario: MockScenario;
  /** Changes how the whole API behaves from now on (a preset's name or a scenario). */
  setScenario(scenario: MockScenario | MockScenarioName): void;
  /** Makes the next matching request(s) meet a fault (by default the next request to an API path). */
  inject(fault: MockFault | Exclude<MockFaultType, 'latency'>, target?: MockFaultTarget): void;
  /** Drops every injected fault not used yet. */
  clearFaults(): void;
  /** Back to the start: no tasks, no requests, no faults, the first balances, scenario and seed. */
  reset(): void;
  /** The clock the mock runs on. */
  readonly clock: Clock;
  /** The models it serves. */
  readonly registry: Registry;
  /** Its upload endpoint (`/api/uploads`, the protocol of `createUploadHandler`): the files it holds. */
  readonly uploads: Pick<MockUploadStore, 'files'>;
}

// Storybook's stand-in for an app: every story gets a fresh QueryClient and GptImageProvider, talking to
// its own in-memory mock API (gptimage2-react/mock) through MSW's service worker, so it runs with no key
// and no server. One worker serves every story on the page: each story's client sends its session in a
// header, and each mock serves its outputs under its session's path.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { GptImageProvider, defaultRegistry, extendRegistry, type Registry } from 'gptimage2-react';
import {
  createMockApi,
  type MockApi,
  type MockScenarioName,
  type MockTiming,
} from 'gptimage2-react/mock';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Decorator } from '@storybook/react-vite';

/** The toolbar's choices: one of the mock's named scenarios, or your own proxy (`STORYBOOK_PROXY_URL`). */
export type ScenarioGlobal = MockScenarioName | 'live';

/** How fast time runs: `'timelapse'` makes every model ten times faster, `'realtime'` is the real thing. */
export type SpeedGlobal = 'timelapse' | 'realtime';

/** Per-story settings of the mock, under `parameters.mock`. */
export interface MockParameters {
  /** The account's starting balance. Defaults to `1000`. */
  credits?: number;
  /** How long tasks take when the scenario does not say (`'instant'` fails a task at its first poll). Defaults to `'realistic'`. */
  timing?: MockTiming;
  /** Seeds the mock's random choices. Defaults to `7`. */
  seed?: number;
  /** Runs once on the new mock before the story renders: inject a fault, spend credits, … */
  setup?: (api: MockApi) => void;
  /** Shows the mock's account (scenario, balance, requests) under the story. Defaults to `false`. */
  panel?: boolean;
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    mock?: MockParameters;
  }
}

export const SCENARIOS: readonly { value: ScenarioGlobal; title: string; description: string }[] = [
  {
    value: 'realistic',
    title: 'Realistic',
    description: 'Tasks take their model’s typical time and succeed',
  },
  { value: 'instant', title: 'Instant', description: 'Tasks are done at the first poll' },
  {
    value: 'providerFailure',
    title: 'Provider failure',
    description: 'Every task fails; its credits are refunded',
  },
  {
    value: 'insufficientCredits',
    title: 'Insufficient credits',
    description: 'Every submit answers 402',
  },
  { value: 'unauthorized', title: 'Unauthorized', description: 'Every request answers 401' },
  {
    value: 'flakyNetwork',
    title: 'Flaky network',
    description: 'One request in four drops, answers 5xx or 429',
  },
  { value: 'slowNetwork', title: 'Slow network', description: 'Every answer takes 1.5–4 s' },
  {
    value: 'live',
    title: 'Live proxy',
    description: 'No mock: /api/ai/… goes to STORYBOOK_PROXY_URL',
  },
];

const SPEEDS: Record<SpeedGlobal, number> = { timelapse: 0.1, realtime: 1 };

export const mockGlobalTypes = {
  scenario: {
    description: 'How the mock GPT Image 2 API behaves',
    toolbar: {
      title: 'API',
      icon: 'lightning',
      items: SCENARIOS.map(({ value, title, description }) => ({
        value,
        title,
        right: description,
      })),
      dynamicTitle: true,
    },
  },
  speed: {
    description: 'How long the mock’s tasks take',
    toolbar: {
      title: 'Speed',
      icon: 'time',
      items: [
        { value: 'timelapse', title: 'Time-lapse ×10', right: 'Every model ten times faster' },
        { value: 'realtime', title: 'Real time', right: 'The models’ typical times' },
      ],
      dynamicTitle: true,
    },
  },
} as const;

export const mockInitialGlobals = {
  scenario: 'realistic' satisfies ScenarioGlobal,
  speed: 'timelapse' satisfies SpeedGlobal,
};

// ---------------------------------------------------------------------------------------------------
// Sessions: one mock API per rendered story.

const SESSION_HEADER = 'X-Storybook-Mock-Session';
const SESSION_PATH = /^\/__mock__\/session\/([^/]+)\//;
const MAX_SESSIONS = 200;

interface MockSession {
  id: string;
  api: MockApi;
  /** Bumped after every request the mock answers, for the panel. */
  version: number;
  listeners: Set<() => void>;
}

const sessions = new Map<string, MockSession>();
const sessionByStory = new Map<string, MockSession>();
let sessionCount = 0;

/** The registry with every model's typical time scaled, so the client's polling and estimates match the mock's clock. */
const registries = new Map<number, Registry>();
function timeLapsed(factor: number): Registry {
  if (factor === 1) return defaultRegistry;
  let registry = registries.get(factor);
  if (!registry) {
    const override = Object.fromEntries(
      defaultRegistry.models.map((model) => [
        model.id,
        {
          typicalSeconds: [
            model.typicalSeconds[0] * factor,
            model.typicalSeconds[1] * factor,
          ] as const,
        },
      ]),
    );
    registries.set(factor, (registry = extendRegistry(defaultRegistry, { override })));
  }
  return registry;
}

function openSession(
  storyId: string,
  scenario: MockScenarioName,
  registry: Registry,
  parameters: MockParameters,
): MockSession {
  const id = `s${++sessionCount}`;
  const api = createMockApi({
    scenario,
    registry,
    timing: parameters.timing,
    seed: parameters.seed ?? 7,
    credits: parameters.credits,
    outputBaseUrl: `${window.location.origin}/__mock__/session/${id}`,
  });
  parameters.setup?.(api);
  const session: MockSession = { id, api, version: 0, listeners: new Set() };
  sessions.set(id, session);
  sessionByStory.set(storyId, session);
  if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
  return session;
}

function sessionOf(request: Request): string | undefined {
  return (
    request.headers.get(SESSION_HEADER) ?? SESSION_PATH.exec(new URL(request.url).pathname)?.[1]
  );
}

/** The one MSW handler: hands each request to its story's mock API. Requests of no session pass through. */
const sessionHandler: HttpHandler = http.all(
  ({ request }) => sessionOf(request) !== undefined,
  async ({ request }) => {
    const session = sessions.get(sessionOf(request)!);
    if (!session)
      return HttpResponse.json(
        { error: 'This story’s mock API is gone: reload the story' },
        { status: 410 },
      );
    const response = await session.api.handle(request);
    session.version++;
    session.listeners.forEach((listener) => listener());
    return response.type === 'error' ? HttpResponse.error() : response;
  },
);

// ---------------------------------------------------------------------------------------------------
// Uploads: a stand-in for an app's storage (a presigned S3 URL, say), so the stories' dropzones can turn
// files into the http(s) URLs the API takes. PUT stores the body; GET serves it back.

export const UPLOADS_PATH = '/__mock__/uploads/';
const uploads = new Map<string, Blob>();

const uploadHandler: HttpHandler = http.all(
  ({ request }) => new URL(request.url).pathname.startsWith(UPLOADS_PATH),
  async ({ request }) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'PUT') {
      uploads.set(
        pathname,
        new Blob([await request.arrayBuffer()], {
          type: request.headers.get('Content-Type') ?? 'application/octet-stream',
        }),
      );
      return new HttpResponse(null, { status: 201 });
    }
    const blob = uploads.get(pathname);
    return blob
      ? new HttpResponse(blob, {
          headers: { 'Content-Type': blob.type, 'Cache-Control': 'no-store' },
        })
      : HttpResponse.json({ error: 'Not found' }, { status: 404 });
  },
);

/** Starts MSW's service worker (`public/mockServiceWorker.js`) once, for `mswLoader`. */
export async function startMockWorker() {
  const worker = setupWorker(sessionHandler, uploadHandler);
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return worker;
}

/**
 * The mock API behind a story, for its `play` function: inspect `requests`, `tasks()`, `balance()`, or
 * `inject` a fault. Throws in live mode.
 */
export function mockApiOf(storyId: string): MockApi {
  const session = sessionByStory.get(storyId);
  if (!session)
    throw new Error(`No mock API for story "${storyId}" (is the toolbar on "Live proxy"?)`);
  return session.api;
}

// ---------------------------------------------------------------------------------------------------
// The decorator.

interface EnvironmentProps {
  storyId: string;
  scenario: ScenarioGlobal;
  speed: SpeedGlobal;
  parameters: MockParameters;
  children: ReactNode;
}

function MockEnvironment({ storyId, scenario, speed, parameters, children }: EnvironmentProps) {
  const live = scenario === 'live';
  // Made once per mount: the toolbar's speed and live mode remount (see `key` below), the scenario does not.
  const [env] = useState(() => {
    const registry = timeLapsed(SPEEDS[speed]);
    const session = live ? null : openSession(storyId, scenario, registry, parameters);
    return {
      session,
      queryClient: new QueryClient(),
      clientOptions: session ? { registry, headers: { [SESSION_HEADER]: session.id } } : {},
    };
  });
  // Switching the scenario in the toolbar changes how the same mock behaves from now on: its tasks and
  // balance stay, so a failure (and its refund) can follow a success in one story.
  useEffect(() => {
    if (env.session && scenario !== 'live') env.session.api.setScenario(scenario);
  }, [env.session, scenario]);
  useEffect(() => () => env.queryClient.clear(), [env.queryClient]);
  return (
    <QueryClientProvider client={env.queryClient}>
      {parameters.panel &&
        (env.session ? (
          <MockPanel session={env.session} scenario={scenario as MockScenarioName} />
        ) : (
          <LivePanel />
        ))}
      <GptImageProvider options={env.clientOptions}>{children}</GptImageProvider>
    </QueryClientProvider>
  );
}

function useSessionVersion(session: MockSession) {
  return useSyncExternalStore(
    (listener) => {
      session.listeners.add(listener);
      return () => session.listeners.delete(listener);
    },
    () => session.version,
  );
}

const panelStyle = {
  marginBottom: '1rem',
  padding: '0.4rem 0.75rem',
  border: '1px dashed var(--gi-line, #8a8f98)',
  borderRadius: '8px',
  maxWidth: '64rem',
  boxSizing: 'border-box',
  font: '13px/1.5 system-ui, sans-serif',
  color: 'var(--gi-muted, #3d4350)',
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.25rem 1.25rem',
} as const;

/** What the mock's account looks like now: the scenario, the balance (refunds show here) and the requests. */
function MockPanel({ session, scenario }: { session: MockSession; scenario: MockScenarioName }) {
  useSessionVersion(session);
  const { api } = session;
  const title = SCENARIOS.find((item) => item.value === scenario)?.title ?? scenario;
  return (
    <aside aria-label="Mock API" data-testid="mock-panel" style={panelStyle}>
      <strong>Mock API in this browser</strong>
      <span>
        Scenario: <span data-testid="mock-scenario">{title}</span> (toolbar: API)
      </span>
      <span>
        Balance: <span data-testid="mock-balance">{api.balance()}</span> credits
      </span>
      <span>
        Requests: <span data-testid="mock-requests">{api.requests.length}</span>
      </span>
    </aside>
  );
}

function LivePanel() {
  return (
    <aside aria-label="Live API" style={panelStyle}>
      <strong>Live proxy</strong>
      <span>
        Requests go to /api/ai/… on this origin; `npm run storybook` forwards them to
        STORYBOOK_PROXY_URL. Real tasks, real credits.
      </span>
      <span>
        Files uploaded in the stories stay in this browser, where the API cannot fetch them: attach
        image URLs instead.
      </span>
    </aside>
  );
}

/** The global decorator: a fresh app around each story, on the toolbar's scenario and speed. */
export const withMockEnvironment: Decorator = (Story, context) => {
  const scenario = (context.globals.scenario ?? mockInitialGlobals.scenario) as ScenarioGlobal;
  const speed = (context.globals.speed ?? mockInitialGlobals.speed) as SpeedGlobal;
  return (
    <MockEnvironment
      key={`${context.id}:${speed}:${scenario === 'live'}`}
      storyId={context.id}
      scenario={scenario}
      speed={speed}
      parameters={context.parameters.mock ?? {}}
    >
      <Story />
    </MockEnvironment>
  );
};

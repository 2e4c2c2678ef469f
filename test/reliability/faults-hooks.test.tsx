// Fault injection through the hooks, as an app runs them: 20 generations (one per model, a quarter
// failing for real) started by clicks, followed by useGenerateVideo/useGenerateImage over real fetch
// (MSW) on fake timers, through each fault of issue 8. Every generation must end in its task's true
// terminal state (or a typed error naming it when the task is gone), with no task id lost and
// nothing thrown past the hooks: no error boundary hit, no console error, no unhandled rejection.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { http } from 'msw';
import { Component, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/core/client.js';
import { TaskNotFoundError } from '../../src/core/errors.js';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import type { ImageRequest, VideoRequest } from '../../src/core/request/types.js';
import type { MockScenario } from '../../src/mock/index.js';
import {
  GptImageProvider,
  useGenerateImage,
  useGenerateVideo,
  type Generation,
} from '../../src/react/index.js';
import { requestFor } from '../bench/mock-service.js';
import { advance, ORIGIN, setupMockApi, SLOW } from '../helpers/render-with-client.js';
import { faultScenarios, REQUEST_TIMEOUT_MS } from './fault-scenarios.js';
import { notFoundFrom, notFoundOnce, type Override } from '../helpers/fetch-from-mock.js';
import { catchEscapes, expectTrueEnd, expectTypedErrorFor } from './truth.js';

const mock = setupMockApi({ timing: 'realistic', credits: 1e6, scenario: { failureRate: 0.25 } });

type Seen = Pick<Generation<unknown>, 'status' | 'taskId' | 'task' | 'error'>;
const seen = new Map<string, Seen>();
const submittedIds: string[] = [];

class Boundary extends Component<
  { children: ReactNode; onError: (error: unknown) => void },
  { failed: boolean }
> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  override render() {
    return this.state.failed ? <p>crashed</p> : this.props.children;
  }
}

function Item({
  model,
  generation,
  onGenerate,
}: {
  model: ModelSpec;
  generation: Seen;
  onGenerate: () => void;
}) {
  seen.set(model.id, generation);
  return (
    <li>
      <button type="button" onClick={onGenerate}>
        Generate {model.id}
      </button>
      <output>{generation.status}</output>
    </li>
  );
}
const options = {
  tickMs: false as const,
  onSubmitted: ({ taskId }: { taskId: string }) => void submittedIds.push(taskId),
};
function VideoItem({ model }: { model: ModelSpec }) {
  const video = useGenerateVideo(options);
  return (
    <Item
      model={model}
      generation={video}
      onGenerate={() => video.generate(requestFor(model) as VideoRequest)}
    />
  );
}
function ImageItem({ model }: { model: ModelSpec }) {
  const image = useGenerateImage(options);
  return (
    <Item
      model={model}
      generation={image}
      onGenerate={() => image.generate(requestFor(model) as ImageRequest)}
    />
  );
}

let escapes: ReturnType<typeof catchEscapes>;
let consoleError: ReturnType<typeof vi.spyOn>;
const windowErrors: unknown[] = [];
const recordWindowError = (event: ErrorEvent) => void windowErrors.push(event.error);
beforeEach(() => {
  seen.clear();
  submittedIds.length = 0;
  windowErrors.length = 0;
  escapes = catchEscapes();
  consoleError = vi.spyOn(console, 'error');
  window.addEventListener('error', recordWindowError);
});
afterEach(() => {
  escapes.stop();
  window.removeEventListener('error', recordWindowError);
  expect(escapes.escaped).toEqual([]);
  expect(windowErrors).toEqual([]);
  expect(consoleError).not.toHaveBeenCalled();
});

/** Clicks every Generate button, then meets `scenario` while following, until every generation has ended. */
async function generateThrough(scenario: MockScenario, override?: Override) {
  const caught: unknown[] = [];
  const client = createClient({
    baseUrl: ORIGIN,
    retry: { jitter: false },
    requestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  render(
    <QueryClientProvider client={new QueryClient()}>
      <GptImageProvider client={client}>
        <Boundary onError={(error) => caught.push(error)}>
          <ul>
            {builtInModels.map((model) =>
              model.kind === 'video' ? (
                <VideoItem key={model.id} model={model} />
              ) : (
                <ImageItem key={model.id} model={model} />
              ),
            )}
          </ul>
        </Boundary>
      </GptImageProvider>
    </QueryClientProvider>,
  );
  for (const button of screen.getAllByRole('button', { name: /^Generate/ }))
    fireEvent.click(button);
  await advance(0);
  expect(mock.posts()).toBe(builtInModels.length);
  mock.api.setScenario(scenario);
  if (override) mock.server.use(http.get(/\/api\/ai\/tasks\//, ({ request }) => override(request)));
  const ended = () =>
    [...seen.values()].every((g) => g.status === 'completed' || g.status === 'failed');
  for (let waited = 0; !ended() && waited < 30 * 60_000; waited += 5000) await advance(5000);
  expect(caught).toEqual([]);
  // No task id lost: every submit's id is a generation's, and the service has no other task.
  const ids = [...seen.values()].map((g) => g.taskId);
  const truth = new Map(mock.api.tasks().map((task) => [task.taskId, task]));
  expect([...ids].sort()).toEqual([...submittedIds].sort());
  expect([...truth.keys()].sort()).toEqual([...submittedIds].sort());
  expect(mock.posts()).toBe(builtInModels.length);
  return { generations: [...seen.values()], truth };
}

describe(
  'the hooks under faults: every generation ends in its true terminal state',
  { timeout: SLOW },
  () => {
    it.each(Object.entries(faultScenarios))('%s', async (_, scenario) => {
      const { generations, truth } = await generateThrough(scenario);
      for (const { taskId, task, error, status } of generations) {
        expectTrueEnd(
          { taskId: taskId!, task: status === 'completed' ? task : null, error },
          truth.get(taskId!),
        );
      }
      expect(mock.api.requests.filter((r) => r.fault !== null).length).toBeGreaterThan(5);
    });

    it('a 404 in the middle of polling', async () => {
      const { generations, truth } = await generateThrough({}, notFoundOnce(2));
      for (const { taskId, task, error, status } of generations) {
        expectTrueEnd(
          { taskId: taskId!, task: status === 'completed' ? task : null, error },
          truth.get(taskId!),
        );
      }
    });

    it('a task gone for good in the middle of polling: failed with TaskNotFoundError naming it', async () => {
      const { generations } = await generateThrough({}, notFoundFrom(2));
      for (const { taskId, task, error, status } of generations) {
        expect(status).toBe('failed');
        expectTypedErrorFor({ taskId: taskId!, task, error }, TaskNotFoundError);
      }
    });
  },
);

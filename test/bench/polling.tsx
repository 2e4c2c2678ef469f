import { QueryClient, QueryClientProvider, QueryObserver } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { GptImageClient } from '../../src/core/client.js';
import {
  defaultPollSchedule,
  fixedPollSchedule,
  type PollSchedule,
} from '../../src/core/polling/poll-schedule.js';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import type { DraftRequest, ImageRequest, VideoRequest } from '../../src/core/request/types.js';
import { isTerminal } from '../../src/core/task/task.js';
import { TaskProgress } from '../../src/components/index.js';
import {
  GptImageProvider,
  taskQueryOptions,
  useGenerateImage,
  useGenerateVideo,
  type UseGenerationOptions,
} from '../../src/react/index.js';
import {
  endTimes,
  mockService,
  modelsRoundRobin,
  pendingSnapshot,
  requestFor,
} from './mock-service.js';
import { mean, median, percentile, round } from './stats.js';
import type { VirtualTime } from './virtual-time.js';

/** The strategies compared: the common fixed loops, the docs' own two, and ours. */
export const strategies: ReadonlyArray<{ name: string; schedule: PollSchedule }> = [
  { name: 'fixed 500 ms (fal, Replicate)', schedule: fixedPollSchedule(500) },
  { name: "fixed 2 s (the docs' loop)", schedule: fixedPollSchedule(2000) },
  {
    name: "docs' backoff 2→4→8→15 s",
    schedule: ({ attempt }) => [2000, 4000, 8000][attempt] ?? 15_000,
  },
  { name: 'ours (defaultPollSchedule)', schedule: defaultPollSchedule },
];

/** Per strategy: GETs per task and how late the hook reports each completion. */
export interface PollingFigures {
  strategy: string;
  /**
   * `hook`: useGenerateVideo/useGenerateImage rendered by React; `observer`: QueryObserver over
   * taskQueryOptions, seeded as the hooks seed it; `taskProgress`: `<TaskProgress.Root taskId>`
   * following a task by id (useTask with no model or snapshot given).
   */
  path: Path;
  tasks: number;
  getsPerTask: number;
  getsPerImageTask: number;
  getsPerVideoTask: number;
  delayMedianMs: number;
  delayP95Ms: number;
  delayMaxMs: number;
}

type Path = 'hook' | 'observer' | 'taskProgress';

interface Followed {
  taskId: string | null;
  kind: string;
  reportedAt: number | null;
}

type Options = UseGenerationOptions<DraftRequest>;

/** Generates once on mount, as a click would; reports the task id and the moment the hook says "completed". */
function Generation({
  request,
  kind,
  options,
}: {
  request: DraftRequest;
  kind: string;
  options: Options;
}) {
  const Hook = kind === 'video' ? VideoGeneration : ImageGeneration;
  return <Hook request={request} options={options} />;
}
function VideoGeneration({ request, options }: { request: DraftRequest; options: Options }) {
  const video = useGenerateVideo(options as UseGenerationOptions<VideoRequest>);
  useGenerateOnce(() => video.generate(request as VideoRequest));
  return <output>{video.status}</output>;
}
function ImageGeneration({ request, options }: { request: DraftRequest; options: Options }) {
  const image = useGenerateImage(options as UseGenerationOptions<ImageRequest>);
  useGenerateOnce(() => image.generate(request as ImageRequest));
  return <output>{image.status}</output>;
}
function useGenerateOnce(generate: () => void) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    generate();
  });
}

/** Follows tasks through the generation hooks, rendered by React: the path an app takes. */
async function followWithHooks(
  time: VirtualTime,
  client: GptImageClient,
  models: ModelSpec[],
  schedule: PollSchedule,
) {
  const followed: Followed[] = models.map((model) => ({
    taskId: null,
    kind: model.kind,
    reportedAt: null,
  }));
  const queryClient = new QueryClient();
  const root = createRoot(document.createElement('div'));
  root.render(
    <QueryClientProvider client={queryClient}>
      <GptImageProvider client={client}>
        {models.map((model, i) => (
          <Generation
            key={i}
            kind={model.kind}
            request={requestFor(model)}
            options={{
              schedule,
              onSubmitted: ({ taskId }) => void (followed[i]!.taskId = taskId),
              onCompleted: () => void (followed[i]!.reportedAt = Date.now()),
            }}
          />
        ))}
      </GptImageProvider>
    </QueryClientProvider>,
  );
  await time.runUntil(() => followed.every((task) => task.reportedAt !== null), 30 * 60_000);
  root.unmount();
  queryClient.clear();
  return followed;
}

/** Follows tasks through QueryObserver with taskQueryOptions (what useTask gives useQuery), without React. */
async function followWithObservers(
  time: VirtualTime,
  client: GptImageClient,
  models: ModelSpec[],
  schedule: PollSchedule,
) {
  const queryClient = new QueryClient();
  const followed: Followed[] = [];
  const stops: Array<() => void> = [];
  for (const model of models) {
    const { taskId, creditsUsed } = await client.submit(model.kind, requestFor(model));
    const options = {
      model: model.id,
      submittedAt: Date.now(),
      initialTask: pendingSnapshot(taskId, model.id, creditsUsed),
      schedule,
    };
    const entry: Followed = { taskId, kind: model.kind, reportedAt: null };
    stops.push(
      new QueryObserver(queryClient, taskQueryOptions(client, taskId, options)).subscribe(
        (result) => {
          if (entry.reportedAt === null && result.data && isTerminal(result.data))
            entry.reportedAt = Date.now();
        },
      ),
    );
    followed.push(entry);
  }
  await time.runUntil(() => followed.every((task) => task.reportedAt !== null), 30 * 60_000);
  for (const stop of stops) stop();
  queryClient.clear();
  return followed;
}

/** Follows tasks by id with TaskProgress, as a gallery or a second tab would: the task is submitted elsewhere. */
async function followWithTaskProgress(
  time: VirtualTime,
  client: GptImageClient,
  models: ModelSpec[],
  schedule: PollSchedule,
) {
  const followed: Followed[] = [];
  const submittedAt: number[] = [];
  for (const model of models) {
    followed.push({
      taskId: (await client.submit(model.kind, requestFor(model))).taskId,
      kind: model.kind,
      reportedAt: null,
    });
    submittedAt.push(Date.now());
  }
  const queryClient = new QueryClient();
  const container = document.createElement('div');
  // The moment each one shows "completed": a DOM change, seen as React commits it.
  const watcher = new MutationObserver(() => {
    container.querySelectorAll('[data-task][data-state="completed"]').forEach((element) => {
      const entry = followed[Number(element.getAttribute('data-task'))]!;
      entry.reportedAt ??= Date.now();
    });
  });
  watcher.observe(container, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  const root = createRoot(container);
  root.render(
    <QueryClientProvider client={queryClient}>
      <GptImageProvider client={client}>
        {followed.map((task, i) => (
          <TaskProgress.Root
            key={task.taskId}
            data-task={i}
            taskId={task.taskId}
            submittedAt={submittedAt[i]}
            followOptions={{ schedule }}
            announce={false}
          />
        ))}
      </GptImageProvider>
    </QueryClientProvider>,
  );
  await time.runUntil(() => followed.every((task) => task.reportedAt !== null), 30 * 60_000);
  watcher.disconnect();
  root.unmount();
  queryClient.clear();
  return followed;
}

const paths = {
  hook: followWithHooks,
  observer: followWithObservers,
  taskProgress: followWithTaskProgress,
};

/**
 * Follows `count` tasks (round-robin over the 20 models; completion times drawn by the mock's seed from
 * each model's typical range) with each strategy. Every strategy replays the same tasks at the same
 * times. `path` picks the generation hooks rendered by React (default), bare observers, or
 * TaskProgress following by id.
 */
export async function measurePolling(
  time: VirtualTime,
  {
    count = 200,
    path = 'hook',
    list = strategies,
  }: { count?: number; path?: Path; list?: typeof strategies } = {},
): Promise<PollingFigures[]> {
  const { api, client, getsOf } = mockService(time.clock);
  const models = modelsRoundRobin(count);
  const figures: PollingFigures[] = [];
  for (const { name, schedule } of list) {
    api.reset();
    const followed = await paths[path](time, client, models, schedule);
    const ends = endTimes(api);
    const delays = followed.map((task) => task.reportedAt! - ends.get(task.taskId!)!);
    if (delays.some((delay) => !(delay >= 0)))
      throw new Error(`${name}: a completion was reported before it happened`);
    if (api.requests.filter((r) => r.method === 'POST').length !== count)
      throw new Error(`${name}: not one POST per task`);
    const gets = (kind?: string) =>
      mean(
        followed.filter((task) => !kind || task.kind === kind).map((task) => getsOf(task.taskId!)),
      );
    figures.push({
      strategy: name,
      path,
      tasks: followed.length,
      getsPerTask: round(gets()),
      getsPerImageTask: round(gets('image')),
      getsPerVideoTask: round(gets('video')),
      delayMedianMs: median(delays),
      delayP95Ms: percentile(delays, 0.95),
      delayMaxMs: Math.max(...delays),
    });
  }
  return figures;
}

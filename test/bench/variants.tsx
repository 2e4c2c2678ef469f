import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useRef, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { VideoRequest } from '../../src/core/request/types.js';
import {
  GptImageProvider,
  useGenerateVideo,
  useGenerations,
  useTask,
} from '../../src/react/index.js';
import { mockService } from './mock-service.js';
import { round } from './stats.js';
import type { VirtualTime } from './virtual-time.js';

/** What 8 variants cost in requests: one `useGenerations` batch against 8 `useGenerateVideo` hooks. */
export interface VariantsFigures {
  variants: number;
  /** One row per way of running them. */
  runs: Array<{
    way: string;
    posts: number;
    gets: number;
    getsPerTask: number;
    /** The most GETs of one task at one instant (1: never a duplicate). */
    mostGetsOfOneTaskAtOnce: number;
    /** Virtual seconds from the first submit until every variant completed. */
    secondsToAll: number;
  }>;
}

const request: VideoRequest = { model: 'veo3_fast', prompt: 'A lighthouse at dusk', duration: 8 };

function useOnce(run: () => void) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    run();
  });
}

function Batch({
  count,
  concurrency,
  watchers,
}: {
  count: number;
  concurrency: number;
  watchers: number;
}) {
  const batch = useGenerations({ kind: 'video', concurrency });
  useOnce(() => batch.submitVariants(request, count));
  return (
    <ul>
      {batch.slots.map((slot) => (
        <li key={slot.id}>
          {/* Each slot shown by several components, as a grid and a list beside it would. */}
          {Array.from({ length: watchers }, (_, i) => (
            <Watcher key={i} taskId={slot.taskId} />
          ))}
          {slot.status}
        </li>
      ))}
    </ul>
  );
}

function Watcher({ taskId }: { taskId: string | null }) {
  const task = useTask(taskId);
  return <span>{task.data?.status}</span>;
}

function Single() {
  const video = useGenerateVideo();
  useOnce(() => video.generate(request));
  return <output>{video.status}</output>;
}

export async function measureVariants(time: VirtualTime, variants = 8): Promise<VariantsFigures> {
  const { api, client } = mockService(time.clock);
  const measure = async (way: string, tree: ReactElement) => {
    api.reset();
    const started = time.now();
    const queryClient = new QueryClient();
    const root = createRoot(document.createElement('div'));
    root.render(
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client}>{tree}</GptImageProvider>
      </QueryClientProvider>,
    );
    const done = () =>
      api.tasks().length === variants &&
      api.tasks().every((task) => task.status !== 0) &&
      queryClient
        .getQueryCache()
        .findAll({ queryKey: ['gptimage2', 'task'] })
        .filter(
          (query) => (query.state.data as { status?: string } | undefined)?.status === 'completed',
        ).length === variants;
    await time.runUntil(done, 30 * 60_000);
    const secondsToAll = round((time.now() - started) / 1000, 1);
    const gets = api.requests.filter((r) => r.method === 'GET');
    const perInstant = new Map<string, number>();
    for (const r of gets)
      perInstant.set(`${r.path}@${r.time}`, (perInstant.get(`${r.path}@${r.time}`) ?? 0) + 1);
    root.unmount();
    queryClient.clear();
    return {
      way,
      posts: api.requests.filter((r) => r.method === 'POST').length,
      gets: gets.length,
      getsPerTask: round(gets.length / variants, 2),
      mostGetsOfOneTaskAtOnce: Math.max(0, ...perInstant.values()),
      secondsToAll,
    };
  };
  return {
    variants,
    runs: [
      await measure(
        `${variants} separate useGenerateVideo hooks`,
        <>
          {Array.from({ length: variants }, (_, i) => (
            <Single key={i} />
          ))}
        </>,
      ),
      await measure(
        `one useGenerations batch, concurrency ${variants}`,
        <Batch count={variants} concurrency={variants} watchers={0} />,
      ),
      await measure(
        `one useGenerations batch, concurrency ${variants}, each slot also shown by 3 useTask components`,
        <Batch count={variants} concurrency={variants} watchers={3} />,
      ),
      await measure(
        'one useGenerations batch, concurrency 2 (the default)',
        <Batch count={variants} concurrency={2} watchers={0} />,
      ),
    ],
  };
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { defaultRegistry } from '../../src/core/registry/registry.js';
import { GptImageProvider, useTask } from '../../src/react/index.js';
import { setPageHidden } from './bench-env.js';
import { mockService, requestFor } from './mock-service.js';
import { round } from './stats.js';
import type { VirtualTime } from './virtual-time.js';

/** What sharing one task among many components costs in requests. */
export interface SharingFigures {
  followers: number;
  /** GETs for one task followed by one component, and by `followers` components, to its completion. */
  getsOneFollower: number;
  getsManyFollowers: number;
  /** getsManyFollowers / getsOneFollower: 1 means one request per interval however many follow. */
  ratio: number;
  /** The most GETs at one instant (1 means no duplicate per interval). */
  mostGetsAtOnce: number;
  /** GETs in the 10 minutes after the task completed, followers still mounted, cache invalidated. */
  getsAfterTerminal: number;
  /** GETs while the page was hidden for 60 s (default policy), and in the 100 ms after it was shown. */
  getsWhileHidden: number;
  getsOnShow: number;
}

function Follower({ taskId, submittedAt }: { taskId: string; submittedAt: number }) {
  const task = useTask(taskId, { model: 'veo3_fast', submittedAt });
  return <li>{task.data?.status ?? 'loading'}</li>;
}

/**
 * `followers` components each call `useTask` for one Veo 3.1 Fast task (rendered by React, one
 * QueryClient), against the same task followed by one component: the mock's seed gives both runs the
 * same completion time. Then ten minutes after completion, and a 60 s hidden spell on another task.
 */
export async function measureSharing(time: VirtualTime, followers = 50): Promise<SharingFigures> {
  const { api, client, getsOf } = mockService(time.clock);
  const veo = defaultRegistry.get('veo3_fast')!;

  const follow = async (count: number) => {
    const { taskId } = await client.submit('video', requestFor(veo));
    const submittedAt = Date.now();
    const queryClient = new QueryClient();
    const root = createRoot(document.createElement('ul'));
    root.render(
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client}>
          {Array.from({ length: count }, (_, i) => (
            <Follower key={i} taskId={taskId} submittedAt={submittedAt} />
          ))}
        </GptImageProvider>
      </QueryClientProvider>,
    );
    const done = () =>
      queryClient.getQueryData<{ status: string }>(['gptimage2', 'task', taskId])?.status ===
      'completed';
    await time.runUntil(done, 10 * 60_000);
    return { taskId, queryClient, root };
  };

  api.reset();
  const one = await follow(1);
  const getsOneFollower = getsOf(one.taskId);
  one.root.unmount();

  api.reset();
  const many = await follow(followers);
  const getsManyFollowers = getsOf(many.taskId);
  const times = new Map<number, number>();
  for (const r of api.requests.filter((r) => r.method === 'GET'))
    times.set(r.time, (times.get(r.time) ?? 0) + 1);
  const atEnd = getsOf(many.taskId);
  await many.queryClient.invalidateQueries();
  await time.advance(10 * 60_000);
  const getsAfterTerminal = getsOf(many.taskId) - atEnd;
  many.root.unmount();

  // Hidden: a Veo 3.1 task (50–120 s); hide the page after the first poll.
  api.reset();
  const { taskId } = await client.submit('video', requestFor(defaultRegistry.get('veo3')!));
  const submittedAt = Date.now();
  const root = createRoot(document.createElement('ul'));
  root.render(
    <QueryClientProvider client={new QueryClient()}>
      <GptImageProvider client={client}>
        {Array.from({ length: followers }, (_, i) => (
          <Follower key={i} taskId={taskId} submittedAt={submittedAt} />
        ))}
      </GptImageProvider>
    </QueryClientProvider>,
  );
  await time.advance(40_000);
  setPageHidden(true);
  const beforeHidden = getsOf(taskId);
  await time.advance(60_000);
  const getsWhileHidden = getsOf(taskId) - beforeHidden;
  setPageHidden(false);
  await time.advance(100);
  const getsOnShow = getsOf(taskId) - beforeHidden - getsWhileHidden;
  root.unmount();

  return {
    followers,
    getsOneFollower,
    getsManyFollowers,
    ratio: round(getsManyFollowers / getsOneFollower),
    mostGetsAtOnce: Math.max(...times.values()),
    getsAfterTerminal,
    getsWhileHidden,
    getsOnShow,
  };
}

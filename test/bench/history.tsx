import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { defaultRegistry } from '../../src/core/registry/registry.js';
import { GptImageProvider, useTask, useTaskHistory } from '../../src/react/index.js';
import { mockService, requestFor } from './mock-service.js';
import { round } from './stats.js';
import type { VirtualTime } from './virtual-time.js';

/** What one page of history costs in requests. */
export interface HistoryFigures {
  pageSize: number;
  pending: number;
  /** Requests per 3.5 s poll interval (list and task GETs) while the pending tasks run, history alone. */
  requestsPerInterval: number;
  /** The list requests in the whole run (the list is read once, not polled). */
  listRequests: number;
  /** Task GETs made in the run by the history alone, and by useTask followers of the 5 alone. */
  taskGetsHistory: number;
  taskGetsFollowers: number;
  /** Task GETs of history and followers mounted together, minus the followers' alone: what history adds. */
  addedByHistoryWhenFollowed: number;
}

const INTERVAL_MS = 3500;

function History() {
  const history = useTaskHistory();
  return <p>{history.tasks.length}</p>;
}

function Follower({ taskId }: { taskId: string }) {
  const task = useTask(taskId, { model: 'veo3' });
  return <p>{task.data?.status}</p>;
}

/**
 * A page of 20: 15 ended image tasks and 5 pending Veo 3.1 tasks (50–120 s), read through
 * `useTaskHistory` against the mock's list. Counts the requests per poll interval while the 5 run,
 * and what history adds when the 5 are already followed by `useTask` elsewhere.
 */
export async function measureHistory(time: VirtualTime): Promise<HistoryFigures> {
  const { api, client } = mockService(time.clock);
  const image = requestFor(defaultRegistry.get('gpt-image-2')!);
  const veo = requestFor(defaultRegistry.get('veo3')!);

  const run = async (what: { history: boolean; followers: boolean }) => {
    api.reset();
    for (let i = 0; i < 15; i++) await client.submit('image', image);
    await time.advance(10 * 60_000); // all ended
    const pending: string[] = [];
    for (let i = 0; i < 5; i++) pending.push((await client.submit('video', veo)).taskId);
    const start = time.now();
    const root = createRoot(document.createElement('div'));
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <GptImageProvider client={client}>
          {what.history && <History />}
          {what.followers && pending.map((id) => <Follower key={id} taskId={id} />)}
        </GptImageProvider>
      </QueryClientProvider>,
    );
    await time.advance(10 * 60_000);
    root.unmount();
    const reads = api.requests.filter((r) => r.method === 'GET' && r.time >= start);
    const taskGets = reads.filter((r) => r.path.startsWith('/api/ai/tasks/'));
    // Two intervals from the model's first delay (37.5 s), before the first can complete (50 s).
    const inWindow = reads.filter(
      (r) => r.time >= start + 40_000 && r.time < start + 40_000 + 2 * INTERVAL_MS,
    );
    return {
      taskGets: taskGets.length,
      lists: reads.filter((r) => r.path === '/api/ai/tasks').length,
      perInterval: round(inWindow.length / 2),
    };
  };

  const history = await run({ history: true, followers: false });
  const followers = await run({ history: false, followers: true });
  const both = await run({ history: true, followers: true });
  return {
    pageSize: 20,
    pending: 5,
    requestsPerInterval: history.perInterval,
    listRequests: history.lists,
    taskGetsHistory: history.taskGets,
    taskGetsFollowers: followers.taskGets,
    addedByHistoryWhenFollowed: both.taskGets - followers.taskGets,
  };
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  createClient,
  fixedPollSchedule,
  TaskNotFoundError,
  UnauthorizedError,
} from '../../src/core/index.js';
import { GptImageProvider, taskQueryOptions, useTask } from '../../src/react/index.js';
import { advance, ORIGIN, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

const mock = setupMockApi({
  timing: 'realistic',
  keys: { sk_a: { credits: 500 }, sk_b: { credits: 500 } },
});

/** Submits a task straight to the mock (as another tab or a server would) and returns its id. */
async function submit(model = 'veo3_fast', apiKey = 'sk_a') {
  const client = createClient({ baseUrl: ORIGIN, apiKey });
  const { taskId } = await client.generateVideo({ model: model as 'veo3_fast', prompt: 'Waves' });
  return taskId;
}

function Watcher({ taskId }: { taskId: string }) {
  const [submittedAt] = useState(() => Date.now());
  const task = useTask(taskId, { model: 'veo3_fast', submittedAt });
  return <li>{task.data?.status ?? 'loading'}</li>;
}

/** useTask as a component would use it: reading what it shows (TanStack re-renders for fields read). */
function useShownTask(...args: Parameters<typeof useTask>) {
  const task = useTask(...args);
  void [task.data, task.error, task.status, task.fetchStatus];
  return task;
}

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    value: hidden ? 'hidden' : 'visible',
    configurable: true,
  });
  // It bubbles to window, where TanStack Query's focus manager listens.
  act(() => void document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
}

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  act(() => void window.dispatchEvent(new Event(online ? 'online' : 'offline')));
}

describe('useTask', { timeout: SLOW }, () => {
  it('50 components following one task make as many requests as one does, and none after it completes', async () => {
    // Two tasks of the same model submitted at the same moment complete at seeded times; follow the
    // first with one component and the second with 50, on the same schedule.
    const one = await submit();
    const many = await submit();
    const [taskOne, taskMany] = mock.api.tasks('sk_a');
    const getsOf = (id: string) =>
      mock.api.requests.filter((r) => r.method === 'GET' && r.path.endsWith(id)).length;
    const { unmount } = render(
      <ul>
        <Watcher taskId={one} />
        {Array.from({ length: 50 }, (_, i) => (
          <Watcher key={i} taskId={many} />
        ))}
      </ul>,
      providers({ apiKey: 'sk_a' }),
    );
    await advance(0);
    expect(getsOf(many)).toBe(1); // the first load, shared
    await advance(30_000);
    expect(taskOne!.status).toBe(0);
    expect(taskMany!.status).toBe(0);
    // Until the first of them completes, both are polled on the same beat.
    expect(getsOf(many)).toBe(getsOf(one));
    // The first load, then from the model's first delay (22.5 s) every 3.5 s.
    expect(getsOf(many)).toBe(4);
    await advance(120_000);
    expect(screen.getAllByText('completed')).toHaveLength(51);
    const atEnd = mock.gets();
    await advance(600_000);
    expect(mock.gets()).toBe(atEnd);
    unmount();
  });

  it('stops polling when the last follower unmounts', async () => {
    const taskId = await submit('veo3');
    const { unmount } = render(<Watcher taskId={taskId} />, providers({ apiKey: 'sk_a' }));
    await advance(30_000);
    expect(mock.gets()).toBeGreaterThan(0);
    unmount();
    const gets = mock.gets();
    await advance(300_000);
    expect(mock.gets()).toBe(gets);
  });

  it('makes no request while the page is hidden, and polls at once when it is shown again', async () => {
    const taskId = await submit('veo3');
    render(<Watcher taskId={taskId} />, providers({ apiKey: 'sk_a' }));
    await advance(25_000);
    setHidden(true);
    const gets = mock.gets();
    await advance(40_000);
    expect(mock.gets()).toBe(gets);
    setHidden(false);
    await advance(0);
    expect(mock.gets()).toBe(gets + 1);
    await advance(120_000);
    expect(screen.getByText('completed')).toBeInTheDocument();
  });

  it('holds polls while offline and polls again on reconnect', async () => {
    const taskId = await submit('veo3');
    render(<Watcher taskId={taskId} />, providers({ apiKey: 'sk_a' }));
    await advance(25_000);
    setOnline(false);
    const gets = mock.gets();
    await advance(40_000);
    expect(mock.gets()).toBe(gets);
    setOnline(true);
    await advance(100);
    expect(mock.gets()).toBe(gets + 1);
    await advance(120_000);
    expect(screen.getByText('completed')).toBeInTheDocument();
  });

  it('does not poll early when the page is shown again before the next poll is due', async () => {
    const taskId = await submit();
    render(<Watcher taskId={taskId} />, providers({ apiKey: 'sk_a' }));
    await advance(15_000);
    expect(mock.gets()).toBe(1); // the load at mount; Veo 3.1 Fast's first poll is due at 22.5 s
    setHidden(true);
    setHidden(false);
    await advance(100);
    expect(mock.gets()).toBe(1);
    await advance(7_500);
    expect(mock.gets()).toBe(2);
  });

  it("follows the client's pollSchedule", async () => {
    const taskId = await submit('veo3');
    const client = createClient({
      baseUrl: ORIGIN,
      apiKey: 'sk_a',
      pollSchedule: fixedPollSchedule(1000),
    });
    const queryClient = new QueryClient();
    renderHook(() => useShownTask(taskId, { model: 'veo3', submittedAt: Date.now() }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={queryClient}>
          <GptImageProvider client={client}>{children}</GptImageProvider>
        </QueryClientProvider>
      ),
    });
    await advance(5_050);
    // The load at mount, then one a second (where the default schedule would wait until 37.5 s).
    expect(mock.gets()).toBe(6);
  });

  it('keeps polling while hidden when told to', async () => {
    const taskId = await submit('veo3');
    renderHook(
      () => useShownTask(taskId, { pauseWhenHidden: false }),
      providers({ apiKey: 'sk_a' }),
    );
    await advance(0);
    setHidden(true);
    const gets = mock.gets();
    await advance(30_000);
    expect(mock.gets()).toBeGreaterThan(gets);
    setHidden(false);
  });

  it("answers another key's task as not found, and stops", async () => {
    const taskId = await submit('veo3', 'sk_b');
    const { result } = renderHook(() => useShownTask(taskId), providers({ apiKey: 'sk_a' }));
    await advance(10_000);
    expect(result.current.error).toBeInstanceOf(TaskNotFoundError);
    expect(result.current.error).toMatchObject({ taskId });
    // The first look plus two more a couple of seconds apart (a replica may lag), then no more.
    expect(mock.gets()).toBe(3);
    await advance(60_000);
    expect(mock.gets()).toBe(3);
  });

  it('stops on a refused key', async () => {
    const taskId = await submit('veo3');
    const { result } = renderHook(() => useShownTask(taskId), providers({ apiKey: 'sk_wrong' }));
    await advance(5000);
    expect(result.current.error).toBeInstanceOf(UnauthorizedError);
    await advance(60_000);
    expect(mock.gets()).toBe(1);
  });

  it('follows nothing for a null id', async () => {
    const { result } = renderHook(() => useShownTask(null), providers());
    await advance(10_000);
    expect(result.current.fetchStatus).toBe('idle');
    expect(mock.api.requests).toHaveLength(0);
  });

  it('never refetches a terminal task, not even on invalidation or remount', async () => {
    mock.api.setScenario({ timing: 'instant' });
    const taskId = await submit();
    const queryClient = new QueryClient();
    const wrapper = providers({ apiKey: 'sk_a', queryClient });
    const first = renderHook(() => useShownTask(taskId), wrapper);
    await advance(5000);
    expect(first.result.current.data?.status).toBe('completed');
    const gets = mock.gets();
    first.unmount();
    renderHook(() => useShownTask(taskId), wrapper);
    await act(() => queryClient.invalidateQueries());
    await advance(60_000);
    expect(mock.gets()).toBe(gets);
  });

  it('waits after a transient error before the next poll (the client has already retried)', async () => {
    const taskId = await submit('veo3');
    mock.api.inject({ type: 'serverError', status: 500 }, { method: 'GET', times: 4 });
    const { result } = renderHook(() => useShownTask(taskId), providers({ apiKey: 'sk_a' }));
    // The first load fails after the client's 3 retries (1 + 2 + 4 s of backoff).
    await advance(7_500);
    expect(result.current.error?.code).toBe('server_error');
    expect(result.current.data).toBeUndefined();
    // The error arrived at 7 s; the next poll waits 5 s, to 12 s.
    const gets = mock.gets();
    expect(gets).toBe(4);
    await advance(4_400);
    expect(mock.gets()).toBe(gets);
    await advance(600);
    expect(mock.gets()).toBe(gets + 1);
    expect(result.current.error).toBeNull();
  });
});

describe('taskQueryOptions', { timeout: SLOW }, () => {
  it('serves prefetching and reading outside React with the same key', async () => {
    mock.api.setScenario({ timing: 'instant' });
    const taskId = await submit();
    const queryClient = new QueryClient();
    const client = createClient({ baseUrl: ORIGIN, apiKey: 'sk_a' });
    const task = await queryClient.fetchQuery(taskQueryOptions(client, taskId));
    expect(task).toMatchObject({ id: taskId, status: 'completed' });
    expect(queryClient.getQueryData(['gptimage2', 'task', taskId])).toEqual(task);
  });
});

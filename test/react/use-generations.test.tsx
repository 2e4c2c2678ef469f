import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ValidationError, type VideoRequest } from '../../src/core/index.js';
import { useGenerations, useTask, type Generations } from '../../src/react/index.js';
import { advance, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

const mock = setupMockApi({ timing: 'realistic' });
const veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 } as const;
const statuses = (slots: readonly { status: string }[]) => slots.map((slot) => slot.status);

describe('useGenerations', { timeout: SLOW }, () => {
  it('in StrictMode, a double click runs one batch: one POST per slot, two at a time', async () => {
    const { result } = renderHook(
      () => useGenerations({ kind: 'video' }),
      providers({ strict: true }),
    );
    act(() => {
      result.current.submitVariants(veo, 3);
      result.current.submitVariants(veo, 3);
    });
    expect(statuses(result.current.slots)).toEqual(['submitting', 'submitting', 'queued']);
    await advance(0);
    expect(mock.posts()).toBe(2);
    for (let waited = 0; result.current.isBusy && waited < 400_000; waited += 10_000)
      await advance(10_000);
    expect(statuses(result.current.slots)).toEqual(['completed', 'completed', 'completed']);
    expect(mock.posts()).toBe(3);
  });

  it('refuses an invalid batch whole, with the field and the rule, and sends nothing', async () => {
    const { result } = renderHook(() => useGenerations({ kind: 'video' }), providers());
    act(() => void result.current.submitVariants({ ...veo, duration: 7 as 8 }, 4));
    expect(result.current.slots).toEqual([]);
    expect(result.current.error).toBeInstanceOf(ValidationError);
    expect((result.current.error as ValidationError).fieldErrors.duration).toEqual([
      'duration must be 8 for veo3_fast (fixed)',
    ]);
    await advance(1000);
    expect(mock.api.requests).toHaveLength(0);
  });

  it('after a reload in StrictMode, every slot is taken up again with no second POST', async () => {
    const first = renderHook(
      () => useGenerations({ kind: 'video', persist: 'variants', concurrency: 1 }),
      providers({ strict: true }),
    );
    act(() => void first.result.current.submitVariants(veo, 2));
    await advance(0);
    const taskId = first.result.current.slots[0]!.taskId;
    expect(taskId).toMatch(/^tsk_/);
    first.unmount();

    const reloaded = renderHook(
      () => useGenerations({ kind: 'video', persist: 'variants', concurrency: 1 }),
      providers({ strict: true }),
    );
    expect(reloaded.result.current.slots.map((slot) => [slot.status, slot.taskId])).toEqual([
      ['pending', taskId],
      ['queued', null],
    ]);
    for (let waited = 0; reloaded.result.current.isBusy && waited < 400_000; waited += 10_000)
      await advance(10_000);
    expect(statuses(reloaded.result.current.slots)).toEqual(['completed', 'completed']);
    expect(mock.posts()).toBe(2);
    act(() => reloaded.result.current.reset());
    expect(localStorage.length).toBe(0);
  });

  it('shares one poll per task with every component that follows it', async () => {
    function Follower({ taskId }: { taskId: string }) {
      const task = useTask(taskId);
      return <li>{task.data?.status ?? 'loading'}</li>;
    }
    let batch!: Generations<VideoRequest>;
    function Batch() {
      batch = useGenerations({ kind: 'video', concurrency: 4 });
      return (
        <ul>
          {batch.slots.flatMap((slot) =>
            slot.taskId
              ? [1, 2, 3].map((n) => <Follower key={`${slot.id}-${n}`} taskId={slot.taskId!} />)
              : [],
          )}
        </ul>
      );
    }
    render(<Batch />, providers());
    act(() => void batch.submitVariants(veo, 4));
    await advance(0);
    for (let waited = 0; batch.isBusy && waited < 400_000; waited += 10_000) await advance(10_000);
    expect(screen.getAllByText('completed')).toHaveLength(12);
    for (const slot of batch.slots) {
      const times = mock.api.requests
        .filter((r) => r.method === 'GET' && r.path.endsWith(`/${slot.taskId}`))
        .map((r) => r.time);
      // One GET per poll: never two of one task at one instant, though four components follow it.
      expect(times.length).toBeGreaterThan(0);
      expect(new Set(times).size).toBe(times.length);
    }
  });
});

// Persistence through the hooks: a reload re-attaches to a pending task with no new POST, a remount
// waits for a submit in flight, an unanswered submit is remembered as unknown; kept apart per user
// (GptImageProvider's persistScope); a tampered stored value is ignored and removed.
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SubmitOutcomeUnknownError } from '../../src/core/index.js';
import { useGenerateVideo } from '../../src/react/index.js';
import { advance, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

const mock = setupMockApi({ timing: 'realistic' });
const veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 } as const;

function Form({ persist }: { persist?: string }) {
  const video = useGenerateVideo({ persist });
  return (
    <div>
      <button type="button" onClick={() => video.generate(veo)}>
        Generate
      </button>
      <output>{video.status}</output>
      <span data-testid="task">{video.taskId}</span>
    </div>
  );
}

describe('persistence', { timeout: SLOW }, () => {
  it('re-attaches to a pending task after a reload, with no new POST, and forgets it once done', async () => {
    const first = render(<Form persist="video-form" />, providers());
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(0);
    const taskId = screen.getByTestId('task').textContent!;
    expect(taskId).toMatch(/^tsk_/);
    expect(JSON.parse(localStorage.getItem('gptimage2:video-form')!)).toMatchObject({
      taskId,
      model: 'veo3_fast',
    });
    await advance(10_000);
    first.unmount();

    // A reload: a new QueryClient, a new tree, the same storage.
    render(
      <Form persist="video-form" />,
      providers({ queryClient: new QueryClient(), strict: true }),
    );
    await advance(0);
    expect(screen.getByRole('status')).toHaveTextContent('pending');
    expect(screen.getByTestId('task')).toHaveTextContent(taskId);
    await advance(120_000);
    expect(screen.getByRole('status')).toHaveTextContent('completed');
    expect(mock.posts()).toBe(1);
    expect(localStorage.getItem('gptimage2:video-form')).toBeNull();
  });

  it('a form remounted while its submit is in flight waits for that answer instead of submitting again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    mock.api.inject({ type: 'latency', ms: 2000 }, { method: 'POST' });
    const first = render(<Form persist="video-form" />, providers());
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(500);
    first.unmount();
    render(<Form persist="video-form" />, providers());
    await advance(0);
    expect(screen.getByRole('status')).toHaveTextContent('submitting');
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(3000);
    expect(screen.getByRole('status')).toHaveTextContent('pending');
    expect(screen.getByTestId('task').textContent).toMatch(/^tsk_/);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(120_000);
    expect(screen.getByRole('status')).toHaveTextContent('completed');
    expect(mock.posts()).toBe(1);
  });

  it('after a reload during a submit, says its outcome is unknown rather than submitting again', async () => {
    // The page that submitted is gone with its request: only its marker is left.
    localStorage.setItem(
      'gptimage2:video-form',
      JSON.stringify({
        status: 'submitting',
        model: 'veo3_fast',
        submittedAt: Date.now() - 10_000,
      }),
    );
    const { result } = renderHook(() => useGenerateVideo({ persist: 'video-form' }), providers());
    await advance(0);
    expect(result.current.status).toBe('submitting');
    expect(result.current.isBusy).toBe(true);
    await advance(50_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(result.current.isBusy).toBe(false);
    // A second reload says the same; reset() forgets it.
    expect(JSON.parse(localStorage.getItem('gptimage2:video-form')!)).toMatchObject({
      status: 'unknown',
    });
    act(() => result.current.reset());
    expect(localStorage.getItem('gptimage2:video-form')).toBeNull();
    expect(mock.posts()).toBe(0);
  });

  it('remembers a submit that got no answer, so a reload still warns it may have been charged', async () => {
    mock.api.inject({ type: 'drop', phase: 'after' }, { method: 'POST' });
    const first = renderHook(() => useGenerateVideo({ persist: 'video-form' }), providers());
    await act(() => first.result.current.generateAsync(veo).catch(() => {}));
    expect(first.result.current.error).toBeInstanceOf(SubmitOutcomeUnknownError);
    first.unmount();
    const second = renderHook(
      () => useGenerateVideo({ persist: 'video-form' }),
      providers({ queryClient: new QueryClient() }),
    );
    await advance(0);
    expect(second.result.current.status).toBe('failed');
    expect(second.result.current.error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(mock.posts()).toBe(1);
  });

  it('is off unless asked for', async () => {
    render(<Form />, providers());
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(0);
    expect(localStorage.length).toBe(0);
  });

  it('survives a storage that throws', async () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {},
    };
    const { result } = renderHook(
      () => useGenerateVideo({ persist: { key: 'x', storage } }),
      providers(),
    );
    act(() => result.current.generate(veo));
    await advance(0);
    expect(result.current.status).toBe('pending');
  });

  it("keeps users apart: a second account on the same browser does not re-attach to the first one's task", async () => {
    const first = render(<Form persist="video-form" />, providers({ persistScope: 'user-a' }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(0);
    const taskId = screen.getByTestId('task').textContent!;
    expect(taskId).toMatch(/^tsk_/);
    expect(JSON.parse(localStorage.getItem('gptimage2:user-a:video-form')!)).toMatchObject({
      taskId,
    });
    first.unmount();

    // Another account signs in on the same browser and reloads: nothing of user-a's is shown or polled.
    const second = render(
      <Form persist="video-form" />,
      providers({ persistScope: 'user-b', queryClient: new QueryClient() }),
    );
    await advance(30_000);
    expect(screen.getByRole('status')).toHaveTextContent('idle');
    expect(screen.getByTestId('task')).toBeEmptyDOMElement();
    expect(mock.gets()).toBe(0);
    second.unmount();

    // user-a comes back: their task is picked up again.
    render(
      <Form persist="video-form" />,
      providers({ persistScope: 'user-a', queryClient: new QueryClient() }),
    );
    await advance(0);
    expect(screen.getByTestId('task')).toHaveTextContent(taskId);
    await advance(120_000);
    expect(screen.getByRole('status')).toHaveTextContent('completed');
    expect(mock.posts()).toBe(1);
  });

  it.each([
    [
      'a malformed task id',
      JSON.stringify({
        status: 'pending',
        taskId: '%E0%A4%A',
        model: 'veo3_fast',
        submittedAt: Date.UTC(2026, 10, 24, 12),
        creditsUsed: 9,
      }),
    ],
    [
      'an id that is not a string',
      JSON.stringify({
        status: 'pending',
        taskId: 42,
        model: 'veo3_fast',
        submittedAt: Date.UTC(2026, 10, 24, 12),
        creditsUsed: 9,
      }),
    ],
    ['bad JSON', '{"status":"pending","taskId":'],
    ['an unknown status', JSON.stringify({ status: 'done', model: 'veo3_fast', submittedAt: 0 })],
  ])('ignores and removes a tampered value (%s), with a development warning', async (_, stored) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errors: unknown[] = [];
    const onError = (event: ErrorEvent) => void errors.push(event.error);
    window.addEventListener('error', onError);
    localStorage.setItem('gptimage2:video-form', stored);
    const { result } = renderHook(() => useGenerateVideo({ persist: 'video-form' }), providers());
    await advance(10_000);
    window.removeEventListener('error', onError);
    expect(result.current.status).toBe('idle');
    expect(result.current.error).toBeNull();
    expect(localStorage.getItem('gptimage2:video-form')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /ignored and removed an unreadable remembered generation under "gptimage2:video-form"/,
      ),
    );
    expect(errors).toEqual([]);
    expect(mock.api.requests).toHaveLength(0);
    // The hook works as usual afterwards.
    act(() => result.current.generate(veo));
    await advance(0);
    expect(result.current.status).toBe('pending');
  });
});

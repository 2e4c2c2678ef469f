import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SubmitOutcomeUnknownError } from '../../src/core/index.js';
import { useGenerateVideo } from '../../src/react/index.js';
import { advance, providers, setupMockApi } from './harness.js';

const mock = setupMockApi({ timing: 'realistic' });
const veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 } as const;

function Form({ persist }: { persist?: string }) {
  const video = useGenerateVideo({ persist });
  const [renders, setRenders] = useState(0);
  return (
    <div>
      <button type="button" onClick={() => video.generate(veo)}>Generate</button>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>Re-render {renders}</button>
      <output>{video.status}</output>
      <span data-testid="task">{video.taskId}</span>
    </div>
  );
}

describe('exactly one POST per intent', () => {
  it('under a double click', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Form />, providers());
    const button = screen.getByRole('button', { name: 'Generate' });
    fireEvent.click(button);
    fireEvent.click(button);
    await advance(0);
    fireEvent.click(button); // while pending
    await advance(0);
    expect(mock.posts()).toBe(1);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/already in flight/));
  });

  it('with generateAsync called twice in one tick: the second is refused', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result } = renderHook(() => useGenerateVideo(), providers());
    let first!: Promise<unknown>;
    let second!: Promise<unknown>;
    act(() => {
      first = result.current.generateAsync(veo);
      second = result.current.generateAsync(veo).catch((error: Error) => error.message);
    });
    await advance(0);
    await expect(first).resolves.toMatchObject({ taskId: expect.stringMatching(/^tsk_/) });
    await expect(second).resolves.toMatch(/already in flight/);
    expect(mock.posts()).toBe(1);
  });

  it('in StrictMode, across re-renders and remounts: nothing on mount, one on click', async () => {
    const wrapper = providers({ strict: true });
    const { unmount } = render(<Form />, wrapper);
    await advance(1000);
    expect(mock.posts()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(0);
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: /Re-render/ }));
    await advance(1000);
    expect(mock.posts()).toBe(1);
    unmount();
    render(<Form />, wrapper);
    await advance(1000);
    expect(mock.posts()).toBe(1);
  });
});

describe('persistence', () => {
  it('re-attaches to a pending task after a reload, with no new POST, and forgets it once done', async () => {
    const first = render(<Form persist="video-form" />, providers());
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(0);
    const taskId = screen.getByTestId('task').textContent!;
    expect(taskId).toMatch(/^tsk_/);
    expect(JSON.parse(localStorage.getItem('gptimage2:video-form')!)).toMatchObject({ taskId, model: 'veo3_fast' });
    await advance(10_000);
    first.unmount();

    // A reload: a new QueryClient, a new tree, the same storage.
    render(<Form persist="video-form" />, providers({ queryClient: new QueryClient(), strict: true }));
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
    localStorage.setItem('gptimage2:video-form', JSON.stringify({ status: 'submitting', model: 'veo3_fast', submittedAt: Date.now() - 10_000 }));
    const { result } = renderHook(() => useGenerateVideo({ persist: 'video-form' }), providers());
    await advance(0);
    expect(result.current.status).toBe('submitting');
    expect(result.current.isBusy).toBe(true);
    await advance(50_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(result.current.isBusy).toBe(false);
    // A second reload says the same; reset() forgets it.
    expect(JSON.parse(localStorage.getItem('gptimage2:video-form')!)).toMatchObject({ status: 'unknown' });
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
    const second = renderHook(() => useGenerateVideo({ persist: 'video-form' }), providers({ queryClient: new QueryClient() }));
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
    const storage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    const { result } = renderHook(() => useGenerateVideo({ persist: { key: 'x', storage } }), providers());
    act(() => result.current.generate(veo));
    await advance(0);
    expect(result.current.status).toBe('pending');
  });
});

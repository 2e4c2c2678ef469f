import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
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

import { act, renderHook } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  InsufficientCreditsError,
  InvalidResponseError,
  SubmitOutcomeUnknownError,
  TaskFailedError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../src/core/index.js';
import { useGenerateVideo } from '../../src/react/index.js';
import { advance, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

const mock = setupMockApi({ timing: 'realistic' });
const veo = {
  model: 'veo3_fast',
  prompt: 'Waves at dawn',
  duration: 8,
  aspectRatio: '16:9',
} as const;

describe('useGenerateVideo', { timeout: SLOW }, () => {
  it('goes idle → submitting → pending → completed, with the video, credits and each callback once', async () => {
    const onSubmitted = vi.fn();
    const onCompleted = vi.fn();
    const onSettled = vi.fn();
    const { result } = renderHook(
      () => useGenerateVideo({ onSubmitted, onCompleted, onSettled }),
      providers(),
    );
    expect(result.current.status).toBe('idle');
    expect(mock.posts()).toBe(0);

    act(() => result.current.generate(veo));
    expect(result.current.status).toBe('submitting');
    expect(result.current.isBusy).toBe(true);
    await advance(0);
    expect(result.current).toMatchObject({ status: 'pending', creditsUsed: 9, videoUrl: null });
    expect(result.current.taskId).toMatch(/^tsk_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(onSubmitted).toHaveBeenCalledTimes(1);
    expect(onSubmitted.mock.calls[0]![0]).toMatchObject({
      taskId: result.current.taskId,
      creditsUsed: 9,
    });

    // Veo 3.1 Fast takes 30–70 s: the first poll waits 22.5 s; then every 3.5 s.
    await advance(22_000);
    expect(mock.gets()).toBe(0);
    await advance(120_000);
    expect(result.current.status).toBe('completed');
    expect(result.current.videoUrl).toMatch(
      /^http:\/\/localhost:3000\/__mock__\/outputs\/tsk_\w+\/video\.mp4$/,
    );
    expect(result.current.progress).toMatchObject({ estimate: 1, isEstimate: false });
    expect(onCompleted).toHaveBeenCalledTimes(1);
    expect(onSettled).toHaveBeenCalledWith(result.current.task, null);
    expect(mock.posts()).toBe(1);

    // A completed task is never fetched again.
    const gets = mock.gets();
    await advance(300_000);
    expect(mock.gets()).toBe(gets);
    expect(onCompleted).toHaveBeenCalledTimes(1);
  });

  it('refuses an invalid request with field errors for the form, and sends nothing', async () => {
    const onFailed = vi.fn();
    const { result } = renderHook(() => useGenerateVideo({ onFailed }), providers());
    // Missing images and a wrong duration, past the types, to see the run-time errors.
    act(() =>
      result.current.generate({
        model: 'kling/v2-1-pro',
        prompt: 'x',
        duration: 7,
      } as unknown as Parameters<typeof result.current.generate>[0]),
    );
    await advance(0);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(ValidationError);
    expect(result.current.fieldErrors).toEqual({
      inputImageUrls: [
        'Kling V2.1 Pro needs an image: add inputImageUrls or choose Kling V2.1 Master',
      ],
      duration: ['duration must be one of 5, 10 for kling/v2-1-pro'],
    });
    expect(onFailed).toHaveBeenCalledTimes(1);
    expect(mock.api.requests).toHaveLength(0);
    // The form can fix it and go again.
    expect(result.current.isBusy).toBe(false);
  });

  it('reports a short balance with the credits required, and charges nothing', async () => {
    mock.api.setBalance(5);
    const { result } = renderHook(() => useGenerateVideo(), providers());
    await act(() => result.current.generateAsync(veo).catch(() => {}));
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(InsufficientCreditsError);
    expect(result.current.error).toMatchObject({ required: 9 });
    expect(mock.api.balance()).toBe(5);
  });

  it('reports a refused key', async () => {
    mock.api.setScenario('unauthorized');
    const { result } = renderHook(() => useGenerateVideo(), providers());
    await act(() => result.current.generateAsync(veo).catch(() => {}));
    expect(result.current.error).toBeInstanceOf(UnauthorizedError);
  });

  it('reports a failed task with its code and refund, and the credits come back', async () => {
    mock.api.setScenario({ failure: { code: 'STORAGE_ERROR' } });
    const before = mock.api.balance();
    const onFailed = vi.fn();
    const { result } = renderHook(() => useGenerateVideo({ onFailed }), providers());
    act(() => result.current.generate(veo));
    await advance(0);
    expect(mock.api.balance()).toBe(before - 9);
    await advance(150_000);
    expect(result.current.status).toBe('failed');
    const error = result.current.error as TaskFailedError;
    expect(error).toBeInstanceOf(TaskFailedError);
    expect(error).toMatchObject({ errorCode: 'STORAGE_ERROR', creditsRefunded: true });
    expect(result.current.taskId).toBe(error.task.id);
    expect(mock.api.balance()).toBe(before);
    expect(onFailed).toHaveBeenCalledTimes(1);
  });

  it('says so when a submit may have been charged without an answer, and does not resubmit', async () => {
    mock.api.inject({ type: 'drop', phase: 'after' }, { method: 'POST' });
    const { result } = renderHook(() => useGenerateVideo(), providers());
    await act(() => result.current.generateAsync(veo).catch(() => {}));
    expect(result.current.error).toBeInstanceOf(SubmitOutcomeUnknownError);
    expect(mock.posts()).toBe(1);
    expect(mock.api.tasks()).toHaveLength(1);
  });

  it('times out with the task id kept, and resume() follows the same task to the end', async () => {
    const { result } = renderHook(() => useGenerateVideo({ timeoutMs: 25_000 }), providers());
    act(() => result.current.generate({ ...veo, model: 'veo3' })); // 50–120 s
    await advance(0);
    const { taskId } = result.current;
    await advance(40_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(TimeoutError);
    expect(result.current.error).toMatchObject({ taskId });
    expect(result.current.taskId).toBe(taskId);
    const gets = mock.gets();
    await advance(60_000);
    expect(mock.gets()).toBe(gets);

    act(() => result.current.resume());
    await advance(100_000);
    expect(result.current.status).toBe('completed');
    expect(result.current.taskId).toBe(taskId);
    expect(mock.posts()).toBe(1);
  });

  it('follows through transient errors without losing the task', async () => {
    mock.api.inject({ type: 'serverError', status: 503 }, { method: 'GET', times: 6 });
    const { result } = renderHook(() => useGenerateVideo(), providers());
    act(() => result.current.generate(veo));
    await advance(200_000);
    expect(result.current.status).toBe('completed');
    expect(mock.posts()).toBe(1);
  });

  it('shows elapsed time and an estimate that never reaches 100 % before the end', async () => {
    const { result } = renderHook(() => useGenerateVideo(), providers());
    act(() => result.current.generate({ ...veo, model: 'veo3' }));
    await advance(0);
    const seen: number[] = [];
    for (let second = 1; second <= 45; second++) {
      await advance(1000);
      if (result.current.status !== 'pending') break;
      expect(result.current.progress!.elapsedMs).toBe(second * 1000);
      expect(result.current.progress!.isEstimate).toBe(true);
      seen.push(result.current.progress!.estimate!);
    }
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.every((value, i) => value < 0.95 && (i === 0 || value > seen[i - 1]!))).toBe(true);
  });

  it('retry() is an explicit new submit; cancel() stops following and frees the hook', async () => {
    mock.api.setScenario({ failure: { code: 'EMPTY_RESULT' }, timing: 'instant' });
    const { result } = renderHook(() => useGenerateVideo(), providers());
    act(() => result.current.generate(veo));
    await advance(30_000);
    expect(result.current.status).toBe('failed');
    mock.api.setScenario({ timing: 'realistic' });
    act(() => result.current.retry());
    await advance(0);
    expect(mock.posts()).toBe(2);
    expect(result.current.status).toBe('pending');

    act(() => result.current.cancel());
    expect(result.current.status).toBe('idle');
    const gets = mock.gets();
    await advance(200_000);
    expect(mock.gets()).toBe(gets);
  });
});

describe('a completed snapshot without output', { timeout: SLOW }, () => {
  it('is a typed failure, not a completed result with nothing to show', async () => {
    mock.server.use(
      http.get(/\/api\/ai\/tasks\//, ({ request }) =>
        HttpResponse.json({ taskId: request.url.split('/').pop(), status: 1, videoUrl: null }),
      ),
    );
    const { result } = renderHook(() => useGenerateVideo(), providers());
    act(() => result.current.generate(veo));
    await advance(30_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toBeInstanceOf(InvalidResponseError);
    expect(result.current.error?.message).toMatch(/completed without an output URL/);
  });
});

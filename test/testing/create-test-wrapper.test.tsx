import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  useGenerateImage,
  useGenerateVideo,
  useTask,
  TaskProgress,
  useGenerationForm,
  PromptField,
  ModelSelect,
  DurationPicker,
} from '../../src/index.js';
import { createTestWrapper, installDomStubs, type TestWrapper } from '../../src/testing/index.js';

installDomStubs();

let test: TestWrapper;
afterEach(() => test.dispose());

const gets = (t: TestWrapper) => t.api.requests.filter((r) => r.method === 'GET').length;

function VideoButton() {
  const video = useGenerateVideo();
  return (
    <>
      <button
        onClick={() => video.generate({ model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 })}
      >
        Generate
      </button>
      <TaskProgress.Root generation={video}>
        <TaskProgress.Status />
        <TaskProgress.Elapsed />
        <TaskProgress.Result />
      </TaskProgress.Root>
    </>
  );
}

// Minutes of virtual time walked timer by timer, with rendering and user-event typing in jsdom: over
// 15 s of real time on a loaded 2-core machine (seen), so the timeout of the other virtual-time suites.
describe('createTestWrapper', { timeout: 180_000 }, () => {
  it('drives a realistic video to its result on virtual time: the hooks poll only as the clock advances', async () => {
    test = createTestWrapper();
    render(<VideoButton />, { wrapper: test.wrapper });
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Generating…');
    expect(test.api.requests.map((r) => r.method)).toEqual(['POST']);

    // No real time moves the hooks: the first poll is due after most of Veo 3.1 Fast's fastest time.
    await test.advance(20_000);
    expect(gets(test)).toBe(0);
    await test.advance(60_000);
    expect(screen.getByRole('status')).toHaveTextContent('Completed: the video is ready');
    expect(screen.getByLabelText('Generated video: Waves at dawn')).toHaveAttribute(
      'src',
      expect.stringMatching(/\/__mock__\/outputs\/tsk_\w+\/video\.mp4$/),
    );
    expect(gets(test)).toBeGreaterThan(0);

    // A completed task is never fetched again, however long the clock runs.
    const polled = gets(test);
    await test.advance(600_000);
    expect(gets(test)).toBe(polled);
    expect(test.api.balance()).toBe(1000 - test.api.tasks()[0]!.creditsUsed!);
  });

  it('polls at the schedule the hooks use, each poll at its virtual time', async () => {
    test = createTestWrapper();
    const { result } = renderHook(() => useGenerateImage(), { wrapper: test.wrapper });
    const submittedAt = test.clock.now();
    act(() => result.current.generate({ model: 'gpt-image-2', prompt: 'A red fox' }));
    await test.advance(0);
    expect(result.current.status).toBe('pending');
    await test.advance(120_000);
    expect(result.current.status).toBe('completed');
    expect(result.current.imageUrls?.[0]).toMatch(/\/__mock__\/outputs\//);
    const polls = test.api.requests
      .filter((r) => r.method === 'GET')
      .map((r) => r.time - submittedAt);
    expect(polls.length).toBeGreaterThan(0);
    // Polls happen at increasing virtual times, all within the advanced window.
    expect(polls).toEqual([...polls].sort((a, b) => a - b));
    expect(polls.at(-1)).toBeLessThanOrEqual(120_000);
  });

  it('shows the mock’s failures through the hooks, with the refund', async () => {
    test = createTestWrapper({ mock: { scenario: 'providerFailure' } });
    const { result } = renderHook(() => useGenerateImage(), { wrapper: test.wrapper });
    act(() => result.current.generate({ model: 'gpt-image-2', prompt: 'A red fox' }));
    await test.advance(120_000);
    expect(result.current.status).toBe('failed');
    expect(result.current.error).toMatchObject({ code: 'task_failed', creditsRefunded: true });
    expect(test.api.balance()).toBe(1000);
  });

  it('gives each test its own clock, mock and cache: what one leaves behind never reaches the next', async () => {
    const first = createTestWrapper();
    const { result, unmount } = renderHook(() => useGenerateImage(), { wrapper: first.wrapper });
    act(() => result.current.generate({ model: 'gpt-image-2', prompt: 'A red fox' }));
    await first.advance(0);
    const taskId = result.current.taskId!;
    unmount();
    first.dispose();

    test = createTestWrapper();
    expect(test.api.requests).toEqual([]);
    expect(test.queryClient.getQueryCache().getAll()).toEqual([]);
    // The first mock's task is unknown to the second: following it ends in a 404.
    function Follow() {
      const task = useTask(taskId);
      return <p>{task.error?.code ?? task.status}</p>;
    }
    render(<Follow />, { wrapper: test.wrapper });
    await test.advance(10_000);
    expect(screen.getByText('task_not_found')).toBeInTheDocument();
    expect(first.api.requests.filter((r) => r.method === 'GET')).toEqual([]);
  });

  // 90 virtual seconds of a whole form in jsdom: seconds of CPU, so room for a loaded machine.
  it(
    'renders the headless form in jsdom (with the DOM stubs) and submits through it',
    { timeout: 60_000 },
    async () => {
      test = createTestWrapper();
      function Form() {
        const form = useGenerationForm({ kind: 'video', defaultValues: { model: 'veo3_fast' } });
        return (
          <form {...form.getFormProps()}>
            <ModelSelect.Root {...form.getModelSelectProps()}>
              <ModelSelect.Trigger aria-label="Model">
                <ModelSelect.Value />
              </ModelSelect.Trigger>
            </ModelSelect.Root>
            <DurationPicker.Root {...form.getDurationPickerProps()} aria-label="Duration">
              <DurationPicker.Options />
            </DurationPicker.Root>
            <PromptField.Root {...form.getPromptFieldProps()}>
              <PromptField.Label>Prompt</PromptField.Label>
              <PromptField.Textarea />
            </PromptField.Root>
            <button {...form.getSubmitProps()}>Generate</button>
            <TaskProgress.Root {...form.getTaskProgressProps()} />
          </form>
        );
      }
      render(<Form />, { wrapper: test.wrapper });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'A lighthouse in a storm');
      await user.click(screen.getByRole('button', { name: 'Generate' }));
      await test.advance(90_000);
      expect(screen.getByRole('status')).toHaveTextContent('Completed: the video is ready');
      expect(test.api.requests[0]).toMatchObject({
        method: 'POST',
        body: expect.objectContaining({ model: 'veo3_fast', prompt: 'A lighthouse in a storm' }),
      });
    },
  );

  it('refuses a negative or non-numeric advance', async () => {
    test = createTestWrapper();
    await expect(test.advance(-1)).rejects.toThrow(/ms must be a number ≥ 0/);
    await expect(test.advance(Number.NaN)).rejects.toThrow(RangeError);
  });
});

describe('createTestWrapper and time', { timeout: 15_000 }, () => {
  it('moves Date with its clock while in force, and gives the real Date back on dispose', async () => {
    const start = Date.UTC(2030, 0, 1);
    test = createTestWrapper({ now: start });
    expect(Date.now()).toBe(start);
    await test.advance(90_000);
    expect(Date.now()).toBe(start + 90_000);
    expect(new Date().toISOString()).toBe('2030-01-01T00:01:30.000Z');
    expect(new Date(0).getTime()).toBe(0);
    expect(new Date()).toBeInstanceOf(Date);
    await test.dispose();
    expect(Math.abs(Date.now() - performance.timeOrigin - performance.now())).toBeLessThan(60_000);
  });

  it('shows the elapsed time of virtual time, rendering a run of display ticks once', async () => {
    test = createTestWrapper();
    let commits = 0;
    render(
      <Profiler id="video" onRender={() => void commits++}>
        <VideoButton />
      </Profiler>,
      { wrapper: test.wrapper },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await test.advance(0);
    // Veo 3.1 Fast's first poll is due after 20 s: until then only the elapsed time changes.
    commits = 0;
    await test.advance(15_000);
    expect(screen.getByRole('status')).toHaveTextContent('Generating…');
    expect(document.querySelector('time')).toHaveTextContent('0:15');
    expect(commits).toBe(1);
    expect(gets(test)).toBe(0);
  });
});

describe('useTask on virtual time', { timeout: 15_000 }, () => {
  it('arms no poll while one is in flight: a 404 waiting to be retried spins no timer meanwhile', async () => {
    test = createTestWrapper();
    // Every timer TanStack Query and the mock set goes through the clock's sleep.
    let timers = 0;
    const sleep = test.clock.sleep;
    test.clock.sleep = (ms, signal) => {
      timers++;
      return sleep(ms, signal);
    };
    function Follow() {
      const task = useTask('tsk_missing');
      return <p>{task.error?.code ?? task.status}</p>;
    }
    render(<Follow />, { wrapper: test.wrapper });
    await test.advance(10_000);
    expect(screen.getByText('task_not_found')).toBeInTheDocument();
    // The first look and two retries 2 s apart, with a handful of timers: not one every millisecond.
    expect(gets(test)).toBe(3);
    expect(timers).toBeLessThan(20);
  });
});

// A user's test with Vitest's fake timers on: the wrapper's clock and TanStack Query's batched renders
// run on their own, so only `advance` moves the hooks, as without fake timers.
describe('createTestWrapper under vi.useFakeTimers()', { timeout: 15_000 }, () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    await test.dispose();
    vi.useRealTimers();
  });

  it('drives a video to its result', async () => {
    test = createTestWrapper();
    render(<VideoButton />, { wrapper: test.wrapper });
    // Testing Library's async helpers (user-event, findBy) wait on the faked setTimeout under Vitest (it
    // only knows Jest's fake timers): a click through fireEvent, or see the next test.
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await test.advance(0);
    expect(screen.getByRole('status')).toHaveTextContent('Generating…');
    await test.advance(70_000);
    expect(screen.getByRole('status')).toHaveTextContent('Completed: the video is ready');
    expect(screen.getByLabelText('Generated video: Waves at dawn')).toBeInTheDocument();
    expect(test.api.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // The wrapper's Date wins while it is in force, over the fake one.
    expect(Date.now()).toBe(test.clock.now());
  });

  it('works beside user-event when the fake timers advance with real time', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    test = createTestWrapper();
    render(<VideoButton />, { wrapper: test.wrapper });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Generating…');
    await test.advance(70_000);
    expect(screen.getByRole('status')).toHaveTextContent('Completed: the video is ready');
  });

  it('renders what TanStack Query’s own hooks batch (on a timer the fake ones do not hold)', async () => {
    test = createTestWrapper();
    const submitted = test.client.generateImage({ model: 'gpt-image-2', prompt: 'A red fox' });
    await test.advance(5_000);
    const { taskId } = await submitted;
    function Follow() {
      const task = useTask(taskId);
      return <p>Task: {task.data?.status ?? 'loading'}</p>;
    }
    render(<Follow />, { wrapper: test.wrapper });
    await test.advance(120_000);
    expect(screen.getByText('Task: completed')).toBeInTheDocument();
  });

  it('leaves the fake timers to the test: advancing them moves nothing of the wrapper', async () => {
    test = createTestWrapper();
    const { result } = renderHook(() => useGenerateImage(), { wrapper: test.wrapper });
    act(() => result.current.generate({ model: 'gpt-image-2', prompt: 'A red fox' }));
    await test.advance(0);
    expect(result.current.status).toBe('pending');
    await act(() => vi.advanceTimersByTimeAsync(600_000));
    expect(result.current.status).toBe('pending');
    expect(gets(test)).toBe(0);
    await test.advance(120_000);
    expect(result.current.status).toBe('completed');
  });
});

import { render, renderHook, screen, act } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
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
        <TaskProgress.Result />
      </TaskProgress.Root>
    </>
  );
}

// Real time on a loaded machine: rendering and user-event typing in jsdom, not the virtual minutes.
describe('createTestWrapper', { timeout: 15_000 }, () => {
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

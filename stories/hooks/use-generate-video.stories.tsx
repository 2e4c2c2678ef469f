import type { Meta, StoryObj } from '@storybook/react-vite';
import { fixedPollSchedule, useGenerateVideo, type VideoRequest } from 'gptimage2-react';
import { expect, waitFor } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import { GenerationView } from './generation-harness';
import '../theme/theme.css';

interface DemoProps {
  /** What `generate` submits. Edit it in Controls. */
  request: VideoRequest;
  /** `timeoutMs` of the hook: stop following after this long. Defaults to 10 minutes. */
  timeoutMs?: number;
  /** Poll every this many ms (`schedule: fixedPollSchedule(ms)`) instead of the model-aware schedule. */
  pollEveryMs?: number;
}

/** `useGenerateVideo` with every field of its result on show. */
function UseGenerateVideoDemo({ request, timeoutMs, pollEveryMs }: DemoProps) {
  const video = useGenerateVideo({
    timeoutMs,
    schedule: pollEveryMs ? fixedPollSchedule(pollEveryMs) : undefined,
  });
  return (
    <GenerationView
      hook="useGenerateVideo"
      generation={video}
      request={request}
      onGenerate={() => video.generate(request)}
      result={
        video.videoUrl && (
          <video
            src={video.videoUrl}
            aria-label="Generated video"
            controls
            autoPlay
            muted
            loop
            playsInline
          />
        )
      }
    />
  );
}

const veo: VideoRequest = {
  model: 'veo3_fast',
  prompt: 'A slow dolly around a ceramic cup, morning light',
  duration: 8,
  aspectRatio: '16:9',
};

const meta = {
  title: 'Hooks/useGenerateVideo',
  component: UseGenerateVideoDemo,
  tags: ['autodocs'],
  args: { request: veo },
  parameters: {
    mock: { panel: true },
    docs: {
      description: {
        component:
          'Submits a video generation and follows it to its result: `idle → submitting → pending → completed | failed`. ' +
          'Each story pins the mock scenario that produces one state; the toolbar’s **API** menu changes it for the others. ' +
          'The panel under each story is the mock’s account: watch credits leave on submit and come back on a refund.',
      },
    },
  },
} satisfies Meta<typeof UseGenerateVideoDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing happens on mount: no request until `generate` is called. */
export const Idle: Story = {
  play: async ({ canvas, id }) => {
    await expect(canvas.getByTestId('status')).toHaveTextContent('idle');
    await expect(canvas.getByRole('button', { name: 'Generate' })).toBeEnabled();
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/** While the POST is in flight: `isBusy` is true and a second `generate` is refused. The mock holds this submit for an hour. */
export const Submitting: Story = {
  parameters: {
    mock: {
      panel: true,
      setup: (api) => api.inject({ type: 'latency', ms: 3_600_000 }, { method: 'POST' }),
    },
  },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent('submitting');
    await expect(canvas.getByRole('button', { name: 'Generate' })).toBeDisabled();
    await waitFor(() => expect(mockApiOf(id).requests).toHaveLength(1));
  },
};

/** Accepted and charged; the API reports no progress, so the bar is an estimate from the model’s typical time. Runs in real time. */
export const PendingWithProgress: Story = {
  globals: { scenario: 'realistic', speed: 'realtime' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('pending'));
    await expect(canvas.getByRole('progressbar', { name: 'Progress (estimate)' })).toBeVisible();
    await expect(canvas.getByTestId('credits-used')).toHaveTextContent('9');
    await expect(canvas.getByTestId('mock-balance')).toHaveTextContent('991');
  },
};

/** The task completed: `videoUrl` is set and the clip plays. */
export const Completed: Story = {
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    const video = await canvas.findByLabelText<HTMLVideoElement>(
      'Generated video',
      {},
      { timeout: 10_000 },
    );
    await expect(canvas.getByTestId('status')).toHaveTextContent('completed');
    await waitFor(
      () => expect(video.readyState).toBeGreaterThanOrEqual(HTMLMediaElement.HAVE_CURRENT_DATA),
      { timeout: 5000 },
    );
    await waitFor(() => expect(video.paused).toBe(false));
  },
};

/** The provider failed the task: a `TaskFailedError` with its code, and the credits come back (see the balance). */
export const FailedWithRefund: Story = {
  globals: { scenario: 'providerFailure' },
  // Tasks fail within 0.9–2.1 s, before the first poll: the balance shows the charge, then the refund.
  parameters: { mock: { panel: true, timing: 0.3 } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('pending'));
    await expect(canvas.getByTestId('mock-balance')).toHaveTextContent('991');
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('failed'), {
      timeout: 10_000,
    });
    await expect(canvas.getByRole('alert')).toHaveTextContent('task_failed');
    await expect(canvas.getByRole('alert')).toHaveTextContent('moderation_blocked');
    await expect(canvas.getByRole('alert')).toHaveTextContent('credits refunded');
    await expect(canvas.getByTestId('mock-balance')).toHaveTextContent('1000');
  },
};

/** A request that breaks the model’s rules is refused before it is sent: `fieldErrors` for the form, and no credit spent. */
export const InvalidRequest: Story = {
  args: { request: { model: 'veo3_fast', prompt: '', duration: 5 } as unknown as VideoRequest },
  play: async ({ canvas, userEvent, id }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await expect(canvas.getByTestId('status')).toHaveTextContent('failed');
    const errors = canvas.getByText(/Field errors/).closest('[role="alert"]') as HTMLElement;
    await expect(errors).toHaveTextContent('prompt');
    await expect(errors).toHaveTextContent('duration');
    await expect(mockApiOf(id).requests).toHaveLength(0);
  },
};

/** The account cannot pay: a 402 with the price, and nothing charged. */
export const InsufficientCredits: Story = {
  parameters: { mock: { panel: true, credits: 5 } },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('failed'));
    await expect(canvas.getByRole('alert')).toHaveTextContent('insufficient_credits');
    await expect(canvas.getByRole('alert')).toHaveTextContent('9 credits required');
    await expect(canvas.getByTestId('mock-balance')).toHaveTextContent('5');
  },
};

/**
 * Following stopped after `timeoutMs` (2 s here, polling every 0.5 s, in real time) with the task still
 * pending: a `TimeoutError` that keeps the task id. **Resume** follows the same task again, with no new charge.
 */
export const Timeout: Story = {
  args: { timeoutMs: 2000, pollEveryMs: 500 },
  globals: { scenario: 'realistic', speed: 'realtime' },
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Generate' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('failed'), {
      timeout: 8000,
    });
    await expect(canvas.getByRole('alert')).toHaveTextContent('timeout');
    await expect(canvas.getByRole('button', { name: 'Resume' })).toBeVisible();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  InsufficientCreditsError,
  TaskFailedError,
  TaskProgress,
  TimeoutError,
  useGptImageClient,
  type DraftRequest,
  type GenerationLike,
  type ModelKind,
  type Task,
} from 'gptimage2-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { expect, waitFor } from 'storybook/test';
import { StyledTaskProgressParts } from '../recipes/recipe-parts';
import '../theme/theme.css';

const meta = {
  title: 'Components/TaskProgress',
  component: TaskProgress.Root,
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component:
          'Shows a task: follows an id (`taskId`), shows a snapshot (`task`), or a generation hook’s whole lifecycle ' +
          '(`generation`). Its parts: the status in words, the elapsed time, an estimated progress bar (indeterminate where ' +
          'no estimate exists), the failure and what happened to the credits, and the result (http(s) URLs only). Status ' +
          'changes are announced politely. Data: `data-state` on the root and the status; the bar’s indicator has `--progress`.',
      },
    },
  },
} satisfies Meta<typeof TaskProgress.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Styled through `data-state` and the bar's `--progress`, following a task in the toolbar's scenario. */
export const Styled: Story = {
  tags: ['visual'],
  render: () => (
    <div className="recipe-scope" style={{ maxWidth: '26rem' }}>
      <WithTask kind="video" request={clip}>
        {(taskId) => (
          <TaskProgress.Root taskId={taskId} className="recipe-progress">
            {/* Status, Elapsed, Bar, Error, Refund, Result with class names: see recipe-parts.tsx */}
            <StyledTaskProgressParts />
          </TaskProgress.Root>
        )}
      </WithTask>
    </div>
  ),
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getByRole('progressbar')).toHaveClass('recipe-bar'));
    // The styled result is what this story shows (and what its screenshots hold): wait for it.
    await waitFor(
      () =>
        expect(
          canvas.getByText(/Completed: the video is ready/, { selector: '.recipe-status' }),
        ).toBeVisible(),
      {
        timeout: 25_000,
      },
    );
  },
};

/** A snapshot as the API returns it. */
const snapshot = (patch: Partial<Task>): Task => ({
  id: 'tsk_01JDEMO0000000000000000000',
  status: 'pending',
  type: 'video',
  model: 'veo3_fast',
  prompt: 'Waves at dawn',
  request: null,
  imageUrls: [],
  videoUrl: null,
  errorCode: null,
  errorMessage: null,
  creditsUsed: 9,
  creditsRefunded: false,
  createdAt: null,
  updatedAt: null,
  ...patch,
});

/** A generation hook's result, as `generation` takes it. */
const generation = (patch: Partial<GenerationLike>): GenerationLike => ({
  status: 'idle',
  taskId: null,
  task: null,
  error: null,
  submittedAt: null,
  creditsUsed: null,
  request: { model: 'veo3_fast' },
  ...patch,
});

/** Submits one task to the story's mock when it mounts (a story device: apps submit on intent), then renders with its id. */
function WithTask({
  kind,
  request,
  children,
}: {
  kind: ModelKind;
  request: DraftRequest;
  children: (taskId: string | null) => ReactNode;
}) {
  const client = useGptImageClient();
  const [taskId, setTaskId] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void client.submit(kind, request).then((submission) => setTaskId(submission.taskId));
  }, [client, kind, request]);
  return children(taskId);
}

const clip: DraftRequest = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 };
const stills: DraftRequest = { model: 'gpt-image-2', prompt: 'A red fox in fresh snow' };

/** Nothing to show yet. */
export const Idle: Story = {
  args: { generation: generation({}) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Not started')).toBeVisible();
    await expect(canvas.queryByRole('progressbar')).toBeNull();
  },
};

/** The POST is in flight: an indeterminate bar (no `aria-valuenow`). */
export const Submitting: Story = {
  args: { generation: generation({ status: 'submitting' }) },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Submitting…', { selector: '[data-state]' })).toBeVisible();
    await expect(canvas.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
  },
};

/** Pending, three seconds in: an estimate from the model's typical time, named as one, never 100 before done. */
export const PendingWithEstimate: Story = {
  render: function Render() {
    const [submittedAt] = useState(() => Date.now() - 3000);
    const task = snapshot({ model: 'kling/v2-1-pro' });
    return (
      <TaskProgress.Root
        generation={generation({
          status: 'pending',
          taskId: task.id,
          task,
          submittedAt,
          creditsUsed: 42,
          request: { model: 'kling/v2-1-pro' },
        })}
      />
    );
  },
  play: async ({ canvas }) => {
    const bar = canvas.getByRole('progressbar', { name: 'Estimated progress' });
    await expect(bar).toHaveAttribute('data-estimate');
    await expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(95);
    await expect(canvas.getByText('0:03')).toBeVisible();
  },
};

/** Pending with no model to estimate from: the bar is indeterminate. */
export const PendingWithoutEstimate: Story = {
  args: { task: snapshot({ model: null }) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar')).not.toHaveAttribute('aria-valuenow');
    await expect(canvas.getByRole('progressbar')).toHaveAttribute('data-state', 'indeterminate');
  },
};

/** Following a task by id (`taskId`) to its end: here a video, which then plays. (Pinned to *Instant*.) */
export const CompletedVideo: Story = {
  globals: { scenario: 'instant' },
  render: () => (
    <WithTask kind="video" request={clip}>
      {(taskId) => <TaskProgress.Root taskId={taskId} />}
    </WithTask>
  ),
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText(
        'Completed: the video is ready',
        { selector: '[data-state]' },
        { timeout: 10_000 },
      ),
    ).toBeVisible();
    const video = canvas.getByLabelText<HTMLVideoElement>('Generated video: Waves at dawn');
    await waitFor(() =>
      expect(video.readyState).toBeGreaterThanOrEqual(HTMLMediaElement.HAVE_CURRENT_DATA),
    );
    await expect(canvas.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute(
      'aria-valuenow',
      '100',
    );
  },
};

/** An image task's result. (Pinned to *Instant*.) */
export const CompletedImages: Story = {
  globals: { scenario: 'instant' },
  render: () => (
    <WithTask kind="image" request={stills}>
      {(taskId) => <TaskProgress.Root taskId={taskId} />}
    </WithTask>
  ),
  play: async ({ canvas }) => {
    const image = await canvas.findByRole<HTMLImageElement>(
      'img',
      { name: /^Generated image/ },
      { timeout: 10_000 },
    );
    await waitFor(() => expect(image.naturalWidth).toBeGreaterThan(0));
  },
};

/** Failed, with the provider's reason and the credits refunded (`data-refunded`). */
export const FailedAndRefunded: Story = {
  args: {
    task: snapshot({
      status: 'failed',
      errorCode: 'moderation_blocked',
      errorMessage: "The provider's safety system rejected the request",
      creditsRefunded: true,
    }),
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText("The provider's safety system rejected the request", { selector: 'p' }),
    ).toHaveAttribute('data-code', 'moderation_blocked');
    await expect(canvas.getByText('9 credits refunded')).toHaveAttribute('data-refunded');
  },
};

/** Failed, the refund not in the snapshot yet: the API refunds "shortly". */
export const FailedRefundPending: Story = {
  args: { task: snapshot({ status: 'failed', errorCode: 'EMPTY_RESULT', errorMessage: null }) },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText('The generation failed (EMPTY_RESULT)', { selector: 'p' }),
    ).toBeVisible();
    await expect(canvas.getByText('9 credits will be refunded shortly')).toBeVisible();
  },
};

/** Following gave up with the task still pending: it may still finish, and stays charged until it fails. */
export const TimedOut: Story = {
  render: () => {
    const task = snapshot({});
    return (
      <TaskProgress.Root
        generation={generation({
          status: 'failed',
          taskId: task.id,
          task,
          creditsUsed: 9,
          submittedAt: Date.now() - 600_000,
          error: new TimeoutError(task.id, 600_000, task),
        })}
      />
    );
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText('Stopped waiting for the result; the task may still finish', {
        selector: 'p',
      }),
    ).toBeVisible();
    await expect(canvas.getByText('9 credits charged; refunded if the task fails')).toBeVisible();
  },
};

/** Refused before any task existed (402): nothing was charged. */
export const NothingCharged: Story = {
  args: { generation: generation({ status: 'failed', error: new InsufficientCreditsError(9) }) },
  play: async ({ canvas, canvasElement }) => {
    // One message per fact: the reason, then the credits, each once; no timer for a task never begun.
    await expect(canvas.getByText('Not enough credits: 9 required')).toBeVisible();
    await expect(canvas.getAllByText(/nothing was charged/i)).toHaveLength(1);
    await expect(canvasElement.querySelector('time')).toBeNull();
  },
};

/** A failed generation from the hook: the `TaskFailedError` carries the task. */
export const FailedGeneration: Story = {
  render: () => {
    const task = snapshot({
      status: 'failed',
      errorCode: 'STORAGE_ERROR',
      errorMessage: 'The output could not be saved to storage',
      creditsRefunded: true,
    });
    return (
      <TaskProgress.Root
        generation={generation({
          status: 'failed',
          taskId: task.id,
          task,
          creditsUsed: 9,
          submittedAt: Date.now() - 40_000,
          error: new TaskFailedError(task),
        })}
      />
    );
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByText('The output could not be saved to storage', { selector: 'p' }),
    ).toHaveAttribute('data-code', 'STORAGE_ERROR');
  },
};

/** Your own layout from the parts, with the result rendered by a function (here a looping, muted clip). (Pinned to *Instant*.) */
export const CustomParts: Story = {
  globals: { scenario: 'instant' },
  render: () => (
    <WithTask kind="video" request={clip}>
      {(taskId) => (
        <TaskProgress.Root taskId={taskId} announce={false}>
          <h3>
            <TaskProgress.Status /> (<TaskProgress.Elapsed />)
          </h3>
          <TaskProgress.Result>
            {(outputs) => (
              <video
                src={outputs.urls[0]}
                aria-label="Your clip"
                autoPlay
                muted
                loop
                playsInline
                width={320}
              />
            )}
          </TaskProgress.Result>
        </TaskProgress.Root>
      )}
    </WithTask>
  ),
  play: async ({ canvas }) => {
    const video = await canvas.findByLabelText<HTMLVideoElement>(
      'Your clip',
      {},
      { timeout: 10_000 },
    );
    await waitFor(() => expect(video.paused).toBe(false));
  },
};

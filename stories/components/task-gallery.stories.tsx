import type { Meta, StoryObj } from '@storybook/react-vite';
import { NetworkError, TaskGallery } from 'gptimage2-react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StyledTaskGallery } from '../recipes/gallery-parts';
import { usePages, useSeededTasks, type TaskSeed } from '../support/seeded-tasks';
import '../theme/theme.css';

const meta = {
  title: 'Components/TaskGallery',
  component: TaskGallery.Root,
  tags: ['autodocs'],
  args: { tasks: [], onOpen: fn(), onRetry: fn(), onUseAsInput: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'A gallery of tasks (a history, a batch) that reads no hook: give it `tasks` and the paging state. Each item ' +
          'shows its media, status, a live estimate while pending, prompt, model, credits and refund, with actions to ' +
          'open, download, retry with the same request and use an output as the next input image. The items are a ' +
          '`feed` of `article`s with one tab stop: arrows move as the items are laid out, Home/End to the ends, Tab ' +
          'to the item’s actions, Escape back, Enter opens. Loads are announced ("6 more tasks loaded"). Data: ' +
          '`data-state` and `data-kind` on items and media, `data-active` on the tab stop, `data-loading`, ' +
          '`data-empty`, `data-error`, `data-has-more` on the root.',
      },
    },
  },
} satisfies Meta<typeof TaskGallery.Root>;

export default meta;
type Story = StoryObj<typeof meta>;

const waves: TaskSeed = {
  kind: 'video',
  request: { model: 'veo3_fast', prompt: 'Waves at dawn, slow pan', aspectRatio: '16:9' },
};
const fox: TaskSeed = {
  kind: 'image',
  request: { model: 'gpt-image-2', prompt: 'A red fox in fresh snow', aspectRatio: '3:2' },
};
const lighthouse: TaskSeed = {
  kind: 'image',
  request: {
    model: 'nano-banana-2',
    prompt: 'A lighthouse at dusk, watercolor',
    aspectRatio: '1:1',
  },
};
const refused: TaskSeed = {
  kind: 'video',
  request: { model: 'veo3_fast', prompt: 'A crowd at a concert, handheld' },
  fails: {
    code: 'moderation_blocked',
    message: "The provider's safety system rejected the request",
  },
};

/** Every card is done: an image, a video, a failure with its refund. The tasks are the story's mock's. (Pinned to *Instant*.) */
export const Styled: Story = {
  tags: ['visual'],
  globals: { scenario: 'instant' },
  render: function Render(args, { id }) {
    const { tasks } = useSeededTasks(id, [refused, lighthouse, waves, fox]);
    return <StyledTaskGallery {...args} tasks={tasks} loading={tasks.length < 4} />;
  },
  play: async ({ canvas }) => {
    // What the screenshots hold: four finished cards, their media loaded.
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(4), {
      timeout: 10_000,
    });
    await waitFor(
      () =>
        expect(canvas.getAllByRole('article').map((card) => card.dataset.state)).toEqual([
          'completed',
          'completed',
          'completed',
          'failed',
        ]),
      { timeout: 15_000 },
    );
    const image = canvas.getByAltText<HTMLImageElement>(/^Generated image: A red fox/);
    await waitFor(() => expect(image.naturalWidth).toBeGreaterThan(0));
    const video = canvas.getByLabelText<HTMLVideoElement>(/^Generated video: Waves at dawn/);
    await waitFor(() =>
      expect(video.readyState).toBeGreaterThanOrEqual(HTMLMediaElement.HAVE_METADATA),
    );
    await expect(canvas.getByText('9 credits refunded')).toHaveAttribute('data-refunded');
  },
};

/** The first page is loading: skeleton cards; the live region says "Loading tasks…". */
export const Loading: Story = {
  tags: ['visual'],
  args: { loading: true },
  render: (args) => <StyledTaskGallery {...args} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('feed', { name: 'Your generations' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** Nothing generated yet (`role="status"`). */
export const Empty: Story = {
  tags: ['visual'],
  render: (args) => <StyledTaskGallery {...args} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByText('No generations yet').parentElement).toHaveAttribute(
      'role',
      'status',
    );
  },
};

/** The history could not be loaded (`role="alert"`), with a way to try again. */
export const LoadError: Story = {
  tags: ['visual'],
  args: { error: new NetworkError('Failed to fetch') },
  render: (args) => <StyledTaskGallery {...args} onReload={() => {}} />,
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Your tasks could not be loaded: Network error: Failed to fetch',
    );
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/** Pending items show an estimate from the model's typical time, live, until their media arrive. (Time-lapse.) */
export const PendingItems: Story = {
  globals: { scenario: 'realistic' },
  render: function Render(args, { id }) {
    const { tasks } = useSeededTasks(id, [waves, lighthouse]);
    return <StyledTaskGallery {...args} tasks={tasks} />;
  },
  play: async ({ canvas }) => {
    const bars = await canvas.findAllByRole('progressbar', { name: 'Estimated progress' });
    await expect(bars[0]).toHaveAttribute('data-estimate');
    await waitFor(
      () =>
        expect(
          canvas.getAllByRole('article').every((card) => card.dataset.state === 'completed'),
        ).toBe(true),
      { timeout: 25_000 },
    );
    await expect(canvas.queryByRole('progressbar')).toBeNull();
  },
};

/** A completed image and a completed video, with their downloads and "Use as input" for the image. (Pinned to *Instant*.) */
export const CompletedImageAndVideo: Story = {
  globals: { scenario: 'instant' },
  render: function Render(args, { id }) {
    const { tasks } = useSeededTasks(id, [waves, fox]);
    return <StyledTaskGallery {...args} tasks={tasks} />;
  },
  play: async ({ args, canvas }) => {
    const image = await canvas.findByAltText<HTMLImageElement>(
      /^Generated image: A red fox/,
      {},
      { timeout: 10_000 },
    );
    const card = within(canvas.getByRole('article', { name: /^Image, ready/ }));
    await expect(card.getByRole('link', { name: 'Download' })).toHaveAttribute('download');
    await userEvent.click(card.getByRole('button', { name: 'Use as input' }));
    await expect(args.onUseAsInput).toHaveBeenCalledWith(image.src, expect.anything());
    await waitFor(() => expect(canvas.getByLabelText(/^Generated video/)).toBeVisible(), {
      timeout: 10_000,
    });
  },
};

/** A failed task: its reason, and its credits refunded. Retry sends the same request again. (Pinned to *Instant*.) */
export const FailedWithRefund: Story = {
  globals: { scenario: 'instant' },
  render: function Render(args, { id }) {
    const { tasks } = useSeededTasks(id, [refused]);
    return <StyledTaskGallery {...args} tasks={tasks} />;
  },
  play: async ({ args, canvas }) => {
    await expect(
      await canvas.findByText('9 credits refunded', {}, { timeout: 10_000 }),
    ).toHaveAttribute('data-refunded');
    await expect(canvas.getByText(/safety system rejected/)).toHaveAttribute(
      'data-code',
      'moderation_blocked',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

/** Three at a time: "Load more" is busy while the next page loads, then says how many arrived and focuses the first. (Pinned to *Instant*.) */
export const LoadMore: Story = {
  globals: { scenario: 'instant' },
  render: function Render(args, { id }) {
    const { tasks, ready } = useSeededTasks(id, [
      refused,
      lighthouse,
      waves,
      fox,
      lighthouse,
      waves,
    ]);
    const pages = usePages(tasks, 3);
    return (
      <StyledTaskGallery
        {...args}
        tasks={ready ? pages.shown : []}
        hasMore={ready && pages.hasMore}
        loading={!ready || pages.loading}
        onLoadMore={pages.loadMore}
      />
    );
  },
  play: async ({ canvas, canvasElement }) => {
    const more = await canvas.findByRole('button', { name: 'Load more' }, { timeout: 10_000 });
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(3), {
      timeout: 10_000,
    });
    await userEvent.click(more);
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(6));
    await waitFor(() => expect(canvas.getAllByRole('article')[3]).toHaveFocus());
    const region = canvasElement.ownerDocument.querySelector('[aria-live="polite"]');
    await expect(region).toHaveTextContent('3 more tasks loaded. That is all of them');
  },
};

/** The headless anatomy: every part with its defaults and no styles. (Pinned to *Instant*.) */
export const Headless: Story = {
  globals: { scenario: 'instant' },
  render: function Render(args, { id }) {
    const { tasks } = useSeededTasks(id, [refused, fox]);
    return <TaskGallery.Root {...args} tasks={tasks} />;
  },
  play: async ({ canvas }) => {
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(2), {
      timeout: 10_000,
    });
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { mockApiOf } from '../support/mock';
import { useSeededMock, type TaskSeed } from '../support/seeded-tasks';
import { History } from './history';
import '../theme/theme.css';

/**
 * The tasks behind the recipe: the story submits these to its own mock when it opens (newest last);
 * the recipe's `useTaskHistory` then reads the mock's list (`GET /api/ai/tasks`), six at a time.
 */
const seeds: TaskSeed[] = [
  {
    kind: 'image',
    request: { model: 'gpt-image-2', prompt: 'A red fox in fresh snow', aspectRatio: '3:2' },
  },
  {
    kind: 'video',
    request: { model: 'veo3_lite', prompt: 'Waves at dawn, slow pan', aspectRatio: '16:9' },
  },
  {
    kind: 'image',
    request: {
      model: 'nano-banana-2',
      prompt: 'A lighthouse at dusk, watercolor',
      aspectRatio: '1:1',
    },
  },
  {
    kind: 'video',
    request: { model: 'veo3_fast', prompt: 'A crowd at a concert, handheld', aspectRatio: '16:9' },
    fails: {
      code: 'moderation_blocked',
      message: "The provider's safety system rejected the request",
    },
  },
  {
    kind: 'image',
    request: { model: 'gpt-image-2', prompt: 'A paper boat on a river', aspectRatio: '4:3' },
  },
  {
    kind: 'image',
    request: {
      model: 'nano-banana-2',
      prompt: 'Isometric city block at night',
      aspectRatio: '1:1',
    },
  },
  {
    kind: 'image',
    request: { model: 'gpt-image-2', prompt: 'A bowl of ramen, top view', aspectRatio: '1:1' },
  },
  {
    kind: 'video',
    request: { model: 'veo3_lite', prompt: 'Rain on a window, close up', aspectRatio: '16:9' },
  },
];

/** The recipe over the story's mock, once the mock holds `seeds`. */
function HistoryOverTheMock({ storyId, seeds }: { storyId: string; seeds: readonly TaskSeed[] }) {
  const seeded = useSeededMock(storyId, seeds);
  return seeded ? <History limit={6} /> : <p className="recipe-hint">Filling the mock…</p>;
}

const meta = {
  title: 'Recipes/History',
  tags: ['autodocs', 'visual'],
  parameters: {
    layout: 'padded',
    mock: { panel: true },
    docs: {
      description: {
        component:
          'A "History" screen from `TaskGallery`: every generation with its media, status, estimate while pending, ' +
          'model, credits and refund. **Open** shows one large in a dialog, **Retry** sends the same request again (a new ' +
          'task appears first, live), **Use as input** starts an image generation from an output, **Load more** brings ' +
          'the next page. Arrow keys move between cards as they are laid out; Tab reaches a card’s actions. The source ' +
          'is `stories/recipes/history.tsx`: `useTaskHistory` reads the story’s mock, which answers the list as the ' +
          'proxy does, six at a time.',
      },
    },
  },
  render: (_args, { id, parameters }) => (
    <HistoryOverTheMock
      storyId={id}
      seeds={(parameters.seeds as TaskSeed[] | undefined) ?? seeds}
    />
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The first page on the toolbar's scenario: the newest cards are still generating, live, each with its estimate. */
export const Default: Story = {
  // Live by design: its look changes by the second, so the screenshots are of *Finished*.
  tags: ['!visual'],
  play: async ({ canvas, id }) => {
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(6), {
      timeout: 15_000,
    });
    // The newest task was submitted last: it is still generating when the page shows.
    const newest = canvas.getAllByRole('article')[0]!;
    await expect(newest).toHaveAccessibleName('Video, generating: Rain on a window, close up');
    await expect(
      within(newest).getByRole('progressbar', { name: 'Estimated progress' }),
    ).toBeVisible();
    // It stays live: the card turns ready when the task completes, with the list read only once.
    await canvas.findByRole(
      'article',
      { name: 'Video, ready: Rain on a window, close up' },
      { timeout: 60_000 },
    );
    const lists = mockApiOf(id).requests.filter(
      (request) => request.method === 'GET' && request.path === '/api/ai/tasks',
    );
    await expect(lists).toHaveLength(1);
  },
};

/** The first page with every card finished, and "Load more" for the rest. (Pinned to *Instant*.) */
export const Finished: Story = {
  globals: { scenario: 'instant' },
  play: async ({ canvas }) => {
    // What the screenshots hold: the first page, every card finished, every image decoded.
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(6), {
      timeout: 15_000,
    });
    await waitFor(
      () =>
        expect(
          canvas.getAllByRole('article').filter((card) => card.dataset.state === 'pending'),
        ).toHaveLength(0),
      { timeout: 15_000 },
    );
    const failed = canvas.getByRole('article', {
      name: 'Video, failed: A crowd at a concert, handheld',
    });
    await expect(within(failed).getByText(/refunded$/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Load more' })).toBeVisible();
    for (const image of canvas.getAllByRole<HTMLImageElement>('img'))
      await waitFor(() => expect(image.naturalWidth).toBeGreaterThan(0));
  },
};

/** Keyboard and actions: Open in a dialog, Retry a failure (a new live task), load the last page. (Pinned to *Instant*.) */
export const Actions: Story = {
  tags: ['!visual'],
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent }) => {
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(6), {
      timeout: 15_000,
    });
    const failed = await canvas.findByRole(
      'article',
      { name: 'Video, failed: A crowd at a concert, handheld' },
      { timeout: 10_000 },
    );
    // Arrow keys from the first card to the failed one, then its Retry.
    const cards = canvas.getAllByRole('article');
    cards[0]!.focus();
    await userEvent.keyboard('{End}');
    await expect(cards.at(-1)).toHaveFocus();
    await userEvent.keyboard('{Home}');
    for (const _card of cards)
      if (document.activeElement !== failed) await userEvent.keyboard('{ArrowRight}');
    await expect(failed).toHaveFocus();
    await userEvent.click(within(failed).getByRole('button', { name: 'Retry' }));
    await expect(canvas.getByText('Sent again: A crowd at a concert, handheld')).toBeVisible();
    await waitFor(() =>
      expect(canvas.getAllByRole('article')[0]).toHaveAccessibleName(
        /^Video, (generating|ready|failed): A crowd at a concert/,
      ),
    );

    // Open: the card, large, in a modal dialog; closing it gives focus back to the card's Open.
    const open = within(canvas.getAllByRole('article')[1]!).getByRole('button', { name: 'Open' });
    await userEvent.click(open);
    const dialog = await canvas.findByRole('dialog');
    await expect(dialog).toBeVisible();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(open).toHaveFocus();

    await userEvent.click(canvas.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(9));
    await expect(canvas.queryByRole('button', { name: 'Load more' })).toBeNull();
  },
};

/** "Use as input": an output image becomes the input of a new generation, which joins the list. (Pinned to *Instant*.) */
export const UseAsInput: Story = {
  tags: ['!visual'],
  globals: { scenario: 'instant' },
  play: async ({ canvas, userEvent }) => {
    const ramen = await canvas.findByRole(
      'article',
      { name: 'Image, ready: A bowl of ramen, top view' },
      { timeout: 20_000 },
    );
    await userEvent.click(within(ramen).getByRole('button', { name: 'Use as input' }));
    const form = canvas.getByRole('form', { name: 'New generation from an image' });
    await expect(within(form).getByRole('textbox', { name: 'What to change' })).toHaveFocus();
    await userEvent.keyboard('Make it night');
    await userEvent.click(within(form).getByRole('button', { name: 'Generate' }));
    await waitFor(() =>
      expect(canvas.getAllByRole('article')[0]).toHaveAccessibleName(/: Make it night$/),
    );
  },
};

/** Nothing made yet: the empty state says where generations will appear. */
export const Empty: Story = {
  parameters: { seeds: [] },
  play: async ({ canvas }) => {
    await expect(
      await canvas.findByText('No generations yet', {}, { timeout: 10_000 }),
    ).toBeVisible();
    await expect(canvas.getByText('0 generations')).toBeVisible();
    await expect(canvas.queryByRole('article')).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Load more' })).toBeNull();
  },
};

/** The list cannot be read (the server answers 503): the error says so, and "Try again" reads it once it answers. (Pinned to *Instant*.) */
export const ListFails: Story = {
  tags: ['!visual'],
  globals: { scenario: 'instant' },
  parameters: {
    mock: {
      // Every read of the list fails until the play lets it through (the submits still work).
      setup: (api) =>
        api.inject(
          { type: 'serverError', status: 503, body: 'json' },
          { method: 'GET', path: '/api/ai/tasks', times: Infinity },
        ),
    },
  },
  play: async ({ canvas, userEvent, id }) => {
    const alert = await canvas.findByRole('alert', {}, { timeout: 60_000 });
    await expect(alert).toBeVisible();
    await expect(canvas.queryByRole('article')).toBeNull();
    mockApiOf(id).clearFaults();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(canvas.getAllByRole('article')).toHaveLength(6), {
      timeout: 15_000,
    });
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { TaskGallery, type TaskGalleryRootProps } from '../../src/components/index.js';
import { GptImageError } from '../../src/core/index.js';
import type { Task } from '../../src/core/task/task.js';
import { expectNoAxeViolations, renderWithProviders, taskSnapshot } from './helpers.js';

const OUT = 'https://cdn.test/out';

const stills = taskSnapshot({
  id: 'tsk_images',
  status: 'completed',
  prompt: 'A red fox in fresh snow',
  imageUrls: [`${OUT}/fox-1.png`, `${OUT}/fox-2.webp`],
  creditsUsed: 3,
});
const clip = taskSnapshot({
  id: 'tsk_video',
  status: 'completed',
  type: 'video',
  model: 'veo3_fast',
  prompt: 'Waves at dawn',
  videoUrl: `${OUT}/waves.mp4`,
  creditsUsed: 9,
});
const pending = taskSnapshot({
  id: 'tsk_pending',
  type: 'video',
  model: 'veo3_fast',
  prompt: 'A paper boat on a river',
  creditsUsed: 9,
  createdAt: new Date(Date.now() - 10_000).toISOString(),
});
const failed = taskSnapshot({
  id: 'tsk_failed',
  status: 'failed',
  type: 'video',
  model: 'veo3_fast',
  prompt: 'A crowd at a concert',
  errorCode: 'moderation_blocked',
  errorMessage: "The provider's safety system rejected the request",
  creditsUsed: 9,
  creditsRefunded: true,
});
/** A task whose request was kept, so it can be sent again. */
const withRequest = (task: Task): Task => ({
  ...task,
  request: { model: task.model!, prompt: task.prompt! },
});

const tasks = [stills, clip, pending, failed];
const articles = () => screen.getAllByRole('article');
const shown = (name: string | RegExp) => screen.getByRole('article', { name });

describe('TaskGallery', () => {
  it('shows each task: media, status, live estimate, prompt, model, credits, failure and refund', async () => {
    renderWithProviders(<TaskGallery.Root tasks={tasks} onOpen={() => {}} />);
    const feed = screen.getByRole('feed', { name: 'Tasks' });
    expect(within(feed).getAllByRole('article')).toHaveLength(4);

    const fox = shown('2 images, ready: A red fox in fresh snow');
    expect(fox).toHaveAttribute('data-state', 'completed');
    expect(fox).toHaveAttribute('data-kind', 'image');
    expect(fox).toHaveAttribute('aria-posinset', '1');
    expect(fox).toHaveAttribute('aria-setsize', '4');
    expect(
      within(fox).getByAltText('Generated image 2 of 2: A red fox in fresh snow'),
    ).toHaveAttribute('src', `${OUT}/fox-2.webp`);
    expect(within(fox).getByText('GPT Image 2')).toHaveAttribute('data-value', 'gpt-image-2');
    expect(within(fox).getByText('3 credits')).toBeVisible();
    expect(within(fox).getByText('Completed')).toHaveAttribute('data-state', 'completed');

    const waves = shown('Video, ready: Waves at dawn');
    const video = within(waves).getByLabelText<HTMLVideoElement>('Generated video: Waves at dawn');
    expect(video.tagName).toBe('VIDEO');
    expect(video).toHaveAttribute('controls');
    expect(within(waves).getByText('Veo 3.1 Fast')).toBeVisible();

    // Pending: an estimate from Veo 3.1 Fast's typical 30–70 s, ten seconds in, growing while shown.
    const boat = shown('Video, generating: A paper boat on a river');
    expect(within(boat).getByText('Generating…')).toBeVisible();
    const bar = within(boat).getByRole('progressbar', { name: 'Estimated progress' });
    const first = Number(bar.getAttribute('aria-valuenow'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(95);
    await expect.poll(() => Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(first);
    expect(within(boat).queryByRole('link')).toBeNull();

    const crowd = shown('Video, failed: A crowd at a concert');
    expect(
      within(crowd).getByText("The provider's safety system rejected the request"),
    ).toHaveAttribute('data-code', 'moderation_blocked');
    expect(within(crowd).getByText('9 credits refunded')).toHaveAttribute('data-refunded');
    expect(within(crowd).queryByRole('progressbar')).toBeNull();
    await expectNoAxeViolations();
  });

  it('follows a task that completes: the item turns from the estimate to the media', async () => {
    const { rerender } = renderWithProviders(<TaskGallery.Root tasks={[pending]} />);
    expect(shown(/generating/)).toHaveAttribute('data-state', 'pending');
    rerender(
      <TaskGallery.Root
        tasks={[{ ...pending, status: 'completed', videoUrl: `${OUT}/boat.mp4` }]}
      />,
    );
    const boat = shown('Video, ready: A paper boat on a river');
    expect(within(boat).queryByRole('progressbar')).toBeNull();
    expect(within(boat).getByLabelText(/Generated video/)).toHaveAttribute(
      'src',
      `${OUT}/boat.mp4`,
    );
  });

  it('moves focus with the arrows as the items are laid out, Home and End; one tab stop', async () => {
    renderWithProviders(
      <>
        <button type="button">Before</button>
        <TaskGallery.Root tasks={[...tasks, { ...stills, id: 'tsk_5' }, { ...clip, id: 'tsk_6' }]}>
          {/* Three columns: down is three items on. */}
          <TaskGallery.List
            style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 120px)', gap: 8 }}
          >
            {(task) => (
              <TaskGallery.Item task={task} style={{ height: 80, overflow: 'hidden' }}>
                <TaskGallery.Status />
              </TaskGallery.Item>
            )}
          </TaskGallery.List>
        </TaskGallery.Root>
        <button type="button">After</button>
      </>,
    );
    const items = articles();
    screen.getByRole('button', { name: 'Before' }).focus();
    await userEvent.tab();
    expect(items[0]).toHaveFocus();
    expect(items[0]).toHaveAttribute('data-active');
    await userEvent.keyboard('{ArrowRight}');
    expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(items[4]).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    expect(items[4]).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    expect(items[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{End}');
    expect(items[5]).toHaveFocus();
    await userEvent.keyboard('{PageUp}');
    expect(items[4]).toHaveFocus();
    await userEvent.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    // The gallery is one stop in the Tab order, and it remembers the item.
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'After' })).toHaveFocus();
    await userEvent.tab({ shift: true });
    expect(items[2]).toHaveFocus();
    expect(items.filter((item) => item.tabIndex === 0)).toEqual([items[2]]);
  });

  it('reaches the focused item’s actions with Tab, back with Escape; Enter opens the item', async () => {
    const onOpen = vi.fn();
    renderWithProviders(
      <>
        <TaskGallery.Root
          tasks={tasks}
          onOpen={onOpen}
          onRetry={() => {}}
          onUseAsInput={() => {}}
        />
        <button type="button">After</button>
      </>,
    );
    const fox = shown(/A red fox/);
    fox.focus();
    await userEvent.keyboard('{Enter}');
    expect(onOpen).toHaveBeenCalledWith(stills);
    await userEvent.tab();
    expect(within(fox).getByRole('button', { name: 'Open' })).toHaveFocus();
    await userEvent.tab();
    expect(within(fox).getByRole('link', { name: 'Download image 1' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(fox).toHaveFocus();
    // Past this item's actions, Tab leaves the gallery: no other item's controls are in the way.
    const reached: string[] = [];
    for (let i = 0; i < 7; i++) {
      await userEvent.tab();
      reached.push(document.activeElement!.textContent!);
    }
    expect(reached).toEqual([
      'Open',
      'Download image 1',
      'Download image 2',
      'Retry',
      'Use image 1 as input',
      'Use image 2 as input',
      'After',
    ]);
    await expectNoAxeViolations();
  });

  it('calls each action with its task: open, download links, retry, use as input', async () => {
    const onOpen = vi.fn();
    const onRetry = vi.fn();
    const onUseAsInput = vi.fn();
    const kept = withRequest(failed);
    renderWithProviders(
      <TaskGallery.Root
        tasks={[stills, clip, pending, kept, { ...failed, id: 'tsk_old' }]}
        onOpen={onOpen}
        onRetry={onRetry}
        onUseAsInput={onUseAsInput}
      />,
    );
    const fox = shown(/A red fox/);
    await userEvent.click(within(fox).getByRole('button', { name: 'Open' }));
    expect(onOpen).toHaveBeenCalledWith(stills);
    // Clicking an action makes its item the tab stop.
    expect(fox).toHaveAttribute('tabindex', '0');

    const downloads = within(fox).getAllByRole('link', { name: /^Download image/ });
    expect(
      downloads.map((link) => [link.getAttribute('href'), link.getAttribute('download')]),
    ).toEqual([
      [`${OUT}/fox-1.png`, 'tsk_images-1.png'],
      [`${OUT}/fox-2.webp`, 'tsk_images-2.webp'],
    ]);
    const waves = shown(/Waves at dawn/);
    expect(within(waves).getByRole('link', { name: 'Download' })).toHaveAttribute(
      'download',
      'tsk_video.mp4',
    );

    await userEvent.click(within(fox).getByRole('button', { name: 'Use image 2 as input' }));
    expect(onUseAsInput).toHaveBeenCalledWith(`${OUT}/fox-2.webp`, stills);
    // A video is no input image; a pending task has nothing to retry yet.
    expect(within(waves).queryByRole('button', { name: /as input/ })).toBeNull();
    expect(within(shown(/paper boat/)).queryByRole('button', { name: 'Retry' })).toBeNull();

    const [retryKept, retryLost] = screen.getAllByRole('button', { name: 'Retry' }).slice(-2);
    await userEvent.click(retryKept!);
    expect(onRetry).toHaveBeenCalledExactlyOnceWith(kept);
    // No request kept: disabled, with its reason, and still focusable to hear it.
    expect(retryLost).toHaveAttribute('aria-disabled', 'true');
    expect(retryLost).toHaveAccessibleDescription('Cannot retry: the request was not kept');
    retryLost!.focus();
    await userEvent.keyboard('{Enter}');
    expect(onRetry).toHaveBeenCalledTimes(1);
    await expectNoAxeViolations();
  });

  it('loads more: busy while loading, "2 more tasks loaded" said, focus on the first new item', async () => {
    const onLoadMore = vi.fn();
    function Paged() {
      const [state, setState] = useState({ count: 2, loading: false });
      const more = [pending, failed];
      return (
        <>
          <TaskGallery.Root
            tasks={tasks.slice(0, state.count)}
            hasMore={state.count < 4}
            loading={state.loading}
            onLoadMore={() => {
              onLoadMore();
              setState({ count: 2, loading: true });
            }}
          />
          <button
            type="button"
            onClick={() => setState({ count: 2 + more.length, loading: false })}
          >
            Answer
          </button>
        </>
      );
    }
    renderWithProviders(<Paged />);
    expect(articles()).toHaveLength(2);
    expect(articles()[0]).toHaveAttribute('aria-setsize', '-1');
    const button = screen.getByRole('button', { name: 'Load more' });
    await userEvent.click(button);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('feed')).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    const region = document.querySelector('[role="status"][aria-live="polite"]')!;
    expect(region).toHaveTextContent('Loading more tasks…');
    // A second press while loading asks for nothing more.
    expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onLoadMore).toHaveBeenCalledTimes(1);

    screen.getByRole('button', { name: 'Answer' }).click();
    await waitFor(() =>
      expect(region).toHaveTextContent('2 more tasks loaded. That is all of them'),
    );
    expect(articles()).toHaveLength(4);
    expect(articles()[2]).toHaveFocus();
    expect(articles()[2]).toHaveAttribute('aria-setsize', '4');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByRole('feed')).not.toHaveAttribute('aria-busy');
  });

  it('shows the loading, empty and error states with their roles', async () => {
    const view = (props: Partial<TaskGalleryRootProps>) => (
      <TaskGallery.Root tasks={[]} {...props} />
    );
    const { rerender } = renderWithProviders(view({ loading: true }));
    expect(screen.getByRole('feed')).toHaveAttribute('aria-busy', 'true');
    // Seen in the Loading part; said by the live region.
    expect(screen.getByText('Loading tasks…', { selector: '[aria-hidden="true"]' })).toBeVisible();
    expect(screen.queryByText('No generations yet')).toBeNull();

    rerender(view({}));
    expect(screen.getByText('No generations yet')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('feed')).toBeNull();
    expect(document.querySelector('[data-empty]')).not.toBeNull();
    await expectNoAxeViolations();

    rerender(
      view({
        error: new GptImageError('network_error', 'The network is down', { retryable: true }),
      }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Your tasks could not be loaded: The network is down',
    );
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'network_error');
    expect(screen.queryByText('No generations yet')).toBeNull();

    rerender(view({ tasks: [stills], hasMore: true, error: new Error('Timed out') }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'More tasks could not be loaded: Timed out',
    );
    expect(screen.getByRole('button', { name: 'Load more' })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('merges its props onto your elements with asChild', async () => {
    const onOpen = vi.fn();
    renderWithProviders(
      <TaskGallery.Root tasks={[stills]} onOpen={onOpen} asChild>
        <section aria-label="History">
          <TaskGallery.List>
            {(task) => (
              <TaskGallery.Item task={task} asChild>
                <article className="card">
                  <TaskGallery.Open asChild>
                    <a href="#open" className="link">
                      See it
                    </a>
                  </TaskGallery.Open>
                </article>
              </TaskGallery.Item>
            )}
          </TaskGallery.List>
        </section>
      </TaskGallery.Root>,
    );
    expect(screen.getByRole('region', { name: 'History' })).toHaveAttribute('data-value', '1');
    const card = screen.getByRole('article');
    expect(card).toHaveClass('card');
    expect(card).toHaveAttribute('data-state', 'completed');
    await userEvent.click(screen.getByRole('link', { name: 'See it' }));
    expect(onOpen).toHaveBeenCalledWith(stills);
  });
});

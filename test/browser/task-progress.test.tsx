import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TaskProgress } from '../../src/components/index.js';
import {
  createClient,
  fixedPollSchedule,
  InsufficientCreditsError,
  RateLimitedError,
} from '../../src/core/index.js';
import { expectNoAxeViolations, renderWithProviders, taskSnapshot } from './helpers.js';
import { setupBrowserMockApi } from './mock-api.js';

const mock = setupBrowserMockApi();
const client = createClient({ baseUrl: 'https://api.test' });
const follow = { schedule: fixedPollSchedule(150) };

const task = taskSnapshot;

/** Every text the polite live region has shown, in order. */
function recordAnnouncements() {
  const region = document.querySelector('[role="status"][aria-live="polite"]')!;
  const said: string[] = [];
  const observer = new MutationObserver(() => {
    const text = region.textContent ?? '';
    if (text && text !== said.at(-1)) said.push(text);
  });
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  return { said, stop: () => observer.disconnect() };
}

afterEach(() => vi.restoreAllMocks());

// The parts' text, not the live region's copy of it.
const shown = { selector: ':not([role="status"])' };

describe('TaskProgress', () => {
  it('follows a task id: estimated progress, elapsed time, then the video; status changes announced politely', async () => {
    const { taskId } = await client.generateVideo({ model: 'veo3_fast', prompt: 'Waves at dawn' });
    renderWithProviders(
      <TaskProgress.Root taskId={taskId} model="veo3_fast" followOptions={follow} />,
      { client },
    );
    const root = document.querySelector('[data-state]')!;
    expect(root).toHaveAttribute('data-state', 'pending');
    expect(screen.getByText('Generating…', shown)).toBeVisible();
    const announcements = recordAnnouncements();
    const bar = screen.getByRole('progressbar', { name: 'Estimated progress' });
    expect(bar).toHaveAttribute('aria-valuenow');
    expect(bar.getAttribute('aria-valuetext')).toMatch(
      /^About \d+% \(an estimate from the model's typical time\)$/,
    );
    expect(bar).toHaveAttribute('data-estimate');
    await expectNoAxeViolations();

    // Veo 3.1 Fast takes 30–70 s; the mock runs it at 2 %: done within 1.5 s.
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'completed'), {
      timeout: 10_000,
    });
    expect(screen.getByText('Completed: the video is ready', shown)).toBeVisible();
    const done = screen.getByRole('progressbar', { name: 'Progress' });
    expect(done).toHaveAttribute('aria-valuenow', '100');
    expect(done).toHaveAttribute('data-state', 'complete');
    const video = document.querySelector('video')!;
    expect(video.src).toMatch(/^https:\/\/api\.test\/__mock__\/outputs\/tsk_\w+\/video\.mp4$/);
    expect(video).toHaveAttribute('controls');
    expect(video).toHaveAccessibleName('Generated video: Waves at dawn');
    // Announced once per status change, never per second.
    announcements.stop();
    expect(announcements.said).toEqual(['Completed: the video is ready']);
    await expectNoAxeViolations();
  });

  it('counts elapsed seconds while pending', async () => {
    renderWithProviders(
      <TaskProgress.Root task={task({ createdAt: new Date(Date.now() - 61_000).toISOString() })} />,
    );
    const elapsed = document.querySelector('time')!;
    expect(elapsed).toHaveTextContent('1:01');
    expect(elapsed).toHaveAttribute('dateTime', 'PT61S');
    await waitFor(() => expect(elapsed).toHaveTextContent('1:02'));
    expect(elapsed).toHaveAttribute('data-value', '62');
  });

  it('is indeterminate (no aria-valuenow) where there is nothing to estimate from', async () => {
    renderWithProviders(<TaskProgress.Root task={task({ model: 'a-model-the-registry-lacks' })} />);
    const bar = screen.getByRole('progressbar', { name: 'Estimated progress' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('data-state', 'indeterminate');
    expect(bar).not.toHaveAttribute('data-estimate');
    await expectNoAxeViolations();
  });

  it('follows a generation from submitting (indeterminate, no time yet) and says nothing was charged for a refused one', async () => {
    const base = {
      taskId: null,
      task: null,
      error: null,
      submittedAt: null,
      creditsUsed: null,
      request: { model: 'veo3' },
    };
    const { rerender } = renderWithProviders(
      <TaskProgress.Root generation={{ ...base, status: 'idle' }} />,
    );
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Not started', shown)).toBeVisible();
    rerender(<TaskProgress.Root generation={{ ...base, status: 'submitting' }} />);
    const bar = screen.getByRole('progressbar', { name: 'Estimated progress' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(document.querySelector('time')).toBeNull();
    await expect
      .poll(() => document.querySelector('[role="status"]')?.textContent)
      .toBe('Submitting…');
    rerender(
      <TaskProgress.Root
        generation={{ ...base, status: 'failed', error: new InsufficientCreditsError(63) }}
      />,
    );
    // One message per fact: the reason, then the credits; no timer for a task that never began.
    expect(screen.getByText('Not enough credits: 63 required', shown)).toBeVisible();
    expect(screen.getByText('Nothing was charged', shown)).toBeVisible();
    expect(screen.getAllByText(/nothing was charged/i)).toHaveLength(1);
    expect(document.querySelector('time')).toBeNull();
    // A per-user limit on the server (a 429 with Retry-After): the wait, in words.
    rerender(
      <TaskProgress.Root
        generation={{ ...base, status: 'failed', error: new RateLimitedError(42_000) }}
      />,
    );
    expect(screen.getByText('Too many generations: try again in 42 s', shown)).toBeVisible();
    expect(screen.getByText('Nothing was charged', shown)).toBeVisible();
  });

  it('shows the failure reason and the refund, announced', async () => {
    mock.api.setScenario('providerFailure');
    const { taskId } = await client.generateImage({
      model: 'nano-banana-pro',
      prompt: 'A storm',
      resolution: '4K',
    });
    renderWithProviders(<TaskProgress.Root taskId={taskId} followOptions={follow} />, { client });
    const announcements = recordAnnouncements();
    const root = document.querySelector('[data-state]')!;
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'failed'), { timeout: 10_000 });
    expect(screen.getByText("The provider's safety system rejected the request")).toHaveAttribute(
      'data-code',
      'moderation_blocked',
    );
    const refund = screen.getByText('20 credits refunded');
    expect(refund).toHaveAttribute('data-refunded');
    expect(screen.getByText('Failed')).toBeVisible();
    expect(document.querySelector('img')).toBeNull();
    const bar = screen.getByRole('progressbar');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    announcements.stop();
    expect(announcements.said).toEqual([
      "Failed: The provider's safety system rejected the request",
    ]);
    await expectNoAxeViolations();
  });

  it('says a refund is on its way when the snapshot does not show it yet', () => {
    renderWithProviders(
      <TaskProgress.Root
        task={task({
          status: 'failed',
          errorCode: 'STORAGE_ERROR',
          errorMessage: null,
          creditsUsed: 6,
        })}
      />,
    );
    expect(screen.getByText('The generation failed (STORAGE_ERROR)')).toBeVisible();
    expect(screen.getByText('6 credits will be refunded shortly')).not.toHaveAttribute(
      'data-refunded',
    );
  });

  it('renders every image, and never an output URL that is not http(s)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    renderWithProviders(
      <TaskProgress.Root
        task={task({
          status: 'completed',
          imageUrls: [
            'javascript:alert(1)',
            'https://cdn.test/a.png',
            'data:image/png;base64,AAAA',
            'https://cdn.test/b.png',
          ],
        })}
      />,
    );
    const images = screen.getAllByRole('img');
    expect(images.map((image) => image.getAttribute('src'))).toEqual([
      'https://cdn.test/a.png',
      'https://cdn.test/b.png',
    ]);
    expect(images[0]).toHaveAccessibleName('Generated image 1 of 2: A lighthouse');
    expect(document.querySelector('[data-kind="image"]')).toHaveAttribute('data-value', '2');
    expect(document.body.innerHTML).not.toContain('javascript:');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('not http(s)'));
    await expectNoAxeViolations();
  });

  it('renders the result through a function, with only http(s) URLs', () => {
    renderWithProviders(
      <TaskProgress.Root
        task={task({ status: 'completed', type: 'video', videoUrl: 'https://cdn.test/v.mp4' })}
      >
        <TaskProgress.Result>
          {(outputs) => <a href={outputs.urls[0]}>Download</a>}
        </TaskProgress.Result>
      </TaskProgress.Root>,
    );
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute(
      'href',
      'https://cdn.test/v.mp4',
    );
  });

  it('a completed task without output is a failure, not an empty result', () => {
    renderWithProviders(
      <TaskProgress.Root task={task({ status: 'completed', type: 'video', videoUrl: null })} />,
    );
    expect(document.querySelector('[data-state]')).toHaveAttribute('data-state', 'failed');
    expect(screen.getByText(/completed without an output URL/, shown)).toBeVisible();
  });
});

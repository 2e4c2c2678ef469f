// Exactly one POST per user intent: a double click, generateAsync twice in one tick, StrictMode
// re-renders and remounts (a reload with persistence is in test/react/use-generation.test.tsx); no layer
// retries a submit whose answer was lost, not even under an app's own retry defaults; GET retries never
// become POSTs; StrictMode, persistence and a re-rendering parent together; the image hook; a form
// submitted by Enter and a click at once.
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { useEffect, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { SubmitOutcomeUnknownError } from '../../src/core/errors.js';
import type { MockFault } from '../../src/mock/index.js';
import { useGenerateImage, useGenerateVideo } from '../../src/react/index.js';
import { advance, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

const mock = setupMockApi({ timing: 'realistic' });
const veo = { model: 'veo3_fast', prompt: 'Waves at dawn', duration: 8 } as const;
// An app whose QueryClient retries everything by default: the submit must still go once.
const eagerClient = () =>
  new QueryClient({
    defaultOptions: {
      mutations: { retry: 3, retryDelay: 10 },
      queries: { retry: 3, retryDelay: 10 },
    },
  });

function ClickForm({ persist }: { persist?: string }) {
  const video = useGenerateVideo({ persist });
  const [renders, setRenders] = useState(0);
  return (
    <div>
      <button type="button" onClick={() => video.generate(veo)}>
        Generate
      </button>
      <button type="button" onClick={() => setRenders((n) => n + 1)}>
        Re-render {renders}
      </button>
      <output>{video.status}</output>
      <span data-testid="task">{video.taskId}</span>
    </div>
  );
}

describe('exactly one POST per intent', { timeout: SLOW }, () => {
  it('under a double click', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<ClickForm />, providers());
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
    const { unmount } = render(<ClickForm />, wrapper);
    await advance(1000);
    expect(mock.posts()).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(0);
    for (let i = 0; i < 5; i++) fireEvent.click(screen.getByRole('button', { name: /Re-render/ }));
    await advance(1000);
    expect(mock.posts()).toBe(1);
    unmount();
    render(<ClickForm />, wrapper);
    await advance(1000);
    expect(mock.posts()).toBe(1);
  });
});

describe('a submit whose answer is lost is never sent again', { timeout: SLOW }, () => {
  const lost: Array<[string, MockFault]> = [
    ['the connection drops after the service took it', { type: 'drop', phase: 'after' }],
    ['the connection drops before', { type: 'drop' }],
    [
      'a gateway 502 page after',
      { type: 'serverError', status: 502, body: 'html', phase: 'after' },
    ],
    ['a 500', { type: 'serverError', status: 500 }],
    ['the body is cut short', { type: 'malformedJson' }],
    ['the answer comes after the request timeout', { type: 'latency', ms: 45_000 }],
  ];
  it.each(lost)(
    '%s: one POST, and the hook says a task may have been charged',
    async (_, fault) => {
      mock.api.inject(fault, { method: 'POST' });
      const onSubmitted = vi.fn();
      const { result } = renderHook(
        () => useGenerateVideo({ onSubmitted }),
        providers({ queryClient: eagerClient() }),
      );
      act(() => result.current.generate(veo));
      await advance(60_000);
      expect(result.current.status).toBe('failed');
      expect(result.current.error).toBeInstanceOf(SubmitOutcomeUnknownError);
      expect(result.current.isBusy).toBe(false);
      await advance(60_000);
      expect(mock.posts()).toBe(1);
      expect(onSubmitted).not.toHaveBeenCalled();
    },
  );
});

it(
  'GET retries while following (500s, drops, 429s) never become a POST',
  { timeout: SLOW },
  async () => {
    mock.api.inject({ type: 'serverError', status: 500 }, { method: 'GET', times: 6 });
    mock.api.inject({ type: 'drop' }, { method: 'GET', times: 3 });
    mock.api.inject({ type: 'rateLimit', retryAfter: 2 }, { method: 'GET', times: 3 });
    const { result } = renderHook(
      () => useGenerateVideo(),
      providers({ queryClient: eagerClient() }),
    );
    act(() => result.current.generate(veo));
    await advance(180_000);
    expect(result.current.status).toBe('completed');
    expect(mock.api.requests.filter((r) => r.fault !== null).length).toBe(12);
    expect(mock.posts()).toBe(1);
  },
);

function Form({ persist, onRender }: { persist?: string; onRender?: () => void }) {
  // New option objects and callbacks on every render, as inline props are.
  const video = useGenerateVideo({ persist, onSubmitted: () => {}, onCompleted: () => {} });
  onRender?.();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        video.generate(veo);
      }}
    >
      <input aria-label="Prompt" defaultValue={veo.prompt} />
      <button type="submit">Generate</button>
      <output>{video.status}</output>
    </form>
  );
}

/** A parent that re-renders its form every animation frame (16 ms), as a page with a clock or a stream does. */
function Busy({ persist }: { persist?: string }) {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setFrame((n) => n + 1), 16);
    return () => clearInterval(timer);
  }, []);
  return (
    <div data-frame={frame}>
      <Form persist={persist} />
    </div>
  );
}

describe('one POST per intent, all together', { timeout: SLOW }, () => {
  it('StrictMode, persistence and a parent re-rendering every frame: none on mount, one per click, none on reload', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = render(<Busy persist="busy-form" />, providers({ strict: true }));
    await advance(2000);
    expect(mock.posts()).toBe(0);
    const button = screen.getByRole('button', { name: 'Generate' });
    fireEvent.click(button);
    fireEvent.click(button);
    await advance(5000);
    expect(mock.posts()).toBe(1);
    view.unmount();

    // Reload while pending: a new QueryClient and tree, the same storage.
    const reloaded = render(<Busy persist="busy-form" />, providers({ strict: true }));
    await advance(120_000);
    expect(screen.getByRole('status')).toHaveTextContent('completed');
    expect(mock.posts()).toBe(1);
    reloaded.unmount();

    // Reload after completion: nothing to re-attach, nothing sent; a new click is a new intent.
    render(<Busy persist="busy-form" />, providers({ strict: true }));
    await advance(5000);
    expect(screen.getByRole('status')).toHaveTextContent('idle');
    expect(mock.posts()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(1000);
    expect(mock.posts()).toBe(2);
  });

  it('Enter in the form and a click on its button in the same moment submit once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<Form />, providers());
    fireEvent.submit(screen.getByRole('textbox', { name: 'Prompt' }).closest('form')!);
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await advance(1000);
    expect(mock.posts()).toBe(1);
  });

  it('useGenerateImage: a double click in StrictMode submits once', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    function ImageForm() {
      const image = useGenerateImage();
      return (
        <button
          type="button"
          onClick={() => image.generate({ model: 'gpt-image-2', prompt: 'A fox' })}
        >
          Generate {image.status}
        </button>
      );
    }
    render(<ImageForm />, providers({ strict: true }));
    fireEvent.click(screen.getByRole('button'));
    fireEvent.click(screen.getByRole('button'));
    await advance(1000);
    expect(mock.posts()).toBe(1);
    expect(screen.getByRole('button')).toHaveTextContent('pending');
  });
});

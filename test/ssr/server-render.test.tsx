import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/core/index.js';
import { GptImageProvider, useGenerateVideo, useTask } from '../../src/react/index.js';

function Page() {
  const video = useGenerateVideo({ persist: 'video-form' });
  const task = useTask('tsk_01J9XA5M2R9W4QZC4PYJF3N7ND', { model: 'veo3' });
  return (
    <main>
      <p>{video.status}</p>
      <p>{task.status}</p>
    </main>
  );
}

describe('server rendering', () => {
  it('renders on a server without window, storage or any request', () => {
    expect(typeof window).toBe('undefined');
    const fetch = vi.fn(() => Promise.reject(new Error('no request on the server')));
    const client = createClient({ baseUrl: 'https://app.test', fetch });
    const html = renderToString(
      <QueryClientProvider client={new QueryClient()}>
        <GptImageProvider client={client}>
          <Page />
        </GptImageProvider>
      </QueryClientProvider>,
    );
    expect(html).toBe('<main><p>idle</p><p>pending</p></main>');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('tells a developer who forgot QueryClientProvider what to do', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderToString(<Page />)).toThrow(
      'gptimage2-react: no QueryClient. Wrap the app in <QueryClientProvider> (@tanstack/react-query), then <GptImageProvider>.',
    );
  });
});

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/core/index.js';
import {
  GptImageProvider,
  useGenerateImage,
  useGptImageClient,
  type GptImageProviderProps,
} from '../../src/react/index.js';
import { ORIGIN, setupMockApi } from '../helpers/render-with-client.js';

const mock = setupMockApi({ keys: { sk_a: { credits: 500 } } });

function wrapperWith(props: GptImageProviderProps) {
  const queryClient = new QueryClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <GptImageProvider {...props}>{children}</GptImageProvider>
    </QueryClientProvider>
  );
}

describe('GptImageProvider and useGptImageClient', () => {
  it('made from options: the hooks submit through it and useGptImageClient gives the whole client, once', async () => {
    const wrapper = wrapperWith({ options: { baseUrl: ORIGIN, apiKey: 'sk_a' } });
    const { result, rerender } = renderHook(
      () => ({ generation: useGenerateImage(), client: useGptImageClient() }),
      { wrapper },
    );
    const first = result.current.client;
    await act(() =>
      result.current.generation.generateAsync({ model: 'gpt-image-2', prompt: 'A lighthouse' }),
    );
    expect(mock.posts()).toBe(1);
    const taskId = result.current.generation.taskId;
    expect(taskId).toEqual(expect.any(String));

    rerender();
    // The same object across renders, so effects keyed on it do not run again.
    expect(result.current.client).toBe(first);
    // The methods the hooks never call are there, on the same connection (key, base URL).
    const page = await first.listTasks();
    expect(page.tasks.map((task) => task.id)).toEqual([taskId]);
    await expect(first.getTask(taskId!)).resolves.toMatchObject({ id: taskId });
    await expect(
      first.generateImage({ model: 'gpt-image-2', prompt: 'A second lighthouse' }),
    ).resolves.toMatchObject({ status: 'pending' });
    expect(mock.posts()).toBe(2);
    expect(first.waitForTask).toEqual(expect.any(Function));
  });

  it('given a client: useGptImageClient gives that very client back', () => {
    const client = createClient({ baseUrl: ORIGIN, apiKey: 'sk_a' });
    const { result } = renderHook(() => useGptImageClient(), { wrapper: wrapperWith({ client }) });
    expect(result.current).toBe(client);
  });

  it('without a provider: a same-origin default, the same whole client in every component', () => {
    const queryClient = new QueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    );
    const one = renderHook(() => useGptImageClient(), { wrapper });
    const two = renderHook(() => useGptImageClient(), { wrapper });
    expect(one.result.current).toBe(two.result.current);
    expect(one.result.current.listTasks).toEqual(expect.any(Function));
  });
});

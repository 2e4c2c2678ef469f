import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useGenerateImage } from '../../src/react/index.js';
import { advance, providers, setupMockApi, SLOW } from '../helpers/render-with-client.js';

setupMockApi({ timing: 'realistic' });

describe('useGenerateImage', { timeout: SLOW }, () => {
  it('completes with the image URLs', async () => {
    const { result } = renderHook(() => useGenerateImage(), providers());
    act(() =>
      result.current.generate({
        model: 'nano-banana-2',
        prompt: 'A fox',
        resolution: '2K',
        aspectRatio: '4:3',
      }),
    );
    await advance(0);
    expect(result.current.creditsUsed).toBe(6);
    await advance(60_000);
    expect(result.current.status).toBe('completed');
    expect(result.current.imageUrls).toHaveLength(1);
    expect(result.current.imageUrls[0]).toMatch(
      /^http:\/\/localhost:3000\/__mock__\/outputs\/.+\.svg$/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { estimateCredits, type DraftRequest } from '../../src/core/index.js';

describe('estimateCredits', () => {
  it.each<[Partial<DraftRequest> & { model: string }, number | null]>([
    [{ model: 'gpt-image-2' }, 3],
    [{ model: 'nano-banana-2' }, 4],
    [{ model: 'nano-banana-2', resolution: '4K' }, 8],
    [{ model: 'nano-banana-pro' }, 12],
    [{ model: 'nano-banana-pro', resolution: '4K' }, 20],
    [{ model: 'kling/v2-1-standard', duration: 10 }, 22],
    [{ model: 'kling/v2-1-master-text-to-video' }, 67],
    [{ model: 'sora-2-text-to-video', duration: 20 }, 20],
    [{ model: 'sora-2-text-to-video', duration: 5, resolution: '1080p' }, 8],
    [
      { model: 'sora-2-pro-text-to-video', duration: 10, providerInput: { resolution: '1080p' } },
      48,
    ],
    [{ model: 'hailuo/02-image-to-video-pro', duration: 10 }, 48],
    [{ model: 'veo3' }, 63],
    [{ model: 'veo3_lite', duration: 8 }, 5],
    [{ model: 'wan/2-6-text-to-video', duration: 5 }, null],
    [{ model: 'bytedance/seedance-1.5-pro' }, null],
    [{ model: 'unknown' }, null],
  ])('%o costs %s', (request, credits) => {
    expect(estimateCredits(request)).toBe(credits);
  });
});

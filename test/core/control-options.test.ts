import { describe, expect, it } from 'vitest';
import {
  defaultRegistry,
  getAspectRatioOptions,
  getDurationOptions,
  getResolutionOptions,
} from '../../src/core/index.js';

const model = (id: string) => defaultRegistry.get(id)!;

describe('control options', () => {
  it("offers only the model's durations, a fixed one as a single value, each with its price", () => {
    expect(getDurationOptions(model('kling/v2-1-pro'))).toEqual([
      { value: 5, disabled: false, credits: 21 },
      { value: 10, disabled: false, credits: 42 },
    ]);
    expect(getDurationOptions(model('veo3_fast')).map((o) => o.value)).toEqual([8]);
    expect(
      getDurationOptions(model('sora-2-text-to-video'), { resolution: '1080p' }).map(
        (o) => o.credits,
      ),
    ).toEqual([8, 15, 30]);
    expect(getDurationOptions(model('gpt-image-2'))).toEqual([]);
  });

  it('disables the aspect ratios and resolutions that exclude each other, with the reason', () => {
    const at2k = getAspectRatioOptions(model('nano-banana-2'), { resolution: '2K' });
    expect(at2k.find((o) => o.value === '1:4')).toMatchObject({
      disabled: true,
      reason: '1:4 is only available at 1K',
    });
    expect(at2k.find((o) => o.value === '16:9')).toMatchObject({ disabled: false });
    expect(getAspectRatioOptions(model('nano-banana-2')).every((o) => !o.disabled)).toBe(true);
    const tall = getResolutionOptions(model('nano-banana-2'), { aspectRatio: '8:1' });
    expect(tall.map((o) => [o.value, o.disabled, o.credits])).toEqual([
      ['1K', false, 4],
      ['2K', true, 6],
      ['4K', true, 8],
    ]);
    expect(tall[1]!.reason).toBe('8:1 is only available at 1K');
  });
});

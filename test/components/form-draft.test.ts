import { describe, expect, it } from 'vitest';
import { defaultRegistry } from '../../src/core/registry/registry.js';
import { normalizeDraft, switchModel } from '../../src/components/form-draft.js';

const model = (id: string) => defaultRegistry.get(id)!;

describe('normalizeDraft', () => {
  it("fills the model's defaults, so what the pickers show is what is sent", () => {
    expect(
      normalizeDraft({ model: 'sora-2-text-to-video' }, model('sora-2-text-to-video')),
    ).toEqual({
      model: 'sora-2-text-to-video',
      duration: 5,
      aspectRatio: '16:9',
      resolution: '720p',
    });
  });

  it('drops an empty image list and an input mode the images already imply', () => {
    expect(
      normalizeDraft(
        { model: 'veo3_fast', inputImageUrls: [], inputMode: 'text_to_video', duration: 8 },
        model('veo3_fast'),
      ),
    ).toEqual({ model: 'veo3_fast', duration: 8, aspectRatio: '16:9' });
  });
});

describe('switchModel', () => {
  it('replaces a default the form filled without a notice, and adapts what the user chose', () => {
    const draft = normalizeDraft({ model: 'sora-2-text-to-video' }, model('sora-2-text-to-video'));
    const silent = switchModel(draft, model('veo3_fast'), new Set());
    expect(silent.draft).toMatchObject({ duration: 8, aspectRatio: '16:9' });
    expect(silent.changes).toEqual([]);

    const chosen = switchModel(
      { ...draft, duration: 20 },
      model('veo3_fast'),
      new Set(['duration']),
    );
    expect(chosen.draft.duration).toBe(8);
    expect(chosen.changes.map((change) => change.field)).toEqual(['duration']);
  });

  it('announces the input mode a model forces, and does not keep it for the next model', () => {
    const sora = normalizeDraft({ model: 'sora-2-text-to-video' }, model('sora-2-text-to-video'));
    const kling = switchModel(sora, model('kling/v2-1-pro'), new Set());
    expect(kling.changes[0]).toMatchObject({
      field: 'inputMode',
      from: 'text_to_video',
      to: 'image_to_video',
    });
    const veo = switchModel(kling.draft, model('veo3_fast'), new Set());
    expect(veo.draft.inputMode).toBeUndefined();
    expect(veo.changes[0]).toMatchObject({ field: 'inputMode', to: 'text_to_video' });
  });
});

import { describe, expect, it } from 'vitest';
import { describeFieldError } from '../../src/components/index.js';
import {
  defaultRegistry,
  validateRequest,
  type DraftRequest,
  type ModelKind,
} from '../../src/core/index.js';

const IMG = 'https://cdn.test/a.png';
const images = (n: number) => Array.from({ length: n }, (_, i) => `${IMG}?${i}`);

// Invalid drafts a form can hold, covering every rule a form control shows.
const drafts: [ModelKind, Partial<DraftRequest> & { model?: string }][] = [
  ['video', { model: 'veo3', prompt: '' }],
  ['video', { model: '', prompt: 'x' }],
  ['video', { model: 'hailuo/02-text-to-video-pro', prompt: 'x'.repeat(1501) }],
  ['video', { model: 'bytedance/seedance-1.5-pro', prompt: 'ab' }],
  ['video', { model: 'kling/v2-1-pro', prompt: 'x', inputMode: 'image_to_video' }],
  ['video', { model: 'kling/v2-1-pro', prompt: 'x' }],
  ['video', { model: 'sora-2-text-to-video', prompt: 'x', inputImageUrls: [IMG] }],
  ['video', { model: 'veo3', prompt: 'x', inputMode: 'text_to_video', inputImageUrls: [IMG] }],
  ['video', { model: 'veo3', prompt: 'x', inputImageUrls: images(4) }],
  ['video', { model: 'veo3', prompt: 'x', inputImageUrls: images(6) }],
  ['video', { model: 'veo3', prompt: 'x', inputImageUrls: ['/local.png'] }],
  ['video', { model: 'veo3', prompt: 'x', duration: 5 }],
  ['video', { model: 'kling/v2-1-master-text-to-video', prompt: 'x', duration: 7 }],
  ['video', { model: 'veo3', prompt: 'x', aspectRatio: '1:1' }],
  ['video', { model: 'kling/v2-1-pro', prompt: 'x', inputImageUrls: [IMG], aspectRatio: '16:9' }],
  ['video', { model: 'hailuo/02-text-to-video-pro', prompt: 'x', aspectRatio: '16:9' }],
  ['video', { model: 'sora-2-text-to-video', prompt: 'x', resolution: '4K' }],
  ['video', { model: 'veo3', prompt: 'x', resolution: '720p' }],
  [
    'video',
    { model: 'kling/v2-1-master-text-to-video', prompt: 'x', negativePrompt: 'n'.repeat(501) },
  ],
  ['image', { model: 'gpt-image-2', prompt: 'x', inputMode: 'image_to_image' }],
  ['image', { model: 'gpt-image-2', prompt: 'x', inputImageUrls: images(5) }],
  ['image', { model: 'nano-banana-2', prompt: 'x', aspectRatio: '1:8', resolution: '4K' }],
  ['image', { model: 'google/nano-banana', prompt: 'x'.repeat(5001) }],
];

describe('describeFieldError', () => {
  it('says every message the client can give a form control in plain words', () => {
    for (const [kind, draft] of drafts) {
      const errors = validateRequest(draft, kind, defaultRegistry);
      expect(errors, JSON.stringify(draft)).not.toBeNull();
      const model = defaultRegistry.get(draft.model ?? '');
      for (const [field, messages] of Object.entries(errors!.fieldErrors)) {
        for (const message of messages ?? []) {
          const said = describeFieldError(message, model);
          expect(said, `${field}: ${message}`).not.toBe(message);
          // No API field names or mode ids reach the person.
          expect(said, message).not.toMatch(
            /inputImageUrls|inputMode|_to_|aspectRatio\b|negativePrompt/,
          );
        }
      }
    }
  });

  it('reads naturally', () => {
    const kling = defaultRegistry.get('kling/v2-1-pro');
    expect(
      describeFieldError('inputImageUrls needs at least 1 image for image_to_video', kling),
    ).toBe('Add an image: Kling V2.1 Pro makes a video from an image.');
    expect(
      describeFieldError('inputImageUrls must have at most 1 for kling/v2-1-pro (it has 3)', kling),
    ).toBe('Remove 2 images: Kling V2.1 Pro takes at most 1.');
    expect(
      describeFieldError(
        'prompt must be at most 1500 characters for hailuo/02-text-to-video-pro (it has 1501)',
        defaultRegistry.get('hailuo/02-text-to-video-pro'),
      ),
    ).toBe('The prompt is 1 character too long: Hailuo Pro takes up to 1,500.');
    expect(describeFieldError('duration must be one of 5, 10 for kling/v2-1-pro', kling)).toBe(
      'Choose a duration Kling V2.1 Pro offers: 5, 10 seconds.',
    );
  });

  it("keeps a message it does not know, such as a server's own", () => {
    expect(describeFieldError('Prompt violates the content policy', undefined)).toBe(
      'Prompt violates the content policy',
    );
  });
});

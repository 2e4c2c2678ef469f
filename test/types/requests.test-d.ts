// Type tests: `tsc --noEmit` (part of `npm test`) fails if any `@ts-expect-error` line compiles.
import { expectTypeOf } from 'vitest';
import {
  createClient,
  type BuiltInModel,
  type VideoRequestById,
  defaultRegistry,
  extendRegistry,
  type ErrorCode,
  type GptImageError,
  type ImageRequest,
  type ModelSpec,
  type Submission,
  type Task,
  type VideoRequest,
} from '../../src/core/index.js';

const client = createClient();

// Durations, aspect ratios, resolutions and input modes narrow by model.
expectTypeOf(
  client.generateVideo({
    model: 'kling/v2-1-pro',
    prompt: 'x',
    duration: 10,
    inputMode: 'image_to_video',
    inputImageUrls: ['https://cdn.test/a.png'],
  }),
).toEqualTypeOf<Promise<Submission>>();
// Images by model: none on a text-only model, at least one on an image-only model.
client.generateVideo({
  model: 'sora-2-text-to-video',
  prompt: 'x',
  // @ts-expect-error Sora 2 (text) takes no images: choose Sora 2 Image-to-Video
  inputImageUrls: ['https://cdn.test/a.png'],
});
// @ts-expect-error Kling V2.1 Pro animates an image: one is required
client.generateVideo({ model: 'kling/v2-1-pro', prompt: 'x' });
// @ts-expect-error ... and an empty list is not one
client.generateVideo({ model: 'kling/v2-1-standard', prompt: 'x', inputImageUrls: [] });
client.generateVideo({
  model: 'sora-2-image-to-video',
  prompt: 'x',
  inputImageUrls: ['https://cdn.test/a.png'],
});
client.generateVideo({ model: 'veo3_fast', prompt: 'x' });
client.generateImage({
  model: 'nano-banana-2',
  prompt: 'x',
  inputImageUrls: ['https://cdn.test/a.png', 'https://cdn.test/b.png'],
});
// @ts-expect-error Kling takes 5 or 10 seconds
client.generateVideo({ model: 'kling/v2-1-pro', prompt: 'x', duration: 7 });
// @ts-expect-error Veo 3.1 is fixed at 8 seconds
client.generateVideo({ model: 'veo3', prompt: 'x', duration: 5 });
// A call is checked against its own model's member, so the error sits on the wrong field and states
// that model's rule ("Type '5' is not assignable to type '8'"), not the whole union's first (Kling's).
client.generateVideo({
  model: 'veo3_fast',
  prompt: 'x',
  // @ts-expect-error Veo 3.1 Fast is fixed at 8 seconds: the error is on this line
  duration: 5,
});
client.generateVideo({ model: 'veo3_fast', prompt: 'x', duration: 8 });
expectTypeOf<VideoRequestById<BuiltInModel, 'veo3_fast'>['duration']>().toEqualTypeOf<
  8 | undefined
>();
expectTypeOf<VideoRequestById<BuiltInModel, 'kling/v2-1-pro'>['duration']>().toEqualTypeOf<
  5 | 10 | undefined
>();
// A model known only at run time (a union of ids) is checked against each of them.
declare const veo: 'veo3' | 'veo3_fast';
client.generateVideo({ model: veo, prompt: 'x', duration: 8 });
// @ts-expect-error neither Veo takes 5 seconds
client.generateVideo({ model: veo, prompt: 'x', duration: 5 });
// A request built beforehand still passes as it is.
declare const built: VideoRequest;
client.generateVideo(built);
client.generateImage({
  model: 'nano-banana-pro',
  prompt: 'x',
  // @ts-expect-error Nano Banana Pro has 2K and 4K: the error is on this line
  resolution: '1K',
});
client.generateVideo({ model: 'veo3', prompt: 'x', duration: 8, aspectRatio: '9:16' });
// @ts-expect-error Veo offers 16:9 and 9:16 only
client.generateVideo({ model: 'veo3', prompt: 'x', aspectRatio: '1:1' });
// @ts-expect-error Kling Standard takes its aspect ratio from the image
client.generateVideo({ model: 'kling/v2-1-standard', prompt: 'x', aspectRatio: '16:9' });
client.generateVideo({
  model: 'sora-2-pro-text-to-video',
  prompt: 'x',
  resolution: '1080p',
  duration: 20,
});
// @ts-expect-error Sora offers 720p and 1080p
client.generateVideo({ model: 'sora-2-text-to-video', prompt: 'x', resolution: '4K' });
client.generateVideo({
  model: 'kling/v2-1-master-text-to-video',
  prompt: 'x',
  // @ts-expect-error Kling Master is text-to-video only
  inputMode: 'image_to_video',
});
client.generateVideo({
  model: 'kling/v2-1-master-text-to-video',
  prompt: 'x',
  negativePrompt: 'blur',
  guidanceScale: 50,
});
// @ts-expect-error negative prompts are a Kling feature
client.generateVideo({ model: 'veo3', prompt: 'x', negativePrompt: 'blur' });
// @ts-expect-error not a model
client.generateVideo({ model: 'sora-3', prompt: 'x' });
// @ts-expect-error an image model on the video endpoint
client.generateVideo({ model: 'gpt-image-2', prompt: 'x' });
// @ts-expect-error the prompt is required
client.generateVideo({ model: 'veo3' });

client.generateImage({
  model: 'nano-banana-pro',
  prompt: 'x',
  resolution: '4K',
  aspectRatio: '21:9',
});
// @ts-expect-error Nano Banana Pro has 2K and 4K
client.generateImage({ model: 'nano-banana-pro', prompt: 'x', resolution: '1K' });
// @ts-expect-error GPT Image 2 offers no resolution
client.generateImage({ model: 'gpt-image-2', prompt: 'x', resolution: '2K' });
// @ts-expect-error images have no duration
client.generateImage({ model: 'gpt-image-2', prompt: 'x', duration: 5 });

// The request types are unions discriminated by model.
expectTypeOf<Extract<VideoRequest, { model: 'veo3' }>['duration']>().toEqualTypeOf<8 | undefined>();
expectTypeOf<Extract<ImageRequest, { model: 'nano-banana-2' }>['resolution']>().toEqualTypeOf<
  '1K' | '2K' | '4K' | undefined
>();

// An extended registry types requests for its own models.
const acme = {
  id: 'acme/clip-1',
  name: 'Acme Clip',
  family: 'Acme',
  kind: 'video',
  inputModes: ['text_to_video'],
  maxImages: 0,
  durations: [6, 12],
  aspectRatios: ['1:1'],
  resolutions: [],
  promptMax: 800,
  credits: 7,
  typicalSeconds: [10, 20],
} as const satisfies ModelSpec;
const custom = createClient({ registry: extendRegistry(defaultRegistry, { add: [acme] }) });
custom.generateVideo({ model: 'acme/clip-1', prompt: 'x', duration: 12 });
custom.generateVideo({ model: 'veo3', prompt: 'x' });
// @ts-expect-error Acme clips are 6 or 12 seconds
custom.generateVideo({ model: 'acme/clip-1', prompt: 'x', duration: 8 });

// Snapshots and errors are typed for a UI's switch.
expectTypeOf(client.getTask('t')).toEqualTypeOf<Promise<Task>>();
expectTypeOf<Task['status']>().toEqualTypeOf<'pending' | 'completed' | 'failed'>();
expectTypeOf<GptImageError['code']>().toEqualTypeOf<ErrorCode>();

// A client typed over any registry (as `useGptImageClient()` returns it) takes the broad request shapes.
declare const anyClient: ReturnType<typeof createClient<ModelSpec>>;
anyClient.generateVideo({ model: 'veo3_fast', prompt: 'x', duration: 8, negativePrompt: 'blur' });
anyClient.generateImage({ model: 'gpt-image-2', prompt: 'x', resolution: '2K' });
// @ts-expect-error the prompt is still required
anyClient.generateVideo({ model: 'veo3_fast' });

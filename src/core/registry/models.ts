import type { ModelSpec } from './model-spec.js';

// Sources, as in ../shared/api/REFERENCE.md: [doc] the API's docs, [provider] the upstream
// provider's documented limit, [inferred] derived from [doc] facts.
//
// typicalSeconds is [inferred] for every model: the docs give 30–120 s for video ("depending on
// model and duration") and 32 s for the quickstart's image; the spread per model is our estimate.
// It only shapes polling and the progress estimate, never validation.

const IMAGE_RATIOS = [
  'auto',
  '1:1',
  '2:3',
  '3:2',
  '3:4',
  '4:3',
  '4:5',
  '5:4',
  '9:16',
  '16:9',
  '21:9',
] as const;
const IMAGE_MODES = ['text_to_image', 'image_to_image'] as const;
const TEXT_VIDEO = ['text_to_video'] as const;
const IMAGE_VIDEO = ['image_to_video'] as const;
const BOTH_VIDEO = ['text_to_video', 'image_to_video'] as const;
const NONE = [] as const;
const MB = 1024 * 1024;
// Video prompts: 1–4000 by the endpoint's schema [doc]; lower provider caps noted per model.
const VIDEO_PROMPT = 4000;

const kling = {
  family: 'Kling 2.1',
  kind: 'video',
  durations: [5, 10], // [doc]
  promptMax: VIDEO_PROMPT,
  negativePromptMax: 500, // [provider]
} as const;

// Kling Standard and Pro animate one image [doc], whose aspect ratio they keep.
const klingFromImage = {
  ...kling,
  inputModes: IMAGE_VIDEO,
  maxImages: 1,
  aspectRatios: NONE,
  aspectRatioFromImage: true,
  resolutions: NONE,
} as const;

const sora = {
  family: 'Sora 2',
  kind: 'video',
  durations: [5, 10, 20], // [inferred] from the priced tiers: 1 credit/s at 720p
  aspectRatios: ['16:9', '9:16'], // [provider]
  resolutions: ['720p', '1080p'], // [doc] priced by these
  defaultResolution: '720p', // [inferred] the cheaper tier
  promptMax: VIDEO_PROMPT,
} as const;

// [doc] 720p 5/10/20 credits, 1080p ×1.5 rounded up (8/15/30).
const SORA_CREDITS = {
  '720p/5': 5,
  '720p/10': 10,
  '720p/20': 20,
  '1080p/5': 8,
  '1080p/10': 15,
  '1080p/20': 30,
};

const hailuo = {
  family: 'Hailuo 02',
  kind: 'video',
  durations: [5, 10], // [doc]
  aspectRatios: NONE,
  resolutions: NONE,
  promptMax: 1500, // [provider]
} as const;

const veo = {
  family: 'Veo 3.1',
  kind: 'video',
  inputModes: BOTH_VIDEO, // [doc]
  maxImages: 3, // [doc]
  durations: [8], // [doc] fixed
  aspectRatios: ['16:9', '9:16'], // [provider]
  resolutions: NONE,
  promptMax: VIDEO_PROMPT,
} as const;

const wan = {
  family: 'Wan 2.6',
  kind: 'video',
  durations: [5, 10, 15], // [provider]
  aspectRatios: NONE,
  resolutions: ['720p', '1080p'], // [provider]
  defaultResolution: '720p', // [inferred]
  promptMax: VIDEO_PROMPT,
  credits: null, // [doc] depends on duration and resolution; table not published
} as const;

/** The 20 models the API serves, as of the reference. */
export const builtInModels = [
  {
    id: 'gpt-image-2',
    name: 'GPT Image 2',
    family: 'GPT Image',
    kind: 'image',
    inputModes: IMAGE_MODES,
    maxImages: 4, // [doc]
    durations: NONE,
    aspectRatios: IMAGE_RATIOS, // [doc] (same set; one order across models)
    resolutions: NONE, // the docs offer none
    promptMax: 20000, // [doc]
    credits: 3, // [doc]
    typicalSeconds: [15, 60],
  },
  {
    id: 'nano-banana-2',
    name: 'Nano Banana 2',
    family: 'Nano Banana',
    kind: 'image',
    inputModes: IMAGE_MODES,
    maxImages: 14, // [doc]
    durations: NONE,
    // [provider] the extreme ratios exist at 1K only
    aspectRatios: [...IMAGE_RATIOS, '1:4', '4:1', '1:8', '8:1'],
    aspectRatioResolutions: { '1:4': ['1K'], '4:1': ['1K'], '1:8': ['1K'], '8:1': ['1K'] },
    resolutions: ['1K', '2K', '4K'], // [doc]
    defaultResolution: '1K', // [doc]
    promptMax: 20000, // [doc]
    credits: { '1K': 4, '2K': 6, '4K': 8 }, // [doc]
    typicalSeconds: [8, 30],
    imageMaxBytes: 30 * MB, // [provider]
  },
  {
    id: 'nano-banana-pro',
    name: 'Nano Banana Pro (Gemini 3)',
    family: 'Nano Banana',
    kind: 'image',
    inputModes: IMAGE_MODES,
    maxImages: 8, // [doc]
    durations: NONE,
    aspectRatios: IMAGE_RATIOS, // [provider]
    resolutions: ['2K', '4K'], // [doc] prices only these
    defaultResolution: '2K', // [doc]
    promptMax: 10000, // [doc]
    credits: { '2K': 12, '4K': 20 }, // [doc]
    typicalSeconds: [15, 50],
    imageMaxBytes: 30 * MB, // [provider]
  },
  {
    id: 'google/nano-banana',
    name: 'Nano Banana',
    family: 'Nano Banana',
    kind: 'image',
    inputModes: IMAGE_MODES,
    maxImages: 10, // [doc]
    durations: NONE,
    aspectRatios: IMAGE_RATIOS, // [provider] (same set; one order across models)
    resolutions: NONE,
    promptMax: 5000, // [doc]
    credits: 3, // [doc]
    typicalSeconds: [6, 25],
    imageMaxBytes: 10 * MB, // [provider]
  },
  {
    ...klingFromImage,
    id: 'kling/v2-1-standard',
    name: 'Kling V2.1 Standard',
    credits: { '5': 11, '10': 22 }, // [doc]
    typicalSeconds: [40, 100],
  },
  {
    ...klingFromImage,
    id: 'kling/v2-1-pro',
    name: 'Kling V2.1 Pro',
    credits: { '5': 21, '10': 42 }, // [doc]
    typicalSeconds: [50, 120],
  },
  {
    ...kling,
    id: 'kling/v2-1-master-text-to-video',
    name: 'Kling V2.1 Master',
    inputModes: TEXT_VIDEO, // [doc]
    maxImages: 0,
    aspectRatios: ['16:9', '9:16', '1:1'], // [provider]
    resolutions: NONE,
    credits: { '5': 67, '10': 134 }, // [doc]
    typicalSeconds: [60, 120],
  },
  {
    ...sora,
    id: 'sora-2-text-to-video',
    name: 'Sora 2',
    inputModes: TEXT_VIDEO,
    maxImages: 0,
    credits: SORA_CREDITS,
    typicalSeconds: [40, 100],
  },
  {
    ...sora,
    id: 'sora-2-pro-text-to-video',
    name: 'Sora 2 Pro',
    inputModes: TEXT_VIDEO,
    maxImages: 0,
    // [doc]
    credits: {
      '720p/5': 16,
      '720p/10': 32,
      '720p/20': 64,
      '1080p/5': 24,
      '1080p/10': 48,
      '1080p/20': 96,
    },
    typicalSeconds: [60, 120],
  },
  {
    ...sora,
    id: 'sora-2-image-to-video',
    name: 'Sora 2 Image-to-Video',
    inputModes: IMAGE_VIDEO,
    maxImages: 1, // [doc] "others typically 1"
    credits: SORA_CREDITS, // [doc] as Sora 2
    typicalSeconds: [40, 100],
  },
  {
    ...hailuo,
    id: 'hailuo/02-text-to-video-standard',
    name: 'Hailuo Standard',
    inputModes: TEXT_VIDEO,
    maxImages: 0,
    credits: { '5': 13, '10': 21 }, // [doc]
    typicalSeconds: [30, 90],
  },
  {
    ...hailuo,
    id: 'hailuo/02-text-to-video-pro',
    name: 'Hailuo Pro',
    inputModes: TEXT_VIDEO,
    maxImages: 0,
    credits: { '5': 24, '10': 48 }, // [doc]
    typicalSeconds: [45, 120],
  },
  {
    ...hailuo,
    id: 'hailuo/02-image-to-video-standard',
    name: 'Hailuo I2V Standard',
    inputModes: IMAGE_VIDEO,
    maxImages: 1,
    credits: { '5': 13, '10': 21 }, // [doc] as Hailuo Standard
    typicalSeconds: [30, 90],
  },
  {
    ...hailuo,
    id: 'hailuo/02-image-to-video-pro',
    name: 'Hailuo I2V Pro',
    inputModes: IMAGE_VIDEO,
    maxImages: 1,
    credits: { '5': 24, '10': 48 }, // [doc] as Hailuo Pro
    typicalSeconds: [45, 120],
  },
  { ...veo, id: 'veo3_fast', name: 'Veo 3.1 Fast', credits: 9, typicalSeconds: [30, 70] }, // [doc] 9 flat
  { ...veo, id: 'veo3', name: 'Veo 3.1', credits: 63, typicalSeconds: [50, 120] }, // [doc] 63 flat
  { ...veo, id: 'veo3_lite', name: 'Veo 3.1 Lite', credits: 5, typicalSeconds: [30, 60] }, // [doc] 5 flat
  {
    ...wan,
    id: 'wan/2-6-text-to-video',
    name: 'Wan 2.6',
    inputModes: TEXT_VIDEO,
    maxImages: 0,
    typicalSeconds: [40, 110],
  },
  {
    ...wan,
    id: 'wan/2-6-image-to-video',
    name: 'Wan 2.6 Image-to-Video',
    inputModes: IMAGE_VIDEO,
    maxImages: 1,
    typicalSeconds: [40, 110],
  },
  {
    id: 'bytedance/seedance-1.5-pro',
    name: 'Seedance 1.5 Pro',
    family: 'Seedance',
    kind: 'video',
    inputModes: BOTH_VIDEO, // [doc]
    maxImages: 1, // [doc] "others typically 1"
    durations: [4, 8, 12], // [provider]
    aspectRatios: ['1:1', '4:3', '3:4', '16:9', '9:16', '21:9'], // [provider]
    resolutions: ['480p', '720p', '1080p'], // [provider]
    defaultResolution: '720p', // [inferred]
    promptMin: 3, // [provider]
    promptMax: 2500, // [provider]
    credits: null, // [doc] duration and resolution affect credits; table not published
    typicalSeconds: [30, 90],
  },
] as const satisfies readonly ModelSpec[];

/** The built-in models, as a union of their literal specs. */
export type BuiltInModel = (typeof builtInModels)[number];

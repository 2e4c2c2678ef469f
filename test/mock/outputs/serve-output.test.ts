// What the mock serves for a completed task has the shape the request asked for: a clip per aspect
// ratio a video model offers, and SVG images drawn at the requested ratio.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/core/client.js';
import { defaultRegistry } from '../../../src/core/index.js';
import { createMockApi } from '../../../src/mock/index.js';
import { clipFor } from '../../../src/mock/outputs/serve-output.js';
import { videoClips } from '../../../src/mock/outputs/video-clips.js';

/** The display width and height an MP4 declares in its track header (`tkhd`, 16.16 fixed point). */
function mp4Size(bytes: Uint8Array): { width: number; height: number } {
  const at = Buffer.from(bytes).indexOf('tkhd');
  expect(at).toBeGreaterThan(0);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const size = view.getUint32(at - 4);
  const end = at - 4 + size;
  return { width: view.getUint32(end - 8) / 65536, height: view.getUint32(end - 4) / 65536 };
}

const ratioOf = (aspectRatio: string) => {
  const [w, h] = aspectRatio.split(':').map(Number);
  return w! / h!;
};

function setup() {
  const api = createMockApi({
    timing: 'instant',
    seed: 3,
    credits: 100_000,
    outputBaseUrl: 'http://mock.test/out',
  });
  const client = createClient({
    baseUrl: 'http://mock.test',
    fetch: (input, init) => api.handle(new Request(input, init)),
  });
  const fetchOutput = async (url: string) =>
    new Uint8Array(await (await api.handle(new Request(url))).arrayBuffer());
  return { client, fetchOutput };
}

const videoRatios = [
  ...new Set(
    defaultRegistry.models
      .filter((model) => model.kind === 'video')
      .flatMap((model) => model.aspectRatios),
  ),
];

describe('the mock outputs match the aspect ratio of the request', () => {
  it('has a clip for every aspect ratio a video model offers', () => {
    expect(videoRatios.length).toBeGreaterThanOrEqual(6);
    for (const ratio of videoRatios) expect(clipFor(ratio)).toBe(ratio);
    // A model that follows its input image asks for none: landscape, as most models make.
    expect(clipFor(undefined)).toBe('16:9');
    expect(clipFor('2:1')).toBe('16:9');
  });

  it.each(videoRatios)(
    'serves the %s clip to every video model that offers that ratio',
    async (ratio) => {
      const { client, fetchOutput } = setup();
      const models = defaultRegistry.models.filter(
        (model) =>
          model.kind === 'video' &&
          (model.aspectRatios as readonly string[]).includes(ratio) &&
          (model.inputModes as readonly string[]).includes('text_to_video'),
      );
      expect(models.length).toBeGreaterThan(0);
      for (const model of models) {
        const { taskId } = await client.generateVideo({
          model: model.id,
          prompt: 'Waves at dawn',
          aspectRatio: ratio,
          duration: model.durations[0],
        } as never);
        const task = await client.getTask(taskId);
        const clip = await fetchOutput(task.videoUrl!);
        const { width, height } = mp4Size(clip);
        expect(width / height, model.id).toBeCloseTo(ratioOf(ratio), 1);
        expect(Buffer.from(clip).toString('base64')).toBe(
          videoClips[ratio as keyof typeof videoClips],
        );
      }
    },
  );

  it.each(['16:9', '9:16', '21:9', '4:5'])('draws a %s image at that ratio', async (ratio) => {
    const { client, fetchOutput } = setup();
    const { taskId } = await client.generateImage({
      model: 'nano-banana-2',
      prompt: 'A red fox',
      aspectRatio: ratio,
      resolution: '1K',
    } as never);
    const task = await client.getTask(taskId);
    const svg = new TextDecoder().decode(await fetchOutput(task.imageUrls[0]!));
    const [, width, height] = /^<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
    expect(Number(width) / Number(height)).toBeCloseTo(ratioOf(ratio), 2);
  });

  it('keeps the clips small (the mock ships them in its bundle)', () => {
    const total = Object.values(videoClips).reduce((sum, clip) => sum + clip.length, 0);
    expect(total).toBeLessThan(48_000);
  });
});

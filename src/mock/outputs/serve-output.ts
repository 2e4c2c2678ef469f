import type { MockTask } from '../mock-task.js';
import { svgImage } from './svg-image.js';
import { videoClips } from './video-clips.js';

type ClipRatio = keyof typeof videoClips;
const decoded = new Map<ClipRatio, Uint8Array<ArrayBuffer>>();

// atob exists in browsers and in Node ≥ 16, so this entry needs no `node:` import.
function clip(ratio: ClipRatio): Uint8Array<ArrayBuffer> {
  let bytes = decoded.get(ratio);
  if (!bytes) {
    const binary = atob(videoClips[ratio]);
    bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    decoded.set(ratio, bytes);
  }
  return bytes;
}

// A ratio's shape on a log scale, so 1:2 and 2:1 are as far from 1:1.
const shape = (ratio: string) => {
  const [w, h] = ratio.split(':').map(Number);
  return w && h ? Math.log(w / h) : Math.log(16 / 9);
};

/**
 * The clip of the request's aspect ratio: every ratio a video model offers has its own, anything else
 * gets the nearest in shape, and none (a model that follows its image) landscape, as most models make.
 */
export function clipFor(aspectRatio: string | undefined): ClipRatio {
  const wanted = shape(aspectRatio ?? '16:9');
  let best: ClipRatio = '16:9';
  for (const ratio of Object.keys(videoClips) as ClipRatio[])
    if (Math.abs(shape(ratio) - wanted) < Math.abs(shape(best) - wanted)) best = ratio;
  return best;
}

/** The bytes, or the part a `Range: bytes=a-b` header asks for (video elements seek this way). */
function withRange(request: Request, bytes: Uint8Array<ArrayBuffer>, type: string): Response {
  const headers = {
    'Content-Type': type,
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'public, max-age=31536000, immutable',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '');
  if (!range || (!range[1] && !range[2]))
    return new Response(request.method === 'HEAD' ? null : bytes, {
      headers: { ...headers, 'Content-Length': String(bytes.length) },
    });
  const size = bytes.length;
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end)
    return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  const part = bytes.slice(start, end + 1);
  return new Response(request.method === 'HEAD' ? null : part, {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(part.length),
      'Content-Range': `bytes ${start}-${end}/${size}`,
    },
  });
}

/**
 * One output file of a completed task: `image-1.svg` (the prompt drawn at the requested aspect ratio)
 * or `video.mp4` (a small real clip of the nearest shape). `undefined` when the task has no such file.
 */
export function serveOutput(request: Request, task: MockTask, file: string): Response | undefined {
  if (task.type === 'image' && file === 'image-1.svg') {
    const svg = svgImage({
      prompt: task.prompt,
      model: task.model,
      aspectRatio: task.aspectRatio,
      resolution: task.resolution,
    });
    return withRange(
      request,
      new TextEncoder().encode(svg) as Uint8Array<ArrayBuffer>,
      'image/svg+xml; charset=utf-8',
    );
  }
  if (task.type === 'video' && file === 'video.mp4')
    return withRange(request, clip(clipFor(task.aspectRatio)), 'video/mp4');
  return undefined;
}

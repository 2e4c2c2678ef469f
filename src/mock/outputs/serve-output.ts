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

/** The clip nearest in shape to an aspect ratio (landscape by default, as most video models make). */
function clipFor(aspectRatio: string | undefined): ClipRatio {
  const [w, h] = (aspectRatio ?? '').split(':').map(Number);
  const ratio = w && h ? w / h : 16 / 9;
  return ratio > 1.2 ? '16:9' : ratio < 0.83 ? '9:16' : '1:1';
}

/** The bytes, or the part a `Range: bytes=a-b` header asks for (video elements seek this way). */
function withRange(request: Request, bytes: Uint8Array<ArrayBuffer>, type: string): Response {
  const headers = { 'Content-Type': type, 'Accept-Ranges': 'bytes', 'Cache-Control': 'public, max-age=31536000, immutable' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('Range') ?? '');
  if (!range || (!range[1] && !range[2])) return new Response(request.method === 'HEAD' ? null : bytes, { headers: { ...headers, 'Content-Length': String(bytes.length) } });
  const size = bytes.length;
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  if (start >= size || start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  const part = bytes.slice(start, end + 1);
  return new Response(request.method === 'HEAD' ? null : part, {
    status: 206,
    headers: { ...headers, 'Content-Length': String(part.length), 'Content-Range': `bytes ${start}-${end}/${size}` },
  });
}

/**
 * One output file of a completed task: `image-1.svg` (the prompt drawn at the requested aspect ratio)
 * or `video.mp4` (a small real clip of the nearest shape). `undefined` when the task has no such file.
 */
export function serveOutput(request: Request, task: MockTask, file: string): Response | undefined {
  if (task.type === 'image' && file === 'image-1.svg') {
    const svg = svgImage({ prompt: task.prompt, model: task.model, aspectRatio: task.aspectRatio, resolution: task.resolution });
    return withRange(request, new TextEncoder().encode(svg) as Uint8Array<ArrayBuffer>, 'image/svg+xml; charset=utf-8');
  }
  if (task.type === 'video' && file === 'video.mp4') return withRange(request, clip(clipFor(task.aspectRatio)), 'video/mp4');
  return undefined;
}

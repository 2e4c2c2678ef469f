import type { ServerResponse } from 'node:http';
import { PNG, TEXT, padded } from '../uploads/images.js';
import { startFakeUpstream, type SeenRequest } from '../../helpers/proxy-server.js';

/** The first bytes of an MP4 file (an `ftyp` box), padded to 64 bytes. */
export const MP4 = padded(
  new Uint8Array([0, 0, 0, 0x18, ...new TextEncoder().encode('ftypisom'), 0, 0, 2, 0]),
  64,
);
/** A PNG of 2,000 bytes. */
export const IMAGE = padded(PNG, 2000);

/** What the fake CDN serves under `/cdn/{name}`. */
export const CDN_FILES: Record<string, { bytes: Uint8Array; type: string; chunked?: boolean }> = {
  'fox.png': { bytes: IMAGE, type: 'image/png' },
  'clip.mp4': { bytes: MP4, type: 'video/mp4' },
  // Says it is a PNG; its bytes are text.
  'notes.png': { bytes: TEXT, type: 'image/png' },
  // Larger than the tests' 4 KB image cap, sent without a Content-Length.
  'huge.png': { bytes: padded(PNG, 50_000), type: 'image/png', chunked: true },
};

/**
 * The API and its CDN on one fake server: a submit gets a task id, a poll of it answers it completed
 * with the outputs `outputs()` names (CDN paths, e.g. `/cdn/fox.png`), and `/cdn/{name}` serves
 * {@link CDN_FILES} (404 for others). `hold` keeps CDN answers waiting until released.
 */
export async function startApiWithCdn() {
  let count = 0;
  const outputs = new Map<string, { type: 'image' | 'video'; paths: string[] }>();
  let next: { type: 'image' | 'video'; paths: string[] } = {
    type: 'image',
    paths: ['/cdn/fox.png'],
  };
  let held: Array<() => void> | null = null;
  const server = await startFakeUpstream((seen: SeenRequest, res: ServerResponse) => {
    const json = (body: unknown) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (seen.url.startsWith('/cdn/')) {
      const serve = () => {
        const file = CDN_FILES[seen.url.slice(5)];
        if (!file) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, {
          'Content-Type': file.type,
          ...(file.chunked ? {} : { 'Content-Length': String(file.bytes.byteLength) }),
        });
        res.end(Buffer.from(file.bytes));
      };
      if (held) held.push(serve);
      else serve();
      return;
    }
    if (seen.method === 'POST') {
      const taskId = `tsk_FAKE${String(++count).padStart(22, '0')}`;
      outputs.set(taskId, next);
      return json({ taskId, status: 0, creditsUsed: 3 });
    }
    const taskId = seen.url.split('/').pop()!;
    const { type, paths } = outputs.get(taskId)!;
    const urls = paths.map((path) => `${server.url}${path}`);
    json({
      taskId,
      type,
      status: 1,
      model: type === 'image' ? 'gpt-image-2' : 'sora-2-text-to-video',
      imageUrls: type === 'image' ? urls : [],
      videoUrl: type === 'video' ? urls[0] : null,
      creditsUsed: 3,
    });
  });
  return {
    ...server,
    /** The outputs of the next task submitted. */
    setNext(type: 'image' | 'video', ...paths: string[]) {
      next = { type, paths };
    },
    /** How many times the CDN was asked for `path`. */
    cdnGets: (path: string) => server.requests.filter((seen) => seen.url === path).length,
    /** CDN answers wait from now until `release()`. */
    hold() {
      held = [];
    },
    release() {
      const waiting = held ?? [];
      held = null;
      for (const serve of waiting) serve();
    },
  };
}

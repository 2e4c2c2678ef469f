import { SNIFF_BYTES, sniffImageType, type UploadImageType } from '../../core/upload/image-type.js';

/** Thrown into the storage's stream when the body grows past the limit. */
export class UploadTooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`The upload grew past ${maxBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** What the first bytes of a body said, and the rest of the body, capped. */
export type ReceivedUpload =
  | { ok: true; type: UploadImageType; body: ReadableStream<Uint8Array>; size: () => number }
  | { ok: false; reason: 'not-an-image' | 'unreadable'; found?: string };

/**
 * Reads a body's first bytes and names their image type by magic number; then hands on the whole body
 * (those bytes first) as a stream that errors with {@link UploadTooLargeError} the moment it passes
 * `maxBytes`, and stops reading the request. Nothing is held but the current chunk: a body past the
 * limit is never buffered.
 */
export async function receiveUpload(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<ReceivedUpload> {
  if (!body) return { ok: false, reason: 'not-an-image', found: 'an empty body' };
  const reader = body.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  let done = false;
  try {
    while (size < SNIFF_BYTES) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      head.push(next.value);
      size += next.value.byteLength;
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  const first = new Uint8Array(size);
  head.reduce((offset, chunk) => (first.set(chunk, offset), offset + chunk.byteLength), 0);
  const type = sniffImageType(first);
  if (!type) {
    reader.cancel().catch(() => {});
    return { ok: false, reason: 'not-an-image', found: size === 0 ? 'an empty body' : undefined };
  }

  const tooLarge = () => {
    reader.cancel().catch(() => {});
    return new UploadTooLargeError(maxBytes);
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (size > maxBytes) return controller.error(tooLarge());
        controller.enqueue(first);
        if (done) controller.close();
      },
      async pull(controller) {
        const next = await reader.read();
        if (next.done) return controller.close();
        size += next.value.byteLength;
        if (size > maxBytes) return controller.error(tooLarge());
        controller.enqueue(next.value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return { ok: true, type, body: stream, size: () => size };
}

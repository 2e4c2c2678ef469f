import { sniffOutputType, type OutputType } from '../uploads/stored-file-type.js';

const SNIFF = 12;

/** Why an output was not copied: the CDN's answer, its size or its type. */
export class OutputCopyError extends Error {
  override name = 'OutputCopyError';
}

/** An output on its way from the CDN: its checked type, and its bytes capped at the limit. */
export interface FetchedOutput {
  type: OutputType;
  /** Its size when the CDN said (`Content-Length`). */
  size: number | undefined;
  /** The bytes, erroring with an {@link OutputCopyError} past the limit: never buffered beyond it. */
  body: ReadableStream<Uint8Array>;
}

/**
 * Fetches one output and checks it before any byte is stored: a 2xx, at most `maxBytes` (by
 * `Content-Length` when given, and counted as it streams), and one of `accept` by its first bytes
 * (whatever the CDN's `Content-Type` says).
 */
export async function fetchOutput(
  url: string,
  {
    fetch: fetchImpl,
    maxBytes,
    accept,
    signal,
  }: {
    fetch: typeof fetch;
    maxBytes: number;
    accept: readonly OutputType[];
    signal: AbortSignal;
  },
): Promise<FetchedOutput> {
  const response = await fetchImpl(url, { signal, redirect: 'follow' });
  const tooLarge = () =>
    new OutputCopyError(`${url} is larger than the limit of ${maxBytes} bytes`);
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new OutputCopyError(`${url} answered ${response.status}`);
  }
  const length = response.headers.get('Content-Length');
  const size = length === null ? undefined : Number(length);
  if (size !== undefined && size > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw tooLarge();
  }
  const reader = response.body.getReader();
  // The first bytes, for the type; kept to be sent on first.
  const head: Uint8Array[] = [];
  let total = 0;
  while (total < SNIFF) {
    const next = await reader.read();
    if (next.done) break;
    head.push(next.value);
    total += next.value.byteLength;
  }
  const first = new Uint8Array(total);
  let offset = 0;
  for (const part of head) first.set(part, (offset += part.byteLength) - part.byteLength);
  const type = sniffOutputType(first);
  if (!type || !accept.includes(type)) {
    await reader.cancel().catch(() => {});
    throw new OutputCopyError(
      `${url} is ${type ?? 'not a known image or video'}, not ${accept.join(', ')}`,
    );
  }
  if (total > maxBytes) {
    await reader.cancel().catch(() => {});
    throw tooLarge();
  }
  let sentHead = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentHead) {
        sentHead = true;
        if (first.byteLength) return controller.enqueue(first);
      }
      const next = await reader.read();
      if (next.done) return controller.close();
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return controller.error(tooLarge());
      }
      controller.enqueue(next.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { type, size, body };
}

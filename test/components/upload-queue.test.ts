import { describe, expect, it, vi } from 'vitest';
import {
  createUploadQueue,
  readUploadFailure,
  type UploadAdapter,
  type UploadContext,
  type UploadQueueOptions,
} from '../../src/components/upload-queue.js';

/** An adapter the test finishes by hand: each call waits for `resolve` or `reject`. */
function manualAdapter() {
  const calls: {
    name: string;
    context: UploadContext;
    resolve: (url: string) => void;
    reject: (error: unknown) => void;
  }[] = [];
  const upload: UploadAdapter = (file, context) =>
    new Promise((resolve, reject) => calls.push({ name: file.name, context, resolve, reject }));
  return { upload, calls, started: () => calls.map((call) => call.name) };
}

/** A queue over `upload`, with every report recorded in order. */
function queueOver(upload: UploadAdapter | undefined, options: Partial<UploadQueueOptions> = {}) {
  const reports: unknown[][] = [];
  const queue = createUploadQueue({
    getUpload: () => upload,
    onProgress: (id, fraction) => reports.push(['progress', id, fraction]),
    onSuccess: (id, url) => reports.push(['success', id, url]),
    onFailure: (id, error) => reports.push(['failure', id, error]),
    ...options,
  });
  return { queue, reports };
}

const file = (name: string) => new File(['x'], name, { type: 'image/png' });
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createUploadQueue', () => {
  it('uploads a file, reports clamped progress, then the http(s) URL', async () => {
    const { upload, calls } = manualAdapter();
    const { queue, reports } = queueOver(upload);
    queue.add('a', file('a.png'));
    expect(calls).toHaveLength(1);
    calls[0]!.context.onProgress(0.42);
    calls[0]!.context.onProgress(1.7);
    calls[0]!.context.onProgress(Number.NaN);
    calls[0]!.resolve('https://cdn.test/a.png');
    await settled();
    expect(reports).toEqual([
      ['progress', 'a', 0.42],
      ['progress', 'a', 1],
      ['success', 'a', 'https://cdn.test/a.png'],
    ]);
    // Nothing after success.
    calls[0]!.context.onProgress(0.5);
    expect(reports).toHaveLength(3);
  });

  it('runs at most `concurrency` uploads, starting the waiting ones in order as places free', async () => {
    const { upload, calls, started } = manualAdapter();
    const { queue } = queueOver(upload, { concurrency: 2 });
    for (const name of ['1', '2', '3', '4']) queue.add(name, file(`${name}.png`));
    expect(started()).toEqual(['1.png', '2.png']);
    calls[0]!.resolve('https://cdn.test/1.png');
    await settled();
    expect(started()).toEqual(['1.png', '2.png', '3.png']);
    calls[1]!.reject(new Error('Storage answered 503'));
    await settled();
    expect(started()).toEqual(['1.png', '2.png', '3.png', '4.png']);
  });

  it('starts everything at once by default', () => {
    const { upload, started } = manualAdapter();
    const { queue } = queueOver(upload);
    for (const name of ['1', '2', '3', '4', '5', '6', '7']) queue.add(name, file(`${name}.png`));
    expect(started()).toHaveLength(7);
  });

  it('cancels: a running upload is aborted and its late answer ignored; a waiting one never starts', async () => {
    const { upload, calls, started } = manualAdapter();
    const { queue, reports } = queueOver(upload, { concurrency: 1 });
    queue.add('a', file('a.png'));
    queue.add('b', file('b.png'));
    queue.add('c', file('c.png'));
    queue.cancel('b');
    queue.cancel('a');
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(started()).toEqual(['a.png', 'c.png']);
    calls[0]!.context.onProgress(0.5);
    calls[0]!.resolve('https://cdn.test/a.png');
    await settled();
    expect(reports).toEqual([]);
  });

  it('retain cancels every upload it is not told to keep; cancelAll cancels all and stays usable', () => {
    const { upload, calls, started } = manualAdapter();
    const { queue } = queueOver(upload, { concurrency: 2 });
    for (const name of ['a', 'b', 'c', 'd']) queue.add(name, file(`${name}.png`));
    queue.retain((id) => id !== 'a' && id !== 'c');
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(calls[1]!.context.signal.aborted).toBe(false);
    expect(started()).toEqual(['a.png', 'b.png', 'd.png']);
    queue.cancelAll();
    expect(calls.every((call) => call.context.signal.aborted)).toBe(true);
    queue.add('e', file('e.png'));
    expect(started().at(-1)).toBe('e.png');
    expect(calls.at(-1)!.context.signal.aborted).toBe(false);
  });

  it('reports failures as typed data: a rejection, a throw, a URL that is not http(s), no adapter', async () => {
    const throwing: UploadAdapter = () => {
      throw new Error('No storage configured');
    };
    const { queue, reports } = queueOver(throwing);
    queue.add('t', file('t.png'));
    await settled();
    const rejecting = queueOver(() => Promise.reject(new Error('')));
    rejecting.queue.add('r', file('r.png'));
    const odd = queueOver(async () => 'data:image/png;base64,AAAA');
    odd.queue.add('o', file('o.png'));
    const none = queueOver(undefined);
    none.queue.add('n', file('n.png'));
    await settled();
    expect(reports).toEqual([
      [
        'failure',
        't',
        {
          code: 'upload-failed',
          message: 'No storage configured',
          upload: { code: null, status: null, retryable: null },
        },
      ],
    ]);
    expect(rejecting.reports).toEqual([
      [
        'failure',
        'r',
        {
          code: 'upload-failed',
          message: 'The upload failed',
          upload: { code: null, status: null, retryable: null },
        },
      ],
    ]);
    expect(odd.reports).toEqual([
      [
        'failure',
        'o',
        { code: 'upload-invalid-url', message: 'The upload did not return an http(s) URL' },
      ],
    ]);
    expect(none.reports).toEqual([
      ['failure', 'n', expect.objectContaining({ code: 'no-uploader' })],
    ]);
  });

  it('retries a failed file under the same id with a fresh signal', async () => {
    const { upload, calls } = manualAdapter();
    const onSuccess = vi.fn();
    const { queue, reports } = queueOver(upload, { onSuccess });
    queue.add('a', file('a.png'));
    calls[0]!.reject(new Error('Storage answered 503'));
    await settled();
    expect(reports).toEqual([
      [
        'failure',
        'a',
        {
          code: 'upload-failed',
          message: 'Storage answered 503',
          upload: { code: null, status: null, retryable: null },
        },
      ],
    ]);
    queue.add('a', file('a.png'));
    expect(calls).toHaveLength(2);
    expect(calls[1]!.context.signal).not.toBe(calls[0]!.context.signal);
    calls[1]!.resolve('https://cdn.test/a.png');
    await settled();
    expect(onSuccess).toHaveBeenCalledWith('a', 'https://cdn.test/a.png');
  });

  it('adding an id again replaces its upload in flight (aborted, its answer ignored)', async () => {
    const { upload, calls } = manualAdapter();
    const onSuccess = vi.fn();
    const { queue } = queueOver(upload, { onSuccess });
    queue.add('a', file('a.png'));
    queue.add('a', file('a2.png'));
    expect(calls[0]!.context.signal.aborted).toBe(true);
    calls[0]!.resolve('https://cdn.test/old.png');
    calls[1]!.resolve('https://cdn.test/a2.png');
    await settled();
    expect(onSuccess.mock.calls).toEqual([['a', 'https://cdn.test/a2.png']]);
  });

  it("keeps what the adapter's error said: the server's refusal, a network failure, each typed", async () => {
    // Shaped as createUploader's UploadError (components may not import it; the queue reads the shape).
    const refusal = Object.assign(new Error('The file is not a JPEG, PNG or WebP image'), {
      name: 'UploadError',
      code: 'file-invalid-type',
      status: 415,
      retryable: false,
      fieldErrors: { file: ['The file is not a JPEG, PNG or WebP image'] },
    });
    const dropped = Object.assign(new Error('The upload could not reach the server'), {
      code: 'network',
      status: null,
      retryable: true,
    });
    const { upload, calls } = manualAdapter();
    const { queue, reports } = queueOver(upload);
    queue.add('bad', file('notes.jpg'));
    queue.add('net', file('photo.png'));
    calls[0]!.reject(refusal);
    calls[1]!.reject(dropped);
    await settled();
    expect(reports).toEqual([
      [
        'failure',
        'bad',
        {
          code: 'upload-failed',
          message: 'The file is not a JPEG, PNG or WebP image',
          upload: { code: 'file-invalid-type', status: 415, retryable: false },
        },
      ],
      [
        'failure',
        'net',
        {
          code: 'upload-failed',
          message: 'The upload could not reach the server',
          upload: { code: 'network', status: null, retryable: true },
        },
      ],
    ]);
  });
});

describe('readUploadFailure', () => {
  it('reads code, status and retryable off any object, each only when it has the right type', () => {
    expect(readUploadFailure({ code: 'storage', status: 503, retryable: true })).toEqual({
      code: 'storage',
      status: 503,
      retryable: true,
    });
    // A DOMException's numeric code, a status in words, a retryable "yes": not said.
    expect(readUploadFailure({ code: 19, status: '503', retryable: 'yes' })).toEqual({
      code: null,
      status: null,
      retryable: null,
    });
    expect(readUploadFailure({ code: '', status: 4.5 })).toEqual({
      code: null,
      status: null,
      retryable: null,
    });
    for (const thrown of ['offline', null, undefined, 42])
      expect(readUploadFailure(thrown)).toEqual({ code: null, status: null, retryable: null });
  });
});

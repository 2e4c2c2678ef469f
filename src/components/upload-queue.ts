import { isHttpUrl } from '../core/request/validate-request.js';
import type {
  UploadAdapter,
  UploadContext,
  UploadErrorCode,
  UploadFailure,
} from '../core/upload/upload-adapter.js';
import { ImageErrorCode, type ImageError } from './image-checks.js';

export type { UploadAdapter, UploadContext, UploadErrorCode, UploadFailure };

// Uploads as a plain object (no React): at most `concurrency` at a time, each cancellable, reporting
// progress, success and failure by id. The dropzone's hook turns the reports into item changes.

/** What an {@link UploadQueue} reports; none of it after the upload was cancelled. */
export interface UploadQueueOptions {
  /** The adapter, read when each upload starts (so the latest one is used). */
  getUpload: () => UploadAdapter | undefined;
  /** Most uploads at once; the rest wait their turn in order. Defaults to `Infinity`. */
  concurrency?: number;
  /** Progress of a running upload, clamped to 0–1 (non-numbers ignored). */
  onProgress?: (id: string, fraction: number) => void;
  /** The upload resolved with an http(s) URL. */
  onSuccess?: (id: string, url: string) => void;
  /**
   * The upload rejected (`upload-failed`, with the error's message, and its `code`, `status` and
   * `retryable` in `upload`), or resolved with something else (`upload-invalid-url`).
   */
  onFailure?: (id: string, error: ImageError) => void;
}

/** Uploads by id: see {@link createUploadQueue}. */
export interface UploadQueue {
  /** Queues `file` under `id` (again, to retry a failed one); it starts when a place is free. */
  add(id: string, file: File): void;
  /** Cancels the upload of `id`: aborted if running, forgotten if waiting. Nothing is reported for it. */
  cancel(id: string): void;
  /** Cancels every upload whose id `keep` does not return `true` for. */
  retain(keep: (id: string) => boolean): void;
  /** Cancels everything; the queue stays usable. */
  cancelAll(): void;
}

/**
 * What a rejection says about why, read structurally: components may not import `src/upload`, so an
 * `UploadError` (or any adapter's error with these fields) is recognised by its shape. A field of the
 * wrong type counts as not said (a DOMException's numeric `code` is not an upload code).
 */
export function readUploadFailure(error: unknown): UploadFailure {
  const { code, status, retryable } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as Partial<Record<'code' | 'status' | 'retryable', unknown>>;
  return {
    code: typeof code === 'string' && code ? code : null,
    status: Number.isInteger(status) ? (status as number) : null,
    retryable: typeof retryable === 'boolean' ? retryable : null,
  };
}

/** An upload queue over your adapter, reporting through the callbacks of `options`. */
export function createUploadQueue(options: UploadQueueOptions): UploadQueue {
  const concurrency = Math.max(1, options.concurrency ?? Infinity);
  const running = new Map<string, AbortController>();
  const waiting = new Map<string, File>();

  function start(id: string, file: File) {
    const upload = options.getUpload();
    // The adapter went away after the file was taken: say so rather than wait forever.
    if (!upload)
      return options.onFailure?.(id, {
        code: ImageErrorCode.NoUploader,
        message: 'Files cannot be uploaded here; paste an image URL instead',
      });
    const controller = new AbortController();
    running.set(id, controller);
    const mine = () => running.get(id) === controller && !controller.signal.aborted;
    const settle = (report: () => void) => {
      if (!mine()) return;
      running.delete(id);
      report();
      next();
    };
    const onProgress = (fraction: number) => {
      if (mine() && Number.isFinite(fraction))
        options.onProgress?.(id, Math.min(1, Math.max(0, fraction)));
    };
    let result: Promise<string>;
    try {
      result = Promise.resolve(upload(file, { signal: controller.signal, onProgress }));
    } catch (error) {
      result = Promise.reject(error);
    }
    result.then(
      (url) =>
        settle(() =>
          isHttpUrl(url)
            ? options.onSuccess?.(id, url)
            : options.onFailure?.(id, {
                code: ImageErrorCode.UploadInvalidUrl,
                message: 'The upload did not return an http(s) URL',
              }),
        ),
      (error: unknown) =>
        settle(() =>
          options.onFailure?.(id, {
            code: ImageErrorCode.UploadFailed,
            message: error instanceof Error && error.message ? error.message : 'The upload failed',
            upload: readUploadFailure(error),
          }),
        ),
    );
  }

  function next() {
    for (const [id, file] of waiting) {
      if (running.size >= concurrency) return;
      waiting.delete(id);
      start(id, file);
    }
  }

  function cancel(id: string) {
    waiting.delete(id);
    const controller = running.get(id);
    if (!controller) return;
    running.delete(id);
    controller.abort();
    next();
  }

  return {
    add(id, file) {
      cancel(id);
      waiting.set(id, file);
      next();
    },
    cancel,
    retain(keep) {
      // The waiting first, so that no place freed below starts an upload about to be cancelled.
      for (const id of [...waiting.keys()]) if (!keep(id)) waiting.delete(id);
      for (const id of [...running.keys()]) if (!keep(id)) cancel(id);
    },
    cancelAll() {
      waiting.clear();
      for (const id of [...running.keys()]) cancel(id);
    },
  };
}

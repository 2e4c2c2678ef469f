import type { UploadImageType } from '../../core/upload/image-type.js';
import type { OutputType } from './stored-file-type.js';

/** A stored file, as the storage gives it back for serving. */
export interface StoredUpload {
  /** The file's bytes. */
  body: ReadableStream<Uint8Array>;
  /** Its size in bytes. */
  size: number;
}

/** What a presigned upload needs besides the key. */
export interface PresignInfo {
  /** The type the browser declared (and sniffed); the PUT must send it as `Content-Type`. */
  contentType: UploadImageType;
  /** The exact size in bytes the PUT must send. */
  size: number;
}

/**
 * Where `createUploadHandler` keeps uploads. Two ways in, one of which a storage offers:
 * - **through the handler** (`write`): the handler streams the checked bytes to it, and serves them
 *   back under `GET {prefix}/{key}` when it has `read` (`createFileSystemStorage` from
 *   `gptimage2-react/server/fs`);
 * - **presigned** (`presignPut` and `peek`): the browser PUTs straight to the storage, then the handler
 *   checks what landed (`createS3Storage` from `gptimage2-react/server/s3`).
 *
 * Keys come from the handler only (`<user folder>/<random>.<ext>`, see `UPLOAD_KEY_PATTERN`); a storage
 * may trust them as safe path segments but must still never write outside its own root.
 */
export interface UploadStorage {
  /**
   * Stores a new file from `body`. Resolves `'exists'` (writing nothing) when the key is taken: a file
   * is never replaced. When `body` errors (past the size limit, or the browser went away), rejects with
   * that error and leaves nothing under the key. Also how the proxy's `keepOutputs` stores outputs
   * (then `contentType` may be a video type, and `size` is the CDN's `Content-Length` when it gave one).
   */
  write?(
    key: string,
    body: ReadableStream<Uint8Array>,
    info: { contentType: OutputType; size?: number },
  ): Promise<'created' | 'exists'>;
  /** A URL (and headers) the browser PUTs exactly `info.size` bytes of `info.contentType` to, creating the key. */
  presignPut?(
    key: string,
    info: PresignInfo,
  ): Promise<{ url: string; headers?: Record<string, string> }>;
  /** The size and first `length` bytes of a stored file (a ranged read), or `null` when there is none. */
  peek?(key: string, length: number): Promise<{ size: number; head: Uint8Array } | null>;
  /** The file for `GET {prefix}/{key}`, or `null` when there is none. Without it the handler serves no files. */
  read?(key: string): Promise<StoredUpload | null>;
  /** Deletes a file (a presigned upload that failed its checks); a missing key is not an error. */
  remove(key: string): Promise<void>;
}

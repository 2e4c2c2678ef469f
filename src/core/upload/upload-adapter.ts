// The contract between a dropzone and whatever stores its files: in the core (types only, no bytes),
// so the dropzone (components) and the framework-free uploader (src/upload) both depend on it, not
// on each other.

/** What the `upload` adapter is given besides the file. */
export interface UploadContext {
  /** Aborted when the user cancels or removes the upload, or the dropzone unmounts. */
  signal: AbortSignal;
  /** Report progress as a fraction from 0 to 1. */
  onProgress: (fraction: number) => void;
}

/** Turns a file into an http(s) URL the API can fetch (e.g. a presigned upload to your storage). */
export type UploadAdapter = (file: File, context: UploadContext) => Promise<string>;

/**
 * Why an upload failed, in `createUploader`'s words: the handler's refusals (`file-invalid-type` 415,
 * `file-too-large` 413, `invalid-upload` 400, `unauthorized` 401), the storage refusing a presigned PUT
 * (`storage`), no answer at all (`network`), or another HTTP status (`http`).
 */
export type UploadErrorCode =
  | 'file-invalid-type'
  | 'file-too-large'
  | 'invalid-upload'
  | 'unauthorized'
  | 'storage'
  | 'network'
  | 'http';

/**
 * What an adapter's rejection says about why, as the dropzone reads it off the rejected error (its
 * `code`, `status` and `retryable`, when present and typed). `UploadError` carries all three; another
 * adapter's errors may carry any of them.
 */
export interface UploadFailure {
  /** The error's own code (`'file-invalid-type'`, `'network'`, or your adapter's), or `null` when it had none. */
  code: UploadErrorCode | (string & {}) | null;
  /** The HTTP status of the refusal, or `null` when nothing answered or the error did not say. */
  status: number | null;
  /** Whether trying again may work; `null` when the error did not say (the dropzone then offers retry). */
  retryable: boolean | null;
}

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

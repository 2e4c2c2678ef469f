import type { UploadErrorCode, UploadFailure } from '../core/upload/upload-adapter.js';

export type { UploadErrorCode };

/**
 * An upload that failed, as `createUploader`'s adapter rejects. The dropzone shows its message, keeps its
 * `code`, `status` and `retryable` on the item's error (`error.upload`), and offers retry only when `retryable`.
 */
export class UploadError extends Error implements UploadFailure {
  /** A stable code; see {@link UploadErrorCode}. */
  declare readonly code: UploadErrorCode;
  /** The HTTP status, or `null` when nothing answered. */
  declare readonly status: number | null;
  /** Whether trying again may work (a network failure or a 5xx). */
  declare readonly retryable: boolean;
  /** Messages per field of a refusal (`file`, `model`, `size`), each naming the rule. */
  declare readonly fieldErrors: Partial<Record<string, string[]>>;

  constructor(
    code: UploadErrorCode,
    message: string,
    {
      status = null,
      fieldErrors = {},
      retryable = status === null || status >= 500,
    }: {
      status?: number | null;
      fieldErrors?: Partial<Record<string, string[]>>;
      retryable?: boolean;
    } = {},
  ) {
    super(message);
    Object.assign(this, { name: 'UploadError', code, status, retryable, fieldErrors });
  }
}

const BY_STATUS: Partial<Record<number, UploadErrorCode>> = {
  400: 'invalid-upload',
  401: 'unauthorized',
  413: 'file-too-large',
  415: 'file-invalid-type',
};

/** The error of a handler's answer in the API's shape (`{"error","code","details"}`). */
export function handlerError(status: number, text: string): UploadError {
  let body: {
    error?: unknown;
    code?: unknown;
    details?: { fieldErrors?: Partial<Record<string, string[]>> };
  } = {};
  try {
    body = JSON.parse(text) ?? {};
  } catch {
    // A proxy's HTML page: the status says enough.
  }
  const code =
    typeof body.code === 'string' && Object.values(BY_STATUS).includes(body.code as UploadErrorCode)
      ? (body.code as UploadErrorCode)
      : (BY_STATUS[status] ?? 'http');
  const message =
    typeof body.error === 'string' && body.error
      ? body.error
      : `The upload failed (HTTP ${status})`;
  return new UploadError(code, message, { status, fieldErrors: body.details?.fieldErrors ?? {} });
}

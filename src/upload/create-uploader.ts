import type { UploadAdapter } from '../core/upload/upload-adapter.js';
import { SNIFF_BYTES, sniffImageType } from '../core/upload/image-type.js';
import {
  DEFAULT_UPLOAD_PREFIX,
  type UploadIntent,
  type UploadResult,
  type UploadTicket,
} from '../core/upload/upload-protocol.js';
import { sendRequest } from './send-request.js';
import { handlerError, UploadError } from './upload-error.js';

/** Options of {@link createUploader}. */
export interface UploaderOptions {
  /** Where `createUploadHandler` (or the mock) answers. Defaults to `'/api/uploads'` on the page's origin. */
  endpoint?: string;
  /** The model the images are for: its size limit applies. A function is read at each upload. Required. */
  model: string | (() => string);
  /** Headers for the requests to the handler (a CSRF token, an authorization header); never sent to presigned storage. Defaults to none. */
  headers?: Record<string, string>;
  /** Sends cookies to a handler on another origin (same-origin requests always carry them). Defaults to `false`. */
  withCredentials?: boolean;
}

/**
 * The `upload` adapter for `ImageDropzone`/`useImageDropzone`, talking to `createUploadHandler`: it
 * declares the file (model, size, the type its first bytes say), sends the bytes where the handler says
 * (to the handler itself, or straight to S3 by presigned PUT, then confirms), with real progress from
 * XMLHttpRequest, cancelled by the dropzone's signal. Resolves with the URL for `inputImageUrls`;
 * rejects with an {@link UploadError} whose message the dropzone shows: a file whose first bytes are
 * not JPEG, PNG or WebP (a renamed text file) at once, without a request; the handler's refusals (its
 * size limit) with their code and field. Nothing is charged: uploads never submit a generation.
 *
 * @example
 * const upload = useMemo(() => createUploader({ model }), [model]);
 * <ImageDropzone.Root model={model} upload={upload} … />
 */
export function createUploader(options: UploaderOptions): UploadAdapter {
  const { headers = {}, withCredentials = false } = options;
  if (!options.model)
    throw new TypeError(
      'createUploader needs model: the id of the model the images are for (its size limit applies)',
    );
  const modelOf =
    typeof options.model === 'function' ? options.model : () => options.model as string;

  return async (file, { signal, onProgress }) => {
    const base = new URL(options.endpoint ?? DEFAULT_UPLOAD_PREFIX, globalThis.location?.href);
    const toHandler = (
      method: 'POST' | 'PUT',
      url: string,
      body: XMLHttpRequestBodyInit | null,
      extra: Record<string, string>,
      progress?: (fraction: number) => void,
    ) =>
      sendRequest({
        method,
        url,
        headers: { ...headers, ...extra },
        body,
        signal,
        withCredentials,
        onProgress: progress,
      });

    // The type the bytes say: a file that is no image is refused here, before a byte is sent (a server
    // refusing mid-body may reset the connection, which a browser reports as a network error); for one
    // that is, the declared type (and a presigned Content-Type) is right even when misnamed. The handler
    // checks the bytes again either way.
    const contentType = sniffImageType(
      new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()),
    );
    if (!contentType) {
      const message = 'The file is not a JPEG, PNG or WebP image';
      throw new UploadError('file-invalid-type', message, {
        retryable: false,
        fieldErrors: { file: [message] },
      });
    }
    const intent: UploadIntent = {
      model: modelOf(),
      size: file.size,
      contentType,
      name: file.name,
    };
    const started = await toHandler('POST', base.href, JSON.stringify(intent), {
      'Content-Type': 'application/json',
    });
    if (started.status !== 200) throw handlerError(started.status, started.text);
    const ticket = JSON.parse(started.text) as UploadTicket;
    const putUrl = new URL(ticket.put.url, base);

    let answer: { status: number; text: string };
    if (ticket.complete === null) {
      answer = await toHandler('PUT', putUrl.href, file, ticket.put.headers, onProgress);
    } else {
      const put = await sendRequest({
        method: 'PUT',
        url: putUrl.href,
        headers: ticket.put.headers,
        body: file,
        signal,
        withCredentials: false,
        onProgress,
      });
      if (put.status < 200 || put.status >= 300)
        throw new UploadError('storage', `The storage refused the upload (HTTP ${put.status})`, {
          status: put.status,
        });
      answer = await toHandler('POST', new URL(ticket.complete, base).href, null, {});
    }
    if (answer.status !== 201 && answer.status !== 200)
      throw handlerError(answer.status, answer.text);
    return (JSON.parse(answer.text) as UploadResult).url;
  };
}

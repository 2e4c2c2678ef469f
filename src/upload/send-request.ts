import { UploadError } from './upload-error.js';

/** One request of an upload. */
export interface SendRequest {
  method: 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body: XMLHttpRequestBodyInit | null;
  signal: AbortSignal;
  withCredentials: boolean;
  /** Told the fraction of the body sent, when the browser knows it. */
  onProgress?: (fraction: number) => void;
}

/**
 * Sends one request with XMLHttpRequest, the one browser API that reports upload progress, and
 * resolves with the status and text of any answer. Rejects with the signal's reason when aborted (the
 * request is cancelled), and with a `network` {@link UploadError} when nothing answers.
 */
export function sendRequest({
  method,
  url,
  headers,
  body,
  signal,
  withCredentials,
  onProgress,
}: SendRequest): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    const done = () => signal.removeEventListener('abort', abort);
    xhr.open(method, url);
    xhr.withCredentials = withCredentials;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
    }
    xhr.onload = () => {
      done();
      resolve({ status: xhr.status, text: xhr.responseText });
    };
    xhr.onerror = () => {
      done();
      reject(
        new UploadError(
          'network',
          'The upload could not reach the server; check the connection and try again',
        ),
      );
    };
    xhr.onabort = () => {
      done();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    xhr.send(body);
  });
}

import { storedContentType } from './stored-file-type.js';
import { errorResponse } from '../error-response.js';
import type { UploadStorage } from './upload-storage.js';

/**
 * `GET`/`HEAD {prefix}/{key}`: the stored file, typed by its key (whose extension the handler chose from
 * the bytes), with `nosniff` so a browser never reads it as anything else, and a sandbox CSP should it
 * be opened as a page. Keys are immutable, so it may be cached for good.
 */
export async function serveUpload(
  request: Request,
  storage: UploadStorage,
  key: string,
): Promise<Response> {
  const file = await storage.read!(key);
  if (!file) return errorResponse(404, 'Not found');
  const headers = {
    'Content-Type': storedContentType(key),
    'Content-Length': String(file.size),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': 'public, max-age=31536000, immutable',
  };
  if (request.method === 'HEAD') {
    await file.body.cancel();
    return new Response(null, { headers });
  }
  return new Response(file.body, { headers });
}

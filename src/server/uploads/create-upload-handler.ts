import type { ModelSpec } from '../../core/registry/model-spec.js';
import { defaultRegistry, type Registry } from '../../core/registry/registry.js';
import { SNIFF_BYTES, sniffImageType } from '../../core/upload/image-type.js';
import {
  checkUploadIntent,
  createUploadKey,
  DEFAULT_UPLOAD_MAX_BYTES,
  DEFAULT_UPLOAD_PREFIX,
  keyContentType,
  notAnImage,
  tooLarge,
  UPLOAD_KEY_PATTERN,
  uploadModel,
  userFolder,
  type UploadRefusal,
  type UploadResult,
  type UploadTicket,
} from '../../core/upload/upload-protocol.js';
import { identifyUser, type Authorize } from '../identify-user.js';
import { errorResponse, jsonResponse } from '../error-response.js';
import { normalizePrefix } from '../match-route.js';
import { STORED_KEY_PATTERN } from './stored-file-type.js';
import { readJsonBody } from '../read-json-body.js';
import { checkPublicBaseUrl } from './public-base-url.js';
import { receiveUpload, UploadTooLargeError } from './receive-upload.js';
import { serveUpload } from './serve-upload.js';
import type { UploadStorage } from './upload-storage.js';

/** A Fetch API route handler: `(request) => response`. */
export type UploadHandler = (request: Request) => Promise<Response>;

/** Options of {@link createUploadHandler}. */
export interface UploadHandlerOptions {
  /**
   * Identifies the user, as the proxy's `authorize` does: return the user's id, or `null`/`undefined`
   * (or throw) to refuse with 401. Each user's files live in their own folder (a hash of the id); a
   * user can neither write nor confirm under another's. Required.
   */
  authorize: Authorize;
  /** Where files are kept: `createFileSystemStorage` (`gptimage2-react/server/fs`), `createS3Storage` (`gptimage2-react/server/s3`) or your own. Required. */
  storage: UploadStorage;
  /**
   * Where the API reads the files: a file's URL is `${publicBaseUrl}/${key}`. For a storage the handler
   * serves (the file system), the handler's own public address, e.g. `https://app.example.com/api/uploads`;
   * for S3, the bucket's public URL or its CDN. Must be `https`; `http` only on localhost, for
   * development (the real API cannot fetch your machine). Required.
   */
  publicBaseUrl: string;
  /** The path the handler answers under. Defaults to `'/api/uploads'`, where `createUploader` looks. */
  prefix?: string;
  /** Where a model's limits are read (`maxImages`, `imageMaxBytes`). Defaults to `defaultRegistry`. */
  registry?: Registry;
  /** The largest file for a model, in bytes. Defaults to the model's `imageMaxBytes`, else 10 MB. */
  maxBytes?: (model: ModelSpec) => number;
  /** Told about storage failures the browser sees only as a 500. Defaults to one `console.error` line. */
  onError?: (error: Error, context: { stage: 'storage'; request: Request }) => void;
}

const refuse = ({ status, body }: UploadRefusal) => jsonResponse(status, JSON.stringify(body));
const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * A route handler that turns the image dropzone's files into URLs the API can fetch. The browser
 * declares the file (`POST {prefix}`: model, size, type), then sends its bytes where the answer says:
 * to this handler (`PUT {prefix}/{key}`, streamed to the storage under a byte cap) or, with presigned
 * storage, straight to S3, after which `POST {prefix}/{key}` checks what landed. Only JPEG, PNG and
 * WebP pass, by their first bytes (never the name or the declared type); up to the chosen model's size
 * limit; a model that takes no images takes no uploads. Refusals are in the API's error shape: 415
 * (type), 413 (size), 400 (a field and its rule), 401, 404 (another user's key). Files the handler
 * serves are answered under `GET {prefix}/{key}`. Use `createUploader` in the browser.
 */
export function createUploadHandler(options: UploadHandlerOptions): UploadHandler {
  const { authorize, storage } = options;
  if (typeof authorize !== 'function') {
    throw new TypeError(
      "createUploadHandler needs authorize(request) returning the user's id; for a demo without accounts, () => 'anonymous'",
    );
  }
  const presigned = Boolean(storage?.presignPut);
  if (!storage || (presigned ? !storage.peek : !storage.write)) {
    throw new TypeError(
      'createUploadHandler needs a storage with write (uploads through the handler) or presignPut and peek (presigned uploads)',
    );
  }
  const publicBaseUrl = checkPublicBaseUrl(options.publicBaseUrl);
  const prefix = normalizePrefix(options.prefix ?? DEFAULT_UPLOAD_PREFIX);
  const registry = options.registry ?? defaultRegistry;
  const maxBytes =
    options.maxBytes ?? ((model: ModelSpec) => model.imageMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES);
  const report =
    options.onError ??
    ((error) => console.error(`gptimage2-react/server: upload storage failed: ${error.message}`));
  const storageFailed = (error: unknown, request: Request) => {
    try {
      report(toError(error), { stage: 'storage', request });
    } catch {
      // A logger that throws must not turn an answer into a crash.
    }
    return errorResponse(500, 'The upload could not be stored; try again');
  };

  const identify = (request: Request) => identifyUser(authorize, request);
  const result = (key: string, size: number) =>
    jsonResponse(
      201,
      JSON.stringify({
        url: `${publicBaseUrl}/${key}`,
        key,
        contentType: keyContentType(key),
        size,
      } satisfies UploadResult),
    );

  /** `POST {prefix}`: checks the declared file, then answers where its bytes go. */
  const start = async (request: Request, userId: string): Promise<Response> => {
    const read = await readJsonBody(request, 4096);
    if (!read.ok) return read.response;
    const intent = checkUploadIntent(read.body, registry, maxBytes);
    if (!intent.ok) return refuse(intent.refusal);
    const key = await createUploadKey(userId, intent.contentType);
    const own = `${prefix}/${key}?model=${encodeURIComponent(intent.model.id)}`;
    let ticket: UploadTicket;
    if (presigned) {
      try {
        const signed = await storage.presignPut!(key, {
          contentType: intent.contentType,
          size: intent.size,
        });
        ticket = { key, put: { url: signed.url, headers: { ...signed.headers } }, complete: own };
      } catch (error) {
        return storageFailed(error, request);
      }
    } else {
      ticket = {
        key,
        put: { url: own, headers: { 'Content-Type': intent.contentType } },
        complete: null,
      };
    }
    return jsonResponse(200, JSON.stringify(ticket));
  };

  /** `PUT {prefix}/{key}`: the bytes, checked by their first ones and capped as they stream to the storage. */
  const receive = async (
    request: Request,
    key: string,
    modelId: string | null,
  ): Promise<Response> => {
    const found = uploadModel(modelId, registry, maxBytes);
    if (!found.ok) return refuse(found.refusal);
    if (Number(request.headers.get('Content-Length') ?? NaN) > found.maxBytes)
      return refuse(tooLarge(found.maxBytes, found.model));
    const received = await receiveUpload(request.body, found.maxBytes);
    if (!received.ok) {
      return received.reason === 'unreadable'
        ? errorResponse(400, 'The upload could not be read')
        : refuse(notAnImage(received.found));
    }
    const declared = keyContentType(key);
    if (received.type !== declared) {
      await received.body.cancel();
      return refuse(notAnImage(`its bytes are ${received.type}, but it was declared ${declared}`));
    }
    try {
      const outcome = await storage.write!(key, received.body, { contentType: declared });
      if (outcome === 'exists')
        return errorResponse(409, 'This upload was already sent; start a new one');
    } catch (error) {
      if (error instanceof UploadTooLargeError)
        return refuse(tooLarge(found.maxBytes, found.model));
      return storageFailed(error, request);
    }
    return result(key, received.size());
  };

  /** `POST {prefix}/{key}` after a presigned PUT: what landed must be the declared type, within the limit. */
  const complete = async (
    request: Request,
    key: string,
    modelId: string | null,
  ): Promise<Response> => {
    const found = uploadModel(modelId, registry, maxBytes);
    if (!found.ok) return refuse(found.refusal);
    try {
      const stored = await storage.peek!(key, SNIFF_BYTES);
      if (!stored)
        return errorResponse(404, 'Nothing was uploaded under this key: PUT the file first');
      const type = sniffImageType(stored.head);
      const refusal =
        type !== keyContentType(key)
          ? notAnImage()
          : stored.size > found.maxBytes
            ? tooLarge(found.maxBytes, found.model)
            : null;
      if (!refusal) return result(key, stored.size);
      await storage.remove(key);
      return refuse(refusal);
    } catch (error) {
      return storageFailed(error, request);
    }
  };

  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return errorResponse(404, 'Not found');
    }
    const { pathname } = url;
    const method = request.method.toUpperCase();
    const notAllowed = (allow: string) =>
      errorResponse(405, `Method not allowed: use ${allow}`, {}, { Allow: allow });

    if (pathname === prefix || pathname === `${prefix}/`) {
      if (method !== 'POST') return notAllowed('POST');
      const userId = await identify(request);
      return userId ? start(request, userId) : errorResponse(401, 'Unauthorized');
    }
    // The key is matched as the URL parser left it: `..` is already resolved and `%2e%2e`, `%2f` or
    // anything else but hex digits, one `/` and the extension fails the pattern, so no path escapes.
    const key = pathname.startsWith(`${prefix}/`) ? pathname.slice(prefix.length + 1) : '';
    // Served: uploads and the proxy's kept outputs (videos too); written: uploads only.
    if (!STORED_KEY_PATTERN.test(key)) return errorResponse(404, 'Not found');

    const allow = [storage.read && 'GET, HEAD', presigned ? 'POST' : 'PUT']
      .filter(Boolean)
      .join(', ');
    if ((method === 'GET' || method === 'HEAD') && storage.read) {
      try {
        return await serveUpload(request, storage, key);
      } catch (error) {
        return storageFailed(error, request);
      }
    }
    if (method !== (presigned ? 'POST' : 'PUT')) return notAllowed(allow);
    if (!UPLOAD_KEY_PATTERN.test(key)) return errorResponse(404, 'Not found');
    const userId = await identify(request);
    if (!userId) return errorResponse(401, 'Unauthorized');
    // Another user's key looks like no key at all.
    if (key.slice(0, key.indexOf('/')) !== (await userFolder(userId)))
      return errorResponse(404, 'Not found');
    const modelId = url.searchParams.get('model');
    return presigned ? complete(request, key, modelId) : receive(request, key, modelId);
  };
}

import type { ModelSpec } from '../../core/registry/model-spec.js';
import type { Registry } from '../../core/registry/registry.js';
import { sniffImageType, type UploadImageType } from '../../core/upload/image-type.js';
import {
  checkUploadIntent,
  createUploadKey,
  DEFAULT_UPLOAD_MAX_BYTES,
  keyContentType,
  notAnImage,
  tooLarge,
  UPLOAD_KEY_PATTERN,
  uploadModel,
  type UploadRefusal,
  type UploadResult,
  type UploadTicket,
} from '../../core/upload/upload-protocol.js';
import { json } from '../json-response.js';

/** One file the mock holds. */
export interface MockUpload {
  key: string;
  /** The URL it answered, served by the mock. */
  url: string;
  contentType: UploadImageType;
  size: number;
}

/** The mock's in-memory upload endpoint: the protocol of `createUploadHandler`, through the handler. */
export interface MockUploadStore {
  /** Whether a path is the store's (`…/api/uploads` and below). */
  owns(path: string): boolean;
  /** Answers one request under `/api/uploads`. */
  handle(request: Request): Promise<Response>;
  /** The stored files, oldest first. */
  files(): MockUpload[];
  /** Forgets every file. */
  reset(): void;
}

// Matched at the end of the path, as the API's routes are, so the endpoint may sit under a prefix.
const ROUTE = /\/api\/uploads(?:\/(.*))?$/;
const refuse = ({ status, body }: UploadRefusal) => json(status, body);

/** The body's bytes, or `null` once it passes `maxBytes` (reading stops there). */
async function readCapped(request: Request, maxBytes: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
    size += next.value.byteLength;
    if (size > maxBytes) {
      reader!.cancel().catch(() => {});
      return null;
    }
    chunks.push(next.value);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.byteLength), 0);
  return bytes;
}

/**
 * An upload store in memory that speaks `createUploadHandler`'s protocol, so `createUploader` works
 * against the mock with no server: JPEG, PNG and WebP by their first bytes, the model's size limit,
 * typed refusals in the API's shape, and the files served back under the URLs it answers. Everyone is
 * one user here.
 */
export function createMockUploadStore(registry: Registry): MockUploadStore {
  let files = new Map<string, MockUpload & { bytes: Uint8Array<ArrayBuffer> }>();
  const limit = (model: ModelSpec) => model.imageMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES;

  const start = async (request: Request) => {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, {
        error: 'Invalid request',
        details: { formErrors: ['The body is not valid JSON'], fieldErrors: {} },
      });
    }
    const intent = checkUploadIntent(body, registry, limit);
    if (!intent.ok) return refuse(intent.refusal);
    const key = await createUploadKey('mock', intent.contentType);
    const url = `${new URL(request.url).pathname}/${key}?model=${encodeURIComponent(intent.model.id)}`;
    return json(200, {
      key,
      put: { url, headers: { 'Content-Type': intent.contentType } },
      complete: null,
    } satisfies UploadTicket);
  };

  const receive = async (request: Request, key: string) => {
    const url = new URL(request.url);
    const found = uploadModel(url.searchParams.get('model'), registry, limit);
    if (!found.ok) return refuse(found.refusal);
    if (files.has(key))
      return json(409, { error: 'This upload was already sent; start a new one' });
    const bytes = await readCapped(request, found.maxBytes);
    if (!bytes) return refuse(tooLarge(found.maxBytes, found.model));
    const type = sniffImageType(bytes);
    if (type !== keyContentType(key))
      return refuse(
        notAnImage(
          type ? `its bytes are ${type}, but it was declared ${keyContentType(key)}` : undefined,
        ),
      );
    const result: UploadResult = {
      url: `${url.origin}${url.pathname}`,
      key,
      contentType: type,
      size: bytes.byteLength,
    };
    files.set(key, { ...result, bytes: bytes as Uint8Array<ArrayBuffer> });
    return json(201, result);
  };

  const serve = (request: Request, key: string) => {
    const file = files.get(key);
    if (!file) return json(404, { error: 'Not found' });
    const headers = {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'X-Content-Type-Options': 'nosniff',
    };
    return new Response(request.method === 'HEAD' ? null : file.bytes, { headers });
  };

  return {
    owns: (path) => ROUTE.test(path),
    async handle(request) {
      const method = request.method.toUpperCase();
      const rest = ROUTE.exec(new URL(request.url).pathname)?.[1];
      if (!rest)
        return method === 'POST'
          ? start(request)
          : json(405, { error: 'Method not allowed: use POST' }, { Allow: 'POST' });
      if (!UPLOAD_KEY_PATTERN.test(rest)) return json(404, { error: 'Not found' });
      if (method === 'GET' || method === 'HEAD') return serve(request, rest);
      if (method === 'PUT') return receive(request, rest);
      return json(
        405,
        { error: 'Method not allowed: use GET, HEAD, PUT' },
        { Allow: 'GET, HEAD, PUT' },
      );
    },
    files: () => [...files.values()].map(({ bytes: _bytes, ...file }) => file),
    reset() {
      files = new Map();
    },
  };
}

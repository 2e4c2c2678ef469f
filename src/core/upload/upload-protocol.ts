import type { FieldErrors } from '../errors.js';
import type { ModelSpec } from '../registry/model-spec.js';
import type { Registry } from '../registry/registry.js';
import { isUploadImageType, UPLOAD_IMAGE_TYPES, type UploadImageType } from './image-type.js';

// The upload protocol, shared by `createUploadHandler` (server), the mock's upload store and
// `createUploader` (browser), so the three cannot drift apart:
//   1. POST {prefix}  {"model","size","contentType","name"}  → 200 UploadTicket (or 400/413/415)
//   2. PUT ticket.put.url with the file's bytes and ticket.put.headers
//      - to the handler itself (`complete: null`): its answer is the UploadResult;
//      - to presigned storage (S3): then POST ticket.complete, whose answer is the UploadResult.
//   3. GET {prefix}/{key} serves the file when the storage is served by the handler.

/** Where the upload handler and the mock answer by default. */
export const DEFAULT_UPLOAD_PREFIX = '/api/uploads';

/** Largest upload for a model whose file limit is not known (`imageMaxBytes`): 10 MB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

/** A stored upload's key: the user's hashed id, a random id and the type's extension. */
export const UPLOAD_KEY_PATTERN = /^[0-9a-f]{32}\/[0-9a-f]{32}\.(?:jpg|png|webp)$/;

/** What the browser declares before sending any bytes: the body of `POST {prefix}`. */
export interface UploadIntent {
  /** The model the image is for; its limits apply. */
  model: string;
  /** The file's size in bytes. */
  size: number;
  /** The type its first bytes say (the browser sniffs them too); checked again on the bytes that arrive. */
  contentType: string;
  /** The file's name, for logs only; never part of the stored key. */
  name?: string;
}

/** Where to send the bytes: the answer to an {@link UploadIntent}. */
export interface UploadTicket {
  /** The key the file will be stored under. */
  key: string;
  /** Send the file's bytes here with `PUT` and exactly these headers. */
  put: { url: string; headers: Record<string, string> };
  /** `null` when the PUT's answer is the {@link UploadResult}; else `POST` here after the PUT to get it. */
  complete: string | null;
}

/** A stored upload: the answer of the last step. */
export interface UploadResult {
  /** The URL the API fetches: the request's `inputImageUrls` entry. */
  url: string;
  key: string;
  /** The type its bytes say. */
  contentType: UploadImageType;
  /** Its size in bytes. */
  size: number;
}

/** Why an upload is refused, as the rejection's `code` in the body. */
export type UploadRefusalCode = 'file-invalid-type' | 'file-too-large' | 'invalid-upload';

/** A refusal in the API's error shape, `{error, code, details: {formErrors, fieldErrors}}`. */
export interface UploadRefusal {
  status: 400 | 413 | 415;
  body: { error: string; code: UploadRefusalCode; details: FieldErrors };
}

const TYPE_NAMES = 'a JPEG, PNG or WebP image';
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

function refusal(
  status: UploadRefusal['status'],
  code: UploadRefusalCode,
  field: string,
  message: string,
): UploadRefusal {
  return {
    status,
    body: {
      error: message,
      code,
      details: { formErrors: [], fieldErrors: { [field]: [message] } },
    },
  };
}

/** 415: the bytes (or the declared type) are not JPEG, PNG or WebP. */
export const notAnImage = (found?: string) =>
  refusal(
    415,
    'file-invalid-type',
    'file',
    `The file is not ${TYPE_NAMES}${found ? ` (${found})` : ''}`,
  );

/** 413: larger than the model's limit. */
export const tooLarge = (maxBytes: number, model: ModelSpec) =>
  refusal(
    413,
    'file-too-large',
    'file',
    `The file is larger than ${megabytes(maxBytes)}, the limit for ${model.name}`,
  );

/** 400: a field of the intent breaks a rule. */
export const invalidUpload = (field: string, message: string) =>
  refusal(400, 'invalid-upload', field, message);

/** The content type of a stored key, from its extension. */
export function keyContentType(key: string): UploadImageType {
  const ext = key.slice(key.lastIndexOf('.') + 1);
  return (Object.keys(UPLOAD_IMAGE_TYPES) as UploadImageType[]).find(
    (type) => UPLOAD_IMAGE_TYPES[type] === ext,
  )!;
}

/** The model of a `?model=` query or an intent, with its byte limit; or why not. */
export function uploadModel(
  modelId: unknown,
  registry: Registry,
  maxBytes: (model: ModelSpec) => number,
): { ok: true; model: ModelSpec; maxBytes: number } | { ok: false; refusal: UploadRefusal } {
  if (typeof modelId !== 'string' || !modelId)
    return {
      ok: false,
      refusal: invalidUpload('model', 'model is required: the id of the model the image is for'),
    };
  const model = registry.get(modelId);
  if (!model)
    return { ok: false, refusal: invalidUpload('model', `model ${modelId} is not a known model`) };
  if (model.maxImages === 0)
    return {
      ok: false,
      refusal: invalidUpload('model', `${model.name} takes no reference images`),
    };
  return { ok: true, model, maxBytes: maxBytes(model) };
}

/**
 * Checks an intent before any byte is sent: a known model that takes images, a declared JPEG, PNG or
 * WebP type, a size from 1 byte up to the model's limit. A file declared too large is refused here,
 * so it is never uploaded only to be refused.
 */
export function checkUploadIntent(
  body: unknown,
  registry: Registry,
  maxBytes: (model: ModelSpec) => number,
):
  | { ok: true; model: ModelSpec; contentType: UploadImageType; size: number; maxBytes: number }
  | { ok: false; refusal: UploadRefusal } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      refusal: invalidUpload(
        'model',
        'The body must be a JSON object: {"model","size","contentType"}',
      ),
    };
  }
  const intent = body as Partial<Record<keyof UploadIntent, unknown>>;
  const found = uploadModel(intent.model, registry, maxBytes);
  if (!found.ok) return found;
  const { size, contentType } = intent;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) {
    return {
      ok: false,
      refusal: invalidUpload(
        'size',
        'size must be the file size in bytes, a whole number of at least 1',
      ),
    };
  }
  if (!isUploadImageType(contentType))
    return {
      ok: false,
      refusal: notAnImage(typeof contentType === 'string' && contentType ? contentType : undefined),
    };
  if (size > found.maxBytes) return { ok: false, refusal: tooLarge(found.maxBytes, found.model) };
  return { ok: true, model: found.model, contentType, size, maxBytes: found.maxBytes };
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

/** 32 hex characters of the SHA-256 of a user id: the user's folder, without the id itself in URLs. */
export async function userFolder(userId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(userId));
  return hex(new Uint8Array(digest).subarray(0, 16));
}

/** A new key in the user's folder: 128 random bits, so keys cannot be guessed or collide. */
export async function createUploadKey(userId: string, type: UploadImageType): Promise<string> {
  return `${await userFolder(userId)}/${hex(crypto.getRandomValues(new Uint8Array(16)))}.${UPLOAD_IMAGE_TYPES[type]}`;
}

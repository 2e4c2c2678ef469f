import type { ModelSpec } from '../core/registry/model-spec.js';
import { isHttpUrl } from '../core/request/validate-request.js';
import type { UploadFailure } from '../core/upload/upload-adapter.js';

// The image rules of a dropzone as pure data and functions (no React): what a model takes, the checks
// of dropped, pasted and chosen files and URLs, and the same rules in words for a description. The
// hook composes these; the description and the rejections share every phrase below.

/**
 * The codes of an image's errors: rejections (`file-invalid-type` … `no-uploader`) and upload
 * failures (`upload-failed`, `upload-invalid-url`). A `validator` may add its own strings.
 */
export const ImageErrorCode = {
  /** Not JPEG, PNG or WebP (or not in `accept`). */
  InvalidType: 'file-invalid-type',
  /** Larger than the model's (or `maxBytes`) limit. */
  TooLarge: 'file-too-large',
  /** More images than the model takes. */
  TooMany: 'too-many-files',
  /** The model takes no reference images. */
  NotAllowed: 'images-not-allowed',
  /** Pasted or typed text that is not an absolute http(s) URL. */
  InvalidUrl: 'invalid-url',
  /** The URL is already attached. */
  Duplicate: 'duplicate',
  /** A file was given but there is no `upload` adapter to turn it into a URL. */
  NoUploader: 'no-uploader',
  /** The `upload` adapter rejected; the error's `upload` says what the adapter said (its code, whether to retry). */
  UploadFailed: 'upload-failed',
  /** The `upload` adapter resolved with something other than an http(s) URL. */
  UploadInvalidUrl: 'upload-invalid-url',
} as const;

/** One of {@link ImageErrorCode}'s values, or a custom code from a `validator`. */
export type ImageErrorCodeValue =
  (typeof ImageErrorCode)[keyof typeof ImageErrorCode] | (string & {});

/** What is wrong with an image, as data. */
export interface ImageError {
  code: ImageErrorCodeValue;
  /** In words for a person (for `upload-failed`, the adapter's message, which names the rule). */
  message: string;
  /**
   * For `upload-failed` only: what the adapter's rejection said, read off the error (an `UploadError`'s
   * `code`, `status` and `retryable`; `null` for each the error did not carry). Absent on every other error.
   */
  upload?: UploadFailure;
}

/** A file or URL that was not attached, and why. Never thrown: returned and passed to `onReject`. */
export interface ImageRejection {
  /** The file, or `null` for a URL. */
  file: File | null;
  /** The URL, or `null` for a file. */
  url: string | null;
  errors: ImageError[];
}

/** The rules a dropzone applies: the model's image limits, overridden by the dropzone's options. */
export interface ImageRules {
  /** Accepted MIME types. */
  accept: readonly string[];
  /** Most images (`Infinity` without a model or an option; `0` when the model takes none). */
  maxFiles: number;
  /** Largest file in bytes, or `undefined` for no limit. */
  maxBytes: number | undefined;
  /** Whether the model needs at least one image (image input only). */
  required: boolean;
  /** The model's name, for messages; `undefined` without a model. */
  modelName: string | undefined;
  /** Why no image can be added ("Sora 2 takes no reference images"), when `maxFiles` is 0. */
  disabledReason: string | undefined;
}

/** JPEG, PNG and WebP: the types every model takes. */
export const DEFAULT_IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The rules for `model` (`maxImages`, `imageMaxBytes`, its input modes), each option taking precedence. */
export function resolveImageRules(
  model: Pick<ModelSpec, 'name' | 'maxImages' | 'imageMaxBytes' | 'inputModes'> | undefined,
  options: { maxFiles?: number; maxBytes?: number; accept?: readonly string[] } = {},
): ImageRules {
  const maxFiles = options.maxFiles ?? model?.maxImages ?? Infinity;
  return {
    accept: options.accept ?? DEFAULT_IMAGE_TYPES,
    maxFiles,
    maxBytes: options.maxBytes ?? model?.imageMaxBytes,
    required: Boolean(model && !model.inputModes.some((mode) => mode.startsWith('text'))),
    modelName: model?.name,
    disabledReason:
      maxFiles === 0 ? `${model?.name ?? 'This model'} takes no reference images` : undefined,
  };
}

// The phrases shared by the description and the rejections.
const TYPE_NAMES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};
const typeList = (accept: readonly string[]) => {
  const words = accept.map((type) => TYPE_NAMES[type] ?? type);
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
};
const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
/** `1 image`, `3 images`. */
export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The dropzone's rules in words: "JPEG, PNG or WebP, up to 30 MB each. Up to 14 images." */
export function describeImageRules({
  accept,
  maxBytes,
  maxFiles,
  required,
}: Pick<ImageRules, 'accept' | 'maxBytes' | 'maxFiles' | 'required'>): string {
  const size = maxBytes === undefined ? '' : `, up to ${megabytes(maxBytes)} each`;
  const count = !Number.isFinite(maxFiles)
    ? ''
    : maxFiles === 1
      ? required
        ? ' Exactly 1 image.'
        : ' At most 1 image.'
      : ` Up to ${plural(maxFiles, 'image')}${required ? ', at least 1' : ''}.`;
  return `${typeList(accept)}${size}.${count}`;
}

/** A URL's last path segment, decoded ("photo.png"), or the URL itself. */
export function urlName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '') || url;
  } catch {
    return url;
  }
}

/** What {@link checkImages} knows besides the rules: what is attached already, and the dropzone's options. */
export interface ImageCheckContext {
  /** The URLs attached and ready: a URL among them is a duplicate. Defaults to none. */
  attached?: readonly string[];
  /** Images already in the dropzone, uploads and failures included. Defaults to `attached`'s length. */
  count?: number;
  /** Whether files can be uploaded (there is an `upload` adapter). Defaults to `true`. */
  canUpload?: boolean;
  /** Extra checks on a file; the errors, or `null` to accept it. */
  validator?: ((file: File) => ImageError | ImageError[] | null) | undefined;
  /** The dropzone is disabled by its option: nothing is taken, and only a model that takes none says why. */
  disabled?: boolean;
}

/** What {@link checkImages} decided, in the order given: files first, then URLs. */
export interface ImageCheckResult {
  /** The files and (trimmed) URLs to attach. */
  accepted: (File | string)[];
  /** The rest, each with every reason. */
  rejections: ImageRejection[];
  /** The model takes one image: the accepted one replaces what is attached. */
  replace: boolean;
}

/**
 * Checks files and URLs against `rules`: type, size, your validator and an uploader for files;
 * http(s) and duplicates for URLs; then the count (one image allowed: the newest replaces it; more:
 * the free places are filled and the rest rejected). Pure: nothing is thrown or attached.
 */
export function checkImages(
  files: readonly File[],
  urls: readonly string[],
  rules: ImageRules,
  {
    attached = [],
    count = attached.length,
    canUpload = true,
    validator,
    disabled = false,
  }: ImageCheckContext = {},
): ImageCheckResult {
  const rejections: ImageRejection[] = [];
  const reject = (entry: File | string, error: ImageError) => {
    const found = rejections.find(
      (rejection) => rejection.file === entry || rejection.url === entry,
    );
    if (found) found.errors.push(error);
    else
      rejections.push({
        file: typeof entry === 'string' ? null : entry,
        url: typeof entry === 'string' ? entry : null,
        errors: [error],
      });
  };
  const candidates: (File | string)[] = [];
  if (disabled || rules.disabledReason) {
    if (rules.disabledReason)
      for (const entry of [...files, ...urls])
        reject(entry, { code: ImageErrorCode.NotAllowed, message: rules.disabledReason });
    return { accepted: [], rejections, replace: false };
  }
  for (const file of files) {
    const name = file.name || 'The file';
    const errors: ImageError[] = [];
    if (!canUpload)
      errors.push({
        code: ImageErrorCode.NoUploader,
        message: 'Files cannot be uploaded here; paste an image URL instead',
      });
    if (!rules.accept.includes(file.type))
      errors.push({
        code: ImageErrorCode.InvalidType,
        message: `${name} is not ${typeList(rules.accept)}`,
      });
    if (rules.maxBytes !== undefined && file.size > rules.maxBytes)
      errors.push({
        code: ImageErrorCode.TooLarge,
        message: `${name} is ${megabytes(file.size)}; the limit is ${megabytes(rules.maxBytes)}`,
      });
    const custom = validator?.(file);
    errors.push(...(custom ? [custom].flat() : []));
    if (errors.length) errors.forEach((error) => reject(file, error));
    else candidates.push(file);
  }
  const known = new Set(attached);
  for (const raw of urls) {
    const url = raw.trim();
    const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
    if (!isHttpUrl(url))
      reject(url, {
        code: ImageErrorCode.InvalidUrl,
        message: `${shown} is not an http(s) image URL`,
      });
    else if (known.has(url))
      reject(url, {
        code: ImageErrorCode.Duplicate,
        message: `${urlName(url)} is already attached`,
      });
    else {
      known.add(url);
      candidates.push(url);
    }
  }
  const replace = rules.maxFiles === 1 && candidates.length > 0;
  const room = replace ? 1 : Math.max(0, rules.maxFiles - count);
  for (const entry of candidates.slice(room))
    reject(entry, {
      code: ImageErrorCode.TooMany,
      message: `${rules.modelName ?? 'This model'} takes at most ${plural(rules.maxFiles, 'image')}`,
    });
  return { accepted: candidates.slice(0, room), rejections, replace };
}

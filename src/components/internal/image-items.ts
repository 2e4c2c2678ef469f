import { urlName, type ImageError } from '../image-checks.js';

/** An attached image: an uploading, uploaded or failed file, or a URL. */
export interface ImageItem {
  /** Stable while the item lives (`url:<url>` for URLs). */
  id: string;
  /** Where it came from. */
  source: 'file' | 'url';
  /** The file, for `source: 'file'`. */
  file: File | null;
  /** A file's name, or a URL's last path segment. */
  name: string;
  /** `uploading`, then `ready` (its `url` is in the value) or `failed`. URLs are `ready` at once. */
  status: 'uploading' | 'ready' | 'failed';
  /** Upload progress from 0 to 1, or `null` while unknown. */
  progress: number | null;
  /** The http(s) URL once ready, else `null`. */
  url: string | null;
  /** Why the upload failed (with what the adapter said in `error.upload`), else `null`. */
  error: ImageError | null;
}

/**
 * Whether a failed file may be uploaded again: not when the adapter said retrying will not help
 * (`retryable: false`, e.g. a file the server refused as not an image); yes when it did not say.
 */
export const canRetry = (item: ImageItem) =>
  item.status === 'failed' && item.file !== null && item.error?.upload?.retryable !== false;

export const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);

/** The ready URLs, in order: the dropzone's value. */
export const readyUrls = (items: readonly ImageItem[]) =>
  items.flatMap((item) => (item.status === 'ready' && item.url ? [item.url] : []));

export const urlItem = (url: string): ImageItem => ({
  id: `url:${url}`,
  source: 'url',
  file: null,
  name: urlName(url),
  status: 'ready',
  progress: null,
  url,
  error: null,
});

let nextId = 0;
/** A file about to be uploaded, with an id of its own. */
export const fileItem = (file: File): ImageItem => ({
  id: `file:${nextId++}`,
  source: 'file',
  file,
  name: file.name || 'image',
  status: 'uploading',
  progress: null,
  url: null,
  error: null,
});

/**
 * The items with the ready ones replaced by `value`, in its order: a controlled value is the truth for
 * ready URLs, while uploads in flight and failures are the dropzone's own.
 */
export function reconcile(
  items: readonly ImageItem[],
  value: readonly string[],
): readonly ImageItem[] {
  if (sameList(readyUrls(items), value)) return items;
  const wanted = new Set(value);
  const kept = items.filter(
    (item) => item.status !== 'ready' || (item.url !== null && wanted.has(item.url)),
  );
  const byUrl = new Map(
    kept.flatMap((item) =>
      item.status === 'ready' && item.url ? [[item.url, item] as const] : [],
    ),
  );
  const queue = [...new Set(value)].map((url) => byUrl.get(url) ?? urlItem(url));
  const result = kept.map((item) => (item.status === 'ready' ? queue.shift()! : item));
  return [...result, ...queue];
}

/** `items` with the one of `id` moved to `toIndex` (clamped), or `null` when nothing moves. */
export function moveItem(
  items: readonly ImageItem[],
  id: string,
  toIndex: number,
): ImageItem[] | null {
  const list = [...items];
  const from = list.findIndex((item) => item.id === id);
  const to = Math.max(0, Math.min(list.length - 1, toIndex));
  if (from < 0 || from === to) return null;
  list.splice(to, 0, ...list.splice(from, 1));
  return list;
}

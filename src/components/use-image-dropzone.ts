'use client';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type DragEvent,
  type KeyboardEvent,
  type RefCallback,
} from 'react';
import type { Registry } from '../core/registry/registry.js';
import { isHttpUrl } from '../core/request/validate-request.js';
import { mergeProps } from './internal/merge-props.js';
import { useModelSpec, type ModelInput } from './internal/use-model.js';

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
  /** The `upload` adapter rejected. */
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
  /** In words for a person. */
  message: string;
}

/** A file or URL that was not attached, and why. Never thrown: returned and passed to `onReject`. */
export interface ImageRejection {
  /** The file, or `null` for a URL. */
  file: File | null;
  /** The URL, or `null` for a file. */
  url: string | null;
  errors: ImageError[];
}

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
  /** Why the upload failed, else `null`. */
  error: ImageError | null;
}

/** What the `upload` adapter is given besides the file. */
export interface UploadContext {
  /** Aborted when the user cancels or removes the upload, or the dropzone unmounts. */
  signal: AbortSignal;
  /** Report progress as a fraction from 0 to 1. */
  onProgress: (fraction: number) => void;
}

/** Turns a file into an http(s) URL the API can fetch (e.g. a presigned upload to your storage). */
export type UploadAdapter = (file: File, context: UploadContext) => Promise<string>;

/** Options of {@link useImageDropzone}. */
export interface UseImageDropzoneOptions {
  /** The model whose image rules apply (count, size); its id or spec. */
  model?: ModelInput;
  /** Where a model id is looked up. Defaults to the client's registry. */
  registry?: Registry;
  /** Most images. Defaults to the model's `maxImages` (unlimited without a model). `0` disables the dropzone. */
  maxFiles?: number;
  /** Largest file in bytes. Defaults to the model's `imageMaxBytes` (no limit when unknown). */
  maxBytes?: number;
  /** Accepted MIME types. Defaults to JPEG, PNG and WebP, the types every model takes. */
  accept?: readonly string[];
  /** The image URLs, in order (controlled): the request's `inputImageUrls`. */
  value?: readonly string[];
  /** The first URLs when uncontrolled. Defaults to none. */
  defaultValue?: readonly string[];
  /**
   * Called with the ready URLs whenever they change: an upload completes, a URL is added, an item is
   * removed or moved, or the model takes fewer images than attached (the extra are dropped).
   */
  onValueChange?: (urls: string[]) => void;
  /** Turns files into URLs. Without it only URLs can be attached (files are rejected with `no-uploader`). */
  upload?: UploadAdapter;
  /** Extra checks on a file; return the errors, or `null` to accept it. */
  validator?: (file: File) => ImageError | ImageError[] | null;
  /** Called with each batch of rejected files and URLs. */
  onReject?: (rejections: ImageRejection[]) => void;
  /** Disables every way of adding images. */
  disabled?: boolean;
  /** Marks the dropzone invalid (`aria-invalid` on the browse button, `data-invalid`). */
  invalid?: boolean;
}

const DEFAULT_ACCEPT = ['image/jpeg', 'image/png', 'image/webp'] as const;
const TYPE_NAMES: Record<string, string> = {
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
};
// Marks a drag that moves an attached image, so the dropzone does not take it for new files.
const ITEM_DRAG_TYPE = 'application/x-gptimage2-image-item';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const orList = (words: string[]) =>
  words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);
const readyUrls = (items: readonly ImageItem[]) =>
  items.flatMap((item) => (item.status === 'ready' && item.url ? [item.url] : []));
function urlName(url: string) {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '') || url;
  } catch {
    return url;
  }
}
const urlItem = (url: string): ImageItem => ({
  id: `url:${url}`,
  source: 'url',
  file: null,
  name: urlName(url),
  status: 'ready',
  progress: null,
  url,
  error: null,
});

/**
 * The items with the ready ones replaced by `value`, in its order: a controlled value is the truth for
 * ready URLs, while uploads in flight and failures are the dropzone's own.
 */
function reconcile(items: readonly ImageItem[], value: readonly string[]): readonly ImageItem[] {
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

/** The dropzone's own state. */
interface Snapshot {
  items: readonly ImageItem[];
  rejections: ImageRejection[];
  /** The last thing said to screen readers, with a counter so a repeat is announced again. */
  announcement: { text: string; count: number };
}

/**
 * A headless image dropzone bound to a model's image rules: drop, browse and paste files and image
 * URLs; type, size and count checks with typed rejections; uploads through your adapter with
 * progress, cancel and retry; previews, reordering and removal. Its value is the request's
 * `inputImageUrls` (ready URLs only, in order). Spread the prop getters on your own elements, or use
 * the `ImageDropzone` parts.
 *
 * @example
 * const dropzone = useImageDropzone({ model, value: urls, onValueChange: setUrls, upload });
 * <div {...dropzone.getRootProps()}>
 *   <input {...dropzone.getInputProps()} />
 *   <button {...dropzone.getBrowseProps()}>Choose images</button>
 * </div>
 */
export function useImageDropzone(options: UseImageDropzoneOptions = {}) {
  const {
    value: valueProp,
    defaultValue = [],
    disabled: disabledProp = false,
    invalid = false,
    accept = DEFAULT_ACCEPT,
  } = options;
  const model = useModelSpec(options.model, options.registry);
  const maxFiles = options.maxFiles ?? model?.maxImages ?? Infinity;
  const maxBytes = options.maxBytes ?? model?.imageMaxBytes;
  const disabledReason =
    maxFiles === 0 ? `${model?.name ?? 'This model'} takes no reference images` : undefined;
  const disabled = disabledProp || maxFiles === 0;
  const required = Boolean(model && !model.inputModes.some((mode) => mode.startsWith('text')));

  // React state, not an external store: its updates then batch with the parent's `onValueChange`
  // state (React 18 renders an external store's update on its own first, a frame where a controlled
  // value and the items disagree). Handlers read `latest.items`, updated at once by every change.
  const [snapshot, setSnapshot] = useState<Snapshot>(() => ({
    items: defaultValue.map(urlItem),
    rejections: [],
    announcement: { text: '', count: 0 },
  }));
  const items = useMemo(
    () => (valueProp === undefined ? snapshot.items : reconcile(snapshot.items, valueProp)),
    [snapshot.items, valueProp],
  );
  const value = useMemo(() => readyUrls(items), [items]);
  const [isDragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const itemElements = useRef(new Map<string, HTMLElement>());
  // The control that had focus when its item moved, to give it back if the move took it away.
  const refocus = useRef<{ id: string; element: Element | null } | null>(null);

  // What handlers and upload callbacks read: the latest props, and the items as of the last change
  // (updated at once by every change, so two uploads finishing in one tick both count).
  const current = {
    options,
    items,
    value,
    maxFiles,
    maxBytes,
    accept,
    disabled,
    disabledReason,
    model,
  };
  const latest = useRef(current);
  useEffect(() => {
    Object.assign(latest.current, current);
  });
  const controllers = useRef(new Map<string, AbortController>());

  const announce = useCallback(
    (text: string) =>
      setSnapshot((current) => ({
        ...current,
        announcement: { text, count: current.announcement.count + 1 },
      })),
    [],
  );

  /** Makes `next` the items, reporting the value when its ready URLs changed. */
  const commit = useCallback((next: readonly ImageItem[], extra: Partial<Snapshot> = {}) => {
    const current = latest.current;
    // Uploads of items no longer present are abandoned.
    for (const [id, controller] of controllers.current) {
      if (!next.some((item) => item.id === id && item.status === 'uploading')) {
        controller.abort();
        controllers.current.delete(id);
      }
    }
    current.items = next;
    setSnapshot((state) => ({ ...state, items: next, ...extra }));
    const urls = readyUrls(next);
    if (!sameList(urls, current.value)) {
      current.value = urls;
      current.options.onValueChange?.(urls);
    }
  }, []);

  const update = useCallback(
    (id: string, patch: Partial<ImageItem>) => {
      const items = latest.current.items;
      if (items.some((item) => item.id === id))
        commit(items.map((item) => (item.id === id ? { ...item, ...patch } : item)));
    },
    [commit],
  );

  const startUpload = useCallback(
    (item: ImageItem) => {
      const { upload } = latest.current.options;
      if (!upload || !item.file) return;
      const controller = new AbortController();
      controllers.current.set(item.id, controller);
      const mine = () =>
        controllers.current.get(item.id) === controller && !controller.signal.aborted;
      const fail = (error: ImageError) => {
        controllers.current.delete(item.id);
        update(item.id, { status: 'failed', progress: null, error });
        announce(`Upload of ${item.name} failed: ${error.message}`);
      };
      const onProgress = (fraction: number) => {
        if (mine() && Number.isFinite(fraction))
          update(item.id, { progress: Math.min(1, Math.max(0, fraction)) });
      };
      let result: Promise<string>;
      try {
        result = Promise.resolve(upload(item.file, { signal: controller.signal, onProgress }));
      } catch (error) {
        result = Promise.reject(error);
      }
      result.then(
        (url) => {
          if (!mine()) return;
          if (!isHttpUrl(url))
            return fail({
              code: ImageErrorCode.UploadInvalidUrl,
              message: 'The upload did not return an http(s) URL',
            });
          controllers.current.delete(item.id);
          update(item.id, { status: 'ready', progress: 1, url, error: null });
          announce(`${item.name} uploaded`);
        },
        (error: unknown) => {
          if (!mine()) return;
          fail({
            code: ImageErrorCode.UploadFailed,
            message: error instanceof Error && error.message ? error.message : 'The upload failed',
          });
        },
      );
    },
    [announce, update],
  );

  /** Files and URLs checked against the rules; the accepted ones attached, the rest reported. */
  const add = useCallback(
    (files: readonly File[], urls: readonly string[]) => {
      const { options, items, maxFiles, maxBytes, accept, disabled, disabledReason } =
        latest.current;
      if (files.length === 0 && urls.length === 0) return;
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
      if (disabled) {
        if (disabledReason)
          for (const entry of [...files, ...urls])
            reject(entry, { code: ImageErrorCode.NotAllowed, message: disabledReason });
      } else {
        const types = orList(accept.map((type) => TYPE_NAMES[type] ?? type));
        for (const file of files) {
          const before = rejections.length;
          if (!options.upload)
            reject(file, {
              code: ImageErrorCode.NoUploader,
              message: 'Files cannot be uploaded here; paste an image URL instead',
            });
          if (!accept.includes(file.type))
            reject(file, {
              code: ImageErrorCode.InvalidType,
              message: `${file.name || 'The file'} is not ${types}`,
            });
          if (maxBytes !== undefined && file.size > maxBytes) {
            reject(file, {
              code: ImageErrorCode.TooLarge,
              message: `${file.name || 'The file'} is ${megabytes(file.size)}; the limit is ${megabytes(maxBytes)}`,
            });
          }
          const custom = options.validator?.(file);
          for (const error of custom ? [custom].flat() : []) reject(file, error);
          if (rejections.length === before) candidates.push(file);
        }
        const attached = new Set(readyUrls(items));
        for (const raw of urls) {
          const url = raw.trim();
          const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
          if (!isHttpUrl(url))
            reject(url, {
              code: ImageErrorCode.InvalidUrl,
              message: `${shown} is not an http(s) image URL`,
            });
          else if (attached.has(url) || candidates.includes(url))
            reject(url, {
              code: ImageErrorCode.Duplicate,
              message: `${urlName(url)} is already attached`,
            });
          else candidates.push(url);
        }
      }

      // One image allowed: the newest replaces it. More: fill the free places, reject the rest.
      const replacing = maxFiles === 1 && candidates.length > 0;
      const room = replacing ? 1 : Math.max(0, maxFiles - items.length);
      for (const entry of candidates.slice(room)) {
        reject(entry, {
          code: ImageErrorCode.TooMany,
          message: `${latest.current.model?.name ?? 'This model'} takes at most ${plural(maxFiles, 'image')}`,
        });
      }
      const added = candidates.slice(0, room).map((entry): ImageItem =>
        typeof entry === 'string'
          ? urlItem(entry)
          : {
              id: `file:${nextId++}`,
              source: 'file',
              file: entry,
              name: entry.name || 'image',
              status: 'uploading',
              progress: null,
              url: null,
              error: null,
            },
      );
      commit(added.length ? [...(replacing ? [] : items), ...added] : items, { rejections });
      added.forEach(startUpload);
      if (rejections.length) options.onReject?.(rejections);
      const said = [
        added.length ? `${added.map((item) => item.name).join(', ')} added` : '',
        rejections.length
          ? `${plural(rejections.length, 'image')} not added: ${rejections.map((rejection) => rejection.errors[0]!.message).join('; ')}`
          : '',
      ];
      announce(said.filter(Boolean).join('. '));
    },
    [announce, commit, startUpload],
  );

  const addFiles = useCallback(
    (files: Iterable<File> | ArrayLike<File>) => add(Array.from(files), []),
    [add],
  );
  const addUrls = useCallback((urls: readonly string[]) => add([], urls), [add]);

  const remove = useCallback(
    (id: string) => {
      const item = latest.current.items.find((candidate) => candidate.id === id);
      if (!item) return;
      commit(latest.current.items.filter((candidate) => candidate.id !== id));
      announce(
        item.status === 'uploading' ? `Upload of ${item.name} cancelled` : `${item.name} removed`,
      );
    },
    [announce, commit],
  );

  const retry = useCallback(
    (id: string) => {
      const item = latest.current.items.find((candidate) => candidate.id === id);
      if (!item || item.status !== 'failed' || !item.file) return;
      const again: ImageItem = { ...item, status: 'uploading', progress: null, error: null };
      commit(latest.current.items.map((candidate) => (candidate.id === id ? again : candidate)));
      startUpload(again);
      announce(`Retrying ${item.name}`);
    },
    [announce, commit, startUpload],
  );

  const move = useCallback(
    (id: string, toIndex: number) => {
      const list = [...latest.current.items];
      const from = list.findIndex((item) => item.id === id);
      const to = Math.max(0, Math.min(list.length - 1, toIndex));
      if (from < 0 || from === to) return;
      const [item] = list.splice(from, 1);
      list.splice(to, 0, item!);
      const active = document.activeElement;
      refocus.current = {
        id,
        element: itemElements.current.get(id)?.contains(active) ? active : null,
      };
      commit(list);
      announce(`${item!.name} moved to position ${to + 1} of ${list.length}`);
    },
    [announce, commit],
  );

  const clearRejections = useCallback(
    () => setSnapshot((state) => ({ ...state, rejections: [] })),
    [],
  );
  const open = useCallback(() => {
    if (!latest.current.disabled) inputRef.current?.click();
  }, []);

  // The model now takes fewer images: keep the first ones, drop (and cancel) the rest, and say so.
  // Once per model and value: a parent that keeps its value anyway is not asked again and again.
  const trimmed = useRef<{ maxFiles: number; value: readonly string[] | undefined } | null>(null);
  useEffect(() => {
    if (disabledProp || items.length <= maxFiles) return;
    if (trimmed.current?.maxFiles === maxFiles && trimmed.current.value === valueProp) return;
    trimmed.current = { maxFiles, value: valueProp };
    const dropped = items.length - maxFiles;
    // The model changed outside this component: the trimmed list must become its state (a render-time
    // derivation would bring the dropped uploads back if the model changed back).
    commit(items.slice(0, maxFiles));
    announce(
      `${plural(dropped, 'image')} removed: ${model?.name ?? 'the model'} takes ${maxFiles ? `at most ${maxFiles}` : 'none'}`,
    );
  }, [announce, commit, disabledProp, items, maxFiles, model, valueProp]);

  // Keyboard reordering keeps focus in the moved item: on the same control, or (when that control is
  // now disabled, as "Move earlier" at the first place) on the item's first enabled control.
  useEffect(() => {
    const moved = refocus.current;
    refocus.current = null;
    if (!moved?.element) return;
    const item = itemElements.current.get(moved.id);
    if (!item) return;
    const { element } = moved;
    const target =
      element instanceof HTMLElement && element.isConnected && !element.matches(':disabled')
        ? element
        : item.querySelector<HTMLElement>('button:not(:disabled)');
    if (target && document.activeElement !== target) target.focus();
  }, [items]);

  // Uploads in flight are abandoned with the dropzone.
  useEffect(() => {
    const inFlight = controllers.current;
    return () => {
      inFlight.forEach((controller) => controller.abort());
      inFlight.clear();
    };
  }, []);

  const isItemDrag = (event: DragEvent) =>
    Array.from(event.dataTransfer?.types ?? []).includes(ITEM_DRAG_TYPE);

  const getRootProps = <P extends object = object>(props?: P) =>
    mergeProps(
      {
        role: 'group',
        'aria-disabled': disabled || undefined,
        'data-disabled': disabled ? '' : undefined,
        'data-dragging': isDragging ? '' : undefined,
        'data-invalid': invalid ? '' : undefined,
        'data-value': value.length,
        'data-max': Number.isFinite(maxFiles) ? maxFiles : undefined,
        onDragEnter: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          event.preventDefault();
          dragDepth.current += 1;
          setDragging(true);
        },
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          event.preventDefault();
          // The drop is still taken when disabled by the model, to say why it was refused.
          event.dataTransfer.dropEffect = disabledProp ? 'none' : 'copy';
        },
        onDragLeave: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          if (isItemDrag(event)) return;
          event.preventDefault();
          dragDepth.current = 0;
          setDragging(false);
          if (disabledProp) return;
          const files = Array.from(event.dataTransfer.files);
          // An image dragged from a web page brings its URL, not a file.
          const urls = files.length
            ? []
            : parseUrls(
                event.dataTransfer.getData('text/uri-list') ||
                  event.dataTransfer.getData('text/plain'),
              );
          add(files, urls);
        },
        onPaste: (event: ClipboardEvent<HTMLElement>) => {
          // Pasting into a text field (the URL input) is that field's business.
          const target = event.target as HTMLElement;
          if (disabledProp || target.closest('input, textarea, [contenteditable="true"]')) return;
          const files = Array.from(event.clipboardData.files);
          const urls = files.length ? [] : parseUrls(event.clipboardData.getData('text/plain'));
          if (!files.length && !urls.length) return;
          event.preventDefault();
          add(files, urls);
        },
      },
      props,
    );

  const getInputProps = <P extends object = object>(props?: P) =>
    mergeProps(
      {
        ref: inputRef,
        type: 'file',
        accept: accept.join(','),
        multiple: maxFiles > 1,
        disabled,
        tabIndex: -1,
        hidden: true,
        onChange: (event: React.ChangeEvent<HTMLInputElement>) => {
          addFiles(event.currentTarget.files ?? []);
          // Choosing the same file again must fire a change.
          event.currentTarget.value = '';
        },
      },
      props,
    );

  const getBrowseProps = <P extends object = object>(props?: P) =>
    mergeProps(
      { type: 'button' as const, disabled, 'aria-invalid': invalid || undefined, onClick: open },
      props,
    );

  const getItemProps = <P extends object = object>(item: ImageItem, props?: P) => {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    const ref: RefCallback<HTMLElement> = (element) => {
      if (element) itemElements.current.set(item.id, element);
      else itemElements.current.delete(item.id);
    };
    return mergeProps(
      {
        ref,
        'data-state': item.status,
        'data-value': index + 1,
        'data-max': items.length,
        draggable: !disabledProp,
        onDragStart: (event: DragEvent<HTMLElement>) => {
          event.dataTransfer.setData(ITEM_DRAG_TYPE, item.id);
          event.dataTransfer.effectAllowed = 'move';
        },
        onDragOver: (event: DragEvent<HTMLElement>) => {
          if (!isItemDrag(event)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
        },
        onDrop: (event: DragEvent<HTMLElement>) => {
          if (!isItemDrag(event)) return;
          event.preventDefault();
          event.stopPropagation();
          move(event.dataTransfer.getData(ITEM_DRAG_TYPE), index);
        },
        // Alt+arrows move the item from any of its controls.
        onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
          if (!event.altKey) return;
          const step =
            event.key === 'ArrowUp' || event.key === 'ArrowLeft'
              ? -1
              : event.key === 'ArrowDown' || event.key === 'ArrowRight'
                ? 1
                : 0;
          if (!step) return;
          event.preventDefault();
          move(item.id, index + step);
        },
      },
      props,
    );
  };

  return {
    /** Every attached image, in order, with its status. */
    items,
    /** The ready URLs in order: the request's `inputImageUrls`. */
    value,
    /** The files and URLs refused by the last add, as data. */
    rejections: snapshot.rejections,
    /** The last change in words, for a polite live region (the `ImageDropzone.Root` renders one). */
    announcement: snapshot.announcement,
    /** Whether files are being dragged over the root. */
    isDragging,
    /** Whether adding images is impossible (the `disabled` option, or a model that takes none). */
    disabled,
    /** Why the model takes no images, when it takes none. */
    disabledReason,
    /** Whether the current model needs at least one image (image-to-video only). */
    required,
    /** Whether the field is marked invalid (the `invalid` option). */
    invalid,
    /** Most images: the option, else the model's `maxImages` (`Infinity` without either). */
    maxFiles,
    /** Largest file in bytes: the option, else the model's `imageMaxBytes`, else `undefined` (no limit). */
    maxBytes,
    /** Accepted MIME types. */
    accept,
    /** The model's spec, when one was given and known. */
    model,
    /** Opens the file chooser. */
    open,
    /** Checks and attaches files (as a drop would); refused ones land in `rejections`. */
    addFiles,
    /** Checks and attaches image URLs (as a paste would); refused ones land in `rejections`. */
    addUrls,
    /** Removes an item (cancelling its upload). */
    remove,
    /** Cancels an upload in flight; the item is removed. */
    cancel: remove,
    /** Uploads a failed file again. */
    retry,
    /** Moves an item to a position (0-based). */
    move,
    /** Forgets the last rejections. */
    clearRejections,
    /** Props for the drop and paste target (`role="group"`, data attributes, drag and paste handlers). */
    getRootProps,
    /** Props for the hidden `<input type="file">` (render it once). */
    getInputProps,
    /** Props for a button that opens the file chooser. */
    getBrowseProps,
    /** Props for one image's element: draggable to reorder, Alt+arrows move it, `data-state`/`data-value`/`data-max`. */
    getItemProps,
  };
}

let nextId = 0;

/** The words of pasted or dropped text (a URL list, or URLs separated by spaces); `#` comment lines of a `text/uri-list` skipped. */
function parseUrls(text: string): string[] {
  return text
    .split(/\s+/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** What {@link useImageDropzone} returns. */
export type ImageDropzoneState = ReturnType<typeof useImageDropzone>;

import type { ModelSpec } from '../../core/registry/model-spec.js';
import type { Registry } from '../../core/registry/registry.js';
import type { ImageError, ImageRejection } from '../image-checks.js';
import type { Announcement } from './dropzone-announcements.js';
import type { ImageItem } from './image-items.js';
import type { useDropTarget } from './use-drop-target.js';
import type { useItemReorder } from './use-item-reorder.js';
import type { ModelInput } from './use-model.js';
import type { UploadAdapter } from '../upload-queue.js';

export type { ImageItem } from './image-items.js';

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
  /**
   * Most uploads running at once; the others wait their turn, shown uploading with unknown progress.
   * Read when the dropzone mounts. Defaults to `Infinity` (every file starts at once).
   */
  maxConcurrentUploads?: number;
  /** Extra checks on a file; return the errors, or `null` to accept it. */
  validator?: (file: File) => ImageError | ImageError[] | null;
  /** Called with each batch of rejected files and URLs. */
  onReject?: (rejections: ImageRejection[]) => void;
  /** Disables every way of adding images. */
  disabled?: boolean;
  /** Marks the dropzone invalid (`aria-invalid` on the browse button, `data-invalid`). */
  invalid?: boolean;
}

type DropTarget = ReturnType<typeof useDropTarget>;

/** What {@link useImageDropzone} returns. */
export interface ImageDropzoneState {
  /** Every attached image, in order, with its status. */
  items: readonly ImageItem[];
  /** The ready URLs in order: the request's `inputImageUrls`. */
  value: string[];
  /** The files and URLs refused by the last add, as data. */
  rejections: ImageRejection[];
  /** The last change in words, for a polite live region (the `ImageDropzone.Root` renders one). */
  announcement: Announcement;
  /** Whether files are being dragged over the root. */
  isDragging: boolean;
  /** Whether adding images is impossible (the `disabled` option, or a model that takes none). */
  disabled: boolean;
  /** Why the model takes no images, when it takes none. */
  disabledReason: string | undefined;
  /** Whether the current model needs at least one image (image-to-video only). */
  required: boolean;
  /** Whether the field is marked invalid (the `invalid` option). */
  invalid: boolean;
  /** Most images: the option, else the model's `maxImages` (`Infinity` without either). */
  maxFiles: number;
  /** Largest file in bytes: the option, else the model's `imageMaxBytes`, else `undefined` (no limit). */
  maxBytes: number | undefined;
  /** Accepted MIME types. */
  accept: readonly string[];
  /** The model's spec, when one was given and known. */
  model: ModelSpec | undefined;
  /** Opens the file chooser. */
  open: () => void;
  /** Checks and attaches files (as a drop would); refused ones land in `rejections`. */
  addFiles: (files: Iterable<File> | ArrayLike<File>) => void;
  /** Checks and attaches image URLs (as a paste would); refused ones land in `rejections`. */
  addUrls: (urls: readonly string[]) => void;
  /** Removes an item (cancelling its upload). */
  remove: (id: string) => void;
  /** Cancels an upload in flight; the item is removed. */
  cancel: (id: string) => void;
  /**
   * Uploads a failed file again, even one the adapter called not retryable (say, after the user signed
   * in); `ItemRetry` is offered only when retrying may help.
   */
  retry: (id: string) => void;
  /** Moves an item to a position (0-based). */
  move: (id: string, toIndex: number) => void;
  /** Forgets the last rejections. */
  clearRejections: () => void;
  /** Props for the drop and paste target (`role="group"`, data attributes, drag and paste handlers). */
  getRootProps: DropTarget['getRootProps'];
  /** Props for the hidden `<input type="file">` (render it once). */
  getInputProps: DropTarget['getInputProps'];
  /** Props for a button that opens the file chooser. */
  getBrowseProps: DropTarget['getBrowseProps'];
  /** Props for one image's element: draggable to reorder, Alt+arrows move it, `data-state`/`data-value`/`data-max`. */
  getItemProps: ReturnType<typeof useItemReorder>['getItemProps'];
}

'use client';
import type { GptImageError } from '../../core/errors.js';
import type { ModelSpec } from '../../core/registry/model-spec.js';
import type { Registry } from '../../core/registry/registry.js';
import type { Task } from '../../core/task/task.js';
import { createScope } from './scope.js';

/** What every `TaskGallery` part reads from its `Root`. */
export interface GalleryContextValue {
  tasks: readonly Task[];
  hasMore: boolean;
  loading: boolean;
  error: GptImageError | Error | null;
  onLoadMore: (() => void) | undefined;
  onOpen: ((task: Task) => void) | undefined;
  onRetry: ((task: Task) => void) | undefined;
  onUseAsInput: ((url: string, task: Task) => void) | undefined;
  /** The id of the item Tab lands on (the roving tab stop). */
  activeId: string | null;
  setActiveId: (id: string) => void;
  /** Each item's element by task id, for moving focus. */
  items: Map<string, HTMLElement>;
  /** Called by `LoadMore`: focus goes to the first new item once it arrives. */
  loadMore: () => void;
  registry: Registry | undefined;
}
export const GalleryScope = /* @__PURE__ */ createScope<GalleryContextValue>('TaskGallery');
export const useGallery = (part: string) => GalleryScope.usePart(part);

/** What the parts of one `TaskGallery.Item` read. */
export interface GalleryItemValue {
  task: Task;
  index: number;
  /** Whether this item is the gallery's tab stop: its actions are in the Tab order only then. */
  active: boolean;
  /** `image` or `video`. */
  kind: 'image' | 'video';
  /** The outputs' http(s) URLs (none unless completed). */
  urls: string[];
  /** The task's model in the registry, when known. */
  model: ModelSpec | undefined;
}
export const ItemScope = /* @__PURE__ */ createScope<GalleryItemValue>('TaskGallery', 'Item');
export const useGalleryItem = (part: string) => ItemScope.usePart(part);

'use client';
import { useCallback, useEffect, useRef } from 'react';
import { checkImages, resolveImageRules } from './image-checks.js';
import type {
  ImageDropzoneState,
  UseImageDropzoneOptions,
} from './internal/image-dropzone-types.js';
import { say, useAnnouncement } from './internal/dropzone-announcements.js';
import { fileItem, readyUrls, urlItem, type ImageItem } from './internal/image-items.js';
import { useDropTarget } from './internal/use-drop-target.js';
import { useDropzoneItems, useTrimToLimit } from './internal/use-dropzone-items.js';
import { useDropzoneUploads } from './internal/use-dropzone-uploads.js';
import { useItemReorder } from './internal/use-item-reorder.js';
import { useModelSpec } from './internal/use-model.js';

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
export function useImageDropzone(options: UseImageDropzoneOptions = {}): ImageDropzoneState {
  const { value: valueProp, disabled: disabledProp = false, invalid = false } = options;
  const model = useModelSpec(options.model, options.registry);
  const rules = resolveImageRules(model, options);
  const disabled = disabledProp || rules.maxFiles === 0;
  const { announcement, announce } = useAnnouncement();
  const dropzone = useDropzoneItems({
    value: valueProp,
    defaultValue: options.defaultValue,
    onValueChange: options.onValueChange,
    // Uploads of items no longer shown uploading are abandoned.
    onCommit: (next) =>
      queue.retain((id) => next.some((item) => item.id === id && item.status === 'uploading')),
  });
  const { items, commit, update, find, getItems } = dropzone;
  const count = dropzone.value.length;
  const latest = useRef({ options, rules, disabledProp });
  useEffect(() => {
    latest.current = { options, rules, disabledProp };
  });

  const queue = useDropzoneUploads({
    getUpload: () => latest.current.options.upload,
    concurrency: options.maxConcurrentUploads,
    find,
    update,
    announce,
  });

  /** Files and URLs checked against the rules; the accepted ones attached, the rest reported. */
  const add = useCallback(
    (files: readonly File[], urls: readonly string[]) => {
      if (files.length === 0 && urls.length === 0) return;
      const { options, rules, disabledProp } = latest.current;
      const current = getItems();
      const { accepted, rejections, replace } = checkImages(files, urls, rules, {
        attached: readyUrls(current),
        count: current.length,
        canUpload: Boolean(options.upload),
        validator: options.validator,
        disabled: disabledProp,
      });
      const added = accepted.map((entry) =>
        typeof entry === 'string' ? urlItem(entry) : fileItem(entry),
      );
      commit(added.length ? [...(replace ? [] : current), ...added] : current, rejections);
      for (const item of added) if (item.file) queue.add(item.id, item.file);
      if (rejections.length) options.onReject?.(rejections);
      announce(say.added(added, rejections));
    },
    [announce, commit, getItems, queue],
  );

  const addFiles = useCallback(
    (files: Iterable<File> | ArrayLike<File>) => add(Array.from(files), []),
    [add],
  );
  const addUrls = useCallback((urls: readonly string[]) => add([], urls), [add]);

  const remove = useCallback(
    (id: string) => {
      const item = find(id);
      if (!item) return;
      commit(getItems().filter((candidate) => candidate.id !== id));
      announce(say.removed(item));
    },
    [announce, commit, find, getItems],
  );

  const retry = useCallback(
    (id: string) => {
      const item = find(id);
      if (!item || item.status !== 'failed' || !item.file) return;
      const again: ImageItem = { ...item, status: 'uploading', progress: null, error: null };
      commit(getItems().map((candidate) => (candidate.id === id ? again : candidate)));
      queue.add(id, item.file);
      announce(say.retrying(item.name));
    },
    [announce, commit, find, getItems, queue],
  );

  useTrimToLimit(items, rules, { value: valueProp, paused: disabledProp, commit, announce });
  const reorder = useItemReorder(items, { getItems, commit, announce, disabled: disabledProp });
  const target = useDropTarget({ add, disabled, ignoreInput: disabledProp, invalid, rules, count });

  return {
    items,
    value: dropzone.value,
    rejections: dropzone.rejections,
    announcement,
    isDragging: target.isDragging,
    disabled,
    disabledReason: rules.disabledReason,
    required: rules.required,
    invalid,
    maxFiles: rules.maxFiles,
    maxBytes: rules.maxBytes,
    accept: rules.accept,
    model,
    open: target.open,
    addFiles,
    addUrls,
    remove,
    cancel: remove,
    retry,
    move: reorder.move,
    clearRejections: dropzone.clearRejections,
    getRootProps: target.getRootProps,
    getInputProps: target.getInputProps,
    getBrowseProps: target.getBrowseProps,
    getItemProps: reorder.getItemProps,
  };
}

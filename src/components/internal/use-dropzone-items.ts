'use client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ImageRejection, ImageRules } from '../image-checks.js';
import { say } from './dropzone-announcements.js';
import { readyUrls, reconcile, sameList, urlItem, type ImageItem } from './image-items.js';

interface ItemsOptions {
  /** The controlled ready URLs, or `undefined` when uncontrolled. */
  value: readonly string[] | undefined;
  defaultValue: readonly string[] | undefined;
  onValueChange: ((urls: string[]) => void) | undefined;
  /** Called with the next items before they become the state (the hook cancels uploads no longer shown). */
  onCommit: (next: readonly ImageItem[]) => void;
}

/**
 * The dropzone's items and last rejections, reconciled with a controlled `value` (the truth for ready
 * URLs; uploads and failures stay the dropzone's own). `commit` makes a list the items and reports
 * the value when its ready URLs changed.
 */
export function useDropzoneItems({
  value: valueProp,
  defaultValue,
  onValueChange,
  onCommit,
}: ItemsOptions) {
  // React state, not an external store: its updates then batch with the parent's `onValueChange`
  // state (React 18 renders an external store's update on its own first, a frame where a controlled
  // value and the items disagree).
  const [state, setState] = useState(() => ({
    items: (defaultValue ?? []).map(urlItem) as readonly ImageItem[],
    rejections: [] as ImageRejection[],
  }));
  const items = useMemo(
    () => (valueProp === undefined ? state.items : reconcile(state.items, valueProp)),
    [state.items, valueProp],
  );
  const value = useMemo(() => readyUrls(items), [items]);
  // What handlers and upload reports read: the items as of the last change (updated at once by
  // every change, so two uploads finishing in one tick both count), and the latest callbacks.
  const latest = useRef({ items, value, onValueChange, onCommit });
  useEffect(() => {
    Object.assign(latest.current, { items, value, onValueChange, onCommit });
  });

  const commit = useCallback((next: readonly ImageItem[], rejections?: ImageRejection[]) => {
    const current = latest.current;
    current.onCommit(next);
    current.items = next;
    setState((previous) => ({ items: next, rejections: rejections ?? previous.rejections }));
    const urls = readyUrls(next);
    if (!sameList(urls, current.value)) {
      current.value = urls;
      current.onValueChange?.(urls);
    }
  }, []);
  const getItems = useCallback(() => latest.current.items, []);
  const find = useCallback((id: string) => latest.current.items.find((item) => item.id === id), []);
  const update = useCallback(
    (id: string, patch: Partial<ImageItem>) => {
      const list = latest.current.items;
      if (list.some((item) => item.id === id))
        commit(list.map((item) => (item.id === id ? { ...item, ...patch } : item)));
    },
    [commit],
  );
  const clearRejections = useCallback(
    () => setState((previous) => ({ ...previous, rejections: [] })),
    [],
  );
  return {
    items,
    value,
    rejections: state.rejections,
    commit,
    update,
    getItems,
    find,
    clearRejections,
  };
}

/**
 * When the model comes to take fewer images: keeps the first ones, drops (and so cancels) the rest,
 * and says so. Once per limit and value: a parent that keeps its value anyway is not asked again
 * and again.
 */
export function useTrimToLimit(
  items: readonly ImageItem[],
  { maxFiles, modelName }: Pick<ImageRules, 'maxFiles' | 'modelName'>,
  {
    value,
    paused,
    commit,
    announce,
  }: {
    value: readonly string[] | undefined;
    paused: boolean;
    commit: (next: readonly ImageItem[]) => void;
    announce: (text: string) => void;
  },
) {
  const trimmed = useRef<{ maxFiles: number; value: readonly string[] | undefined } | null>(null);
  useEffect(() => {
    if (paused || items.length <= maxFiles) return;
    if (trimmed.current?.maxFiles === maxFiles && trimmed.current.value === value) return;
    trimmed.current = { maxFiles, value };
    // The model changed outside this component: the trimmed list must become its state (a
    // render-time derivation would bring the dropped uploads back if the model changed back).
    commit(items.slice(0, maxFiles));
    announce(say.trimmed(items.length - maxFiles, modelName, maxFiles));
  }, [announce, commit, items, maxFiles, modelName, paused, value]);
}

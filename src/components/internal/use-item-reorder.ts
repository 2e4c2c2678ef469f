'use client';
import {
  useCallback,
  useEffect,
  useRef,
  type DragEvent,
  type KeyboardEvent,
  type RefCallback,
} from 'react';
import { say } from './dropzone-announcements.js';
import { mergeProps } from './merge-props.js';
import { moveItem, type ImageItem } from './image-items.js';

// Marks a drag that moves an attached image, so the dropzone does not take it for new files.
const ITEM_DRAG_TYPE = 'application/x-gptimage2-image-item';
// Alt+arrows move an item one place.
const STEPS: Readonly<Record<string, number>> = {
  ArrowUp: -1,
  ArrowLeft: -1,
  ArrowDown: 1,
  ArrowRight: 1,
};

/** Whether a drag carries one of the dropzone's own items (a reorder), not new files. */
export const isItemDrag = (event: DragEvent) =>
  Array.from(event.dataTransfer?.types ?? []).includes(ITEM_DRAG_TYPE);

interface ReorderOptions {
  getItems: () => readonly ImageItem[];
  commit: (next: readonly ImageItem[]) => void;
  announce: (text: string) => void;
  /** Items cannot be dragged (the dropzone is disabled). */
  disabled: boolean;
}

/**
 * Reordering: `move`, and the item props that move an item by dragging it onto another or by
 * Alt+arrow keys on any of its controls, keeping focus in the moved item.
 */
export function useItemReorder(
  items: readonly ImageItem[],
  { getItems, commit, announce, disabled }: ReorderOptions,
) {
  const elements = useRef(new Map<string, HTMLElement>());
  // The control that had focus when its item moved, to give it back if the move took it away.
  const refocus = useRef<{ id: string; element: Element | null } | null>(null);

  const move = useCallback(
    (id: string, toIndex: number) => {
      const list = moveItem(getItems(), id, toIndex);
      if (!list) return;
      const active = document.activeElement;
      refocus.current = { id, element: elements.current.get(id)?.contains(active) ? active : null };
      commit(list);
      const position = list.findIndex((item) => item.id === id);
      announce(say.moved(list[position]!.name, position + 1, list.length));
    },
    [announce, commit, getItems],
  );

  // Focus stays in the moved item: on the same control, or (when that control is now disabled, as
  // "Move earlier" at the first place) on the item's first enabled control.
  useEffect(() => {
    const moved = refocus.current;
    refocus.current = null;
    if (!moved?.element) return;
    const item = elements.current.get(moved.id);
    if (!item) return;
    const { element } = moved;
    const target =
      element instanceof HTMLElement && element.isConnected && !element.matches(':disabled')
        ? element
        : item.querySelector<HTMLElement>('button:not(:disabled)');
    if (target && document.activeElement !== target) target.focus();
  }, [items]);

  const getItemProps = <P extends object = object>(item: ImageItem, props?: P) => {
    const index = items.findIndex((candidate) => candidate.id === item.id);
    const ref: RefCallback<HTMLElement> = (element) => {
      if (element) elements.current.set(item.id, element);
      else elements.current.delete(item.id);
    };
    return mergeProps(
      {
        ref,
        'data-state': item.status,
        'data-value': index + 1,
        'data-max': items.length,
        draggable: !disabled,
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
        onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
          if (!event.altKey) return;
          const step = STEPS[event.key];
          if (!step) return;
          event.preventDefault();
          move(item.id, index + step);
        },
      },
      props,
    );
  };

  return { move, getItemProps };
}

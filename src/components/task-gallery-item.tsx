'use client';
import { useCallback, useMemo } from 'react';
import type { Task } from '../core/task/task.js';
import { isHttpUrl } from '../core/values.js';
import { Download, Open, Retry, UseAsInput } from './task-gallery-actions.js';
import {
  Credits,
  Failure,
  Media,
  Model,
  Progress,
  Prompt,
  Refund,
  Status,
} from './task-gallery-parts.js';
import { composeRefs } from './internal/merge-props.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { ItemScope, useGallery, type GalleryItemValue } from './internal/task-gallery-scope.js';
import { useModelSpec } from './internal/use-model.js';

const STATUS_WORDS = { pending: 'generating', completed: 'ready', failed: 'failed' } as const;

/** An item's name: its kind and status, then its prompt ("Video, ready: Waves at dawn"). */
function itemLabel(task: Task, kind: 'image' | 'video', count: number) {
  const what = kind === 'video' ? 'Video' : count > 1 ? `${count} images` : 'Image';
  return `${what}, ${STATUS_WORDS[task.status]}: ${task.prompt || 'no prompt'}`;
}

/** Props of `TaskGallery.Item`. */
export type TaskGalleryItemProps = PartProps<'article'> & {
  /** The task this item shows (one of the root's `tasks`). */
  task: Task;
};

export const Item = /* @__PURE__ */ part<HTMLElement, TaskGalleryItemProps>(
  'TaskGallery.Item',
  function Item({ task, asChild, children, onFocus, ...props }, ref) {
    const { tasks, hasMore, activeId, setActiveId, items, registry } = useGallery('Item');
    const model = useModelSpec(task.model ?? undefined, registry);
    const kind = task.type ?? (task.videoUrl ? 'video' : 'image');
    const urls = useMemo(
      () =>
        task.status === 'completed'
          ? (kind === 'video' ? [task.videoUrl] : task.imageUrls).filter(isHttpUrl)
          : [],
      [task.status, task.videoUrl, task.imageUrls, kind],
    );
    const index = tasks.findIndex((each) => each.id === task.id);
    const active = activeId === task.id;
    const { id } = task;
    const register = useCallback(
      (node: HTMLElement | null) => {
        if (node) items.set(id, node);
        else if (items.get(id)) items.delete(id);
      },
      [items, id],
    );
    const refs = useMemo(() => composeRefs(ref, register), [ref, register]);
    const value: GalleryItemValue = { task, index, active, kind, urls, model };
    return (
      <ItemScope.Provider value={value}>
        <Part
          tag="article"
          asChild={asChild}
          tabIndex={active ? 0 : -1}
          aria-label={itemLabel(task, kind, urls.length)}
          aria-posinset={index + 1}
          // -1: the total is unknown while there are more to load.
          aria-setsize={hasMore ? -1 : tasks.length}
          data-state={task.status}
          data-kind={kind}
          data-active={flag(active)}
          onFocus={(event: React.FocusEvent<HTMLElement>) => {
            onFocus?.(event);
            // Focus anywhere in the item (a click on an action, say) makes it the tab stop.
            setActiveId(id);
          }}
          {...props}
          ref={refs}
        >
          {children ?? <DefaultParts />}
        </Part>
      </ItemScope.Provider>
    );
  },
);

function DefaultParts() {
  return (
    <>
      <Media />
      <Status />
      <Progress />
      <Prompt />
      <Model />
      <Credits />
      <Failure />
      <Refund />
      <Open />
      <Download />
      <Retry />
      <UseAsInput />
    </>
  );
}

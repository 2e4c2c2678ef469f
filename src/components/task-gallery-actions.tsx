'use client';
import * as VisuallyHidden from 'radix-ui/visually-hidden';
import { useId } from 'react';
import { Part, part, flag, type PartProps } from './internal/primitive.js';
import { joinIds } from './internal/use-descriptions.js';
import { useGallery, useGalleryItem } from './internal/task-gallery-scope.js';

// The actions of one gallery item. Each is in the Tab order only in the focused item (the gallery has
// one tab stop), so Tab goes from an item to its actions and then out of the gallery.

type Click = React.MouseEvent<HTMLButtonElement>;

/** A button's props in an item: in the Tab order only in the focused item, `act` after the user's `onClick`. */
const buttonProps = (
  active: boolean,
  onClick: ((event: Click) => void) | undefined,
  act: () => void,
) => ({
  type: 'button' as const,
  tabIndex: active ? undefined : -1,
  onClick: (event: Click) => {
    onClick?.(event);
    if (!event.defaultPrevented) act();
  },
});

export const Open = /* @__PURE__ */ part<HTMLButtonElement, PartProps<'button'>>(
  'TaskGallery.Open',
  function Open({ asChild, children, onClick, ...props }, ref) {
    const { onOpen } = useGallery('Open');
    const { task, active } = useGalleryItem('Open');
    if (!onOpen) return null;
    return (
      <Part
        tag="button"
        asChild={asChild}
        {...buttonProps(active, onClick, () => onOpen(task))}
        {...props}
        ref={ref}
      >
        {children ?? 'Open'}
      </Part>
    );
  },
);

/** Props of the actions that act on one output (`Download`, `UseAsInput`). */
export interface TaskGalleryOutputProps {
  /** The output to act on (0 is the first). Defaults to one element per output. */
  index?: number;
}

/** The outputs an action renders for: the one at `index`, else all. */
const pick = (urls: string[], index: number | undefined) =>
  index === undefined
    ? urls.map((url, at) => ({ url, at }))
    : urls[index]
      ? [{ url: urls[index], at: index }]
      : [];

/** A file name for a download: the task id, the output's number, the URL's extension. */
function fileName(taskId: string, url: string, at: number, count: number, kind: string) {
  const extension =
    /\.(\w{2,5})$/.exec(new URL(url).pathname)?.[1] ?? (kind === 'video' ? 'mp4' : 'png');
  return `${taskId}${count > 1 ? `-${at + 1}` : ''}.${extension}`;
}

export const Download = /* @__PURE__ */ part<
  HTMLAnchorElement,
  PartProps<'a'> & TaskGalleryOutputProps
>('TaskGallery.Download', function Download({ asChild, children, index, ...props }, ref) {
  const { task, urls, kind, active } = useGalleryItem('Download');
  const outputs = pick(urls, index);
  return outputs.map(({ url, at }) => (
    <Part
      key={url}
      tag="a"
      asChild={asChild}
      href={url}
      // Browsers save a same-origin file under this name; a cross-origin URL opens instead.
      download={fileName(task.id, url, at, urls.length, kind)}
      tabIndex={active ? undefined : -1}
      data-kind={kind}
      {...props}
      ref={ref}
    >
      {children ?? (urls.length > 1 ? `Download image ${at + 1}` : 'Download')}
    </Part>
  ));
});

export const Retry = /* @__PURE__ */ part<HTMLButtonElement, PartProps<'button'>>(
  'TaskGallery.Retry',
  function Retry({ asChild, children, onClick, ...props }, ref) {
    const { onRetry } = useGallery('Retry');
    const { task, active } = useGalleryItem('Retry');
    const reasonId = useId();
    if (!onRetry || task.status === 'pending') return null;
    // Without the request it was made from, the same generation cannot be sent again.
    const reason = task.request ? null : 'Cannot retry: the request was not kept';
    return (
      <>
        <Part
          tag="button"
          asChild={asChild}
          {...buttonProps(active, onClick, () => !reason && onRetry(task))}
          // Stays focusable, so its reason can be heard.
          aria-disabled={reason ? true : undefined}
          data-disabled={flag(Boolean(reason))}
          {...props}
          aria-describedby={joinIds(props['aria-describedby'], reason && reasonId)}
          ref={ref}
        >
          {children ?? 'Retry'}
        </Part>
        {reason && <VisuallyHidden.Root id={reasonId}>{reason}</VisuallyHidden.Root>}
      </>
    );
  },
);

export const UseAsInput = /* @__PURE__ */ part<
  HTMLButtonElement,
  PartProps<'button'> & TaskGalleryOutputProps
>(
  'TaskGallery.UseAsInput',
  function UseAsInput({ asChild, children, index, onClick, ...props }, ref) {
    const { onUseAsInput } = useGallery('UseAsInput');
    const { task, urls, kind, active } = useGalleryItem('UseAsInput');
    // The API takes images as input, not videos.
    if (!onUseAsInput || kind !== 'image') return null;
    return pick(urls, index).map(({ url, at }) => (
      <Part
        key={url}
        tag="button"
        asChild={asChild}
        {...buttonProps(active, onClick, () => onUseAsInput(url, task))}
        {...props}
        ref={ref}
      >
        {children ?? (urls.length > 1 ? `Use image ${at + 1} as input` : 'Use as input')}
      </Part>
    ));
  },
);

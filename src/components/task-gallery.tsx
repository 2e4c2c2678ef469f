'use client';
import * as VisuallyHidden from 'radix-ui/visually-hidden';
import {
  Fragment,
  useCallback,
  useEffect,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { GptImageError } from '../core/errors.js';
import type { Registry } from '../core/registry/registry.js';
import type { Task } from '../core/task/task.js';
import { Download, Open, Retry, UseAsInput } from './task-gallery-actions.js';
import { Item } from './task-gallery-item.js';
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
import { gridTarget } from './internal/grid-navigation.js';
import { factPart } from './internal/fact-part.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import {
  GalleryScope,
  useGallery,
  type GalleryContextValue,
} from './internal/task-gallery-scope.js';
import { useGalleryLoads } from './internal/use-gallery-loads.js';

/** Props of `TaskGallery.Root`: the tasks, the paging state, the actions' callbacks and the element's props. */
export interface TaskGalleryRootProps extends PartProps<'div'> {
  /** The tasks to show, in order (newest first, as `useTaskHistory` gives them). */
  tasks: readonly Task[];
  /** Whether there are more tasks to load: `LoadMore` renders only then. Defaults to `false`. */
  hasMore?: boolean;
  /** Loads the next page; called by `LoadMore`. */
  onLoadMore?: () => void;
  /** Whether a page is loading (the first or the next). Defaults to `false`. */
  loading?: boolean;
  /** Why the last load failed, else `null`: `Error` shows it as an alert. Defaults to `null`. */
  error?: GptImageError | Error | null;
  /** Opens a task (a detail view, a lightbox); `Open` and Enter on an item call it. `Open` renders only with it. */
  onOpen?: (task: Task) => void;
  /** Generates again with the task's request (`task.request`); `Retry` renders only with it. */
  onRetry?: (task: Task) => void;
  /** Uses an output image as the input image of a new generation; `UseAsInput` renders only with it. */
  onUseAsInput?: (url: string, task: Task) => void;
  /** Where model names are looked up. Defaults to the client's registry. */
  registry?: Registry;
  /** Announce loads ("20 more tasks loaded") in a polite live region rendered after the root. Defaults to `true`. */
  announce?: boolean;
}

const Root = /* @__PURE__ */ part<HTMLDivElement, TaskGalleryRootProps>(
  'TaskGallery.Root',
  function Root(
    {
      tasks,
      hasMore = false,
      onLoadMore,
      loading = false,
      error = null,
      onOpen,
      onRetry,
      onUseAsInput,
      registry,
      announce = true,
      asChild,
      children,
      ...props
    },
    ref,
  ) {
    const [chosenId, setActiveId] = useState<string | null>(null);
    // The tab stop stays on the item last focused while it is shown, else the first.
    const activeId = tasks.some((task) => task.id === chosenId) ? chosenId : (tasks[0]?.id ?? null);
    const [items] = useState(() => new Map<string, HTMLElement>());
    const loads = useGalleryLoads({
      count: tasks.length,
      loading,
      failed: Boolean(error),
      hasMore,
    });
    const { focusFrom, focused, startLoad } = loads;
    useEffect(() => {
      if (focusFrom === null) return;
      const first = tasks[focusFrom];
      const element = first && items.get(first.id);
      if (!element) return;
      setActiveId(first.id);
      element.focus();
      focused();
    }, [focusFrom, focused, items, tasks]);

    const loadMore = useCallback(() => {
      startLoad();
      onLoadMore?.();
    }, [startLoad, onLoadMore]);
    const context: GalleryContextValue = {
      tasks,
      hasMore,
      loading,
      error,
      onLoadMore,
      onOpen,
      onRetry,
      onUseAsInput,
      activeId,
      setActiveId,
      items,
      loadMore,
      registry,
    };
    return (
      <GalleryScope.Provider value={context}>
        <Part
          tag="div"
          asChild={asChild}
          data-value={tasks.length}
          data-loading={flag(loading)}
          data-empty={flag(tasks.length === 0 && !loading && !error)}
          data-error={flag(Boolean(error))}
          data-has-more={flag(hasMore)}
          {...props}
          ref={ref}
        >
          {children ?? <DefaultParts />}
        </Part>
        {announce && (
          <VisuallyHidden.Root role="status" aria-live="polite">
            {/* The key renews the text node, so a repeated sentence is said again. */}
            <span key={loads.said.count}>{loads.said.text}</span>
          </VisuallyHidden.Root>
        )}
      </GalleryScope.Provider>
    );
  },
);

function DefaultParts() {
  return (
    <>
      <List />
      <Loading />
      <Empty />
      <ErrorMessage />
      <LoadMore />
    </>
  );
}

/** Props of `TaskGallery.List`. */
export type TaskGalleryListProps = Omit<PartProps<'div'>, 'children' | 'asChild'> & {
  /** Renders one task: return a `TaskGallery.Item`. Defaults to an `Item` with every part. */
  children?: (task: Task, index: number) => ReactNode;
};

const List = /* @__PURE__ */ part<HTMLDivElement, TaskGalleryListProps>(
  'TaskGallery.List',
  function List({ children, onKeyDown, ...props }, ref) {
    const { tasks, loading, items, setActiveId, onOpen } = useGallery('List');
    const moveFocus = useCallback(
      (event: KeyboardEvent<HTMLDivElement>) => {
        onKeyDown?.(event);
        if (event.defaultPrevented || event.altKey || event.metaKey) return;
        const target = event.target as HTMLElement;
        const shown = tasks.flatMap((task) => {
          const element = items.get(task.id);
          return element ? [{ task, element }] : [];
        });
        const from = shown.findIndex(({ element }) => element.contains(target));
        if (from < 0) return;
        const onItem = shown[from]!.element === target;
        if (event.key === 'Escape' && !onItem) {
          // From an action back to its item.
          event.preventDefault();
          shown[from]!.element.focus();
          return;
        }
        if (event.key === 'Enter' && onItem && onOpen) {
          event.preventDefault();
          onOpen(shown[from]!.task);
          return;
        }
        // Arrows, Home and End belong to the item itself (a video inside uses them); Page keys work anywhere in it.
        if (!onItem && event.key !== 'PageDown' && event.key !== 'PageUp') return;
        const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
        const boxes = shown.map(({ element }) => element.getBoundingClientRect());
        const to = gridTarget(boxes, from, event.key, rtl);
        if (to === null) return;
        event.preventDefault();
        setActiveId(shown[to]!.task.id);
        shown[to]!.element.focus();
      },
      [items, onKeyDown, onOpen, setActiveId, tasks],
    );
    if (tasks.length === 0 && !loading) return null;
    return (
      <div
        role="feed"
        aria-label="Tasks"
        aria-busy={loading || undefined}
        data-value={tasks.length}
        onKeyDown={moveFocus}
        {...props}
        ref={ref}
      >
        {tasks.map((task, index) =>
          children ? (
            <Fragment key={task.id}>{children(task, index)}</Fragment>
          ) : (
            <Item key={task.id} task={task} />
          ),
        )}
      </div>
    );
  },
);

const Loading = /* @__PURE__ */ factPart(
  'TaskGallery.Loading',
  'div',
  useGallery,
  ({ loading, tasks }) =>
    // Said by the Root's live region; this is what is seen.
    loading
      ? [
          tasks.length ? 'Loading more tasks…' : 'Loading tasks…',
          { 'aria-hidden': true, 'data-more': flag(tasks.length > 0) },
        ]
      : null,
);

const Empty = /* @__PURE__ */ factPart(
  'TaskGallery.Empty',
  'div',
  useGallery,
  ({ loading, tasks, error }) =>
    loading || error || tasks.length ? null : ['No generations yet', { role: 'status' }],
);

const ErrorMessage = /* @__PURE__ */ factPart(
  'TaskGallery.Error',
  'div',
  useGallery,
  ({ error, tasks }) =>
    error
      ? [
          `${tasks.length ? 'More tasks could not be loaded' : 'Your tasks could not be loaded'}: ${error.message}`,
          { role: 'alert', 'data-code': 'code' in error ? String(error.code) : undefined },
        ]
      : null,
);

const LoadMore = /* @__PURE__ */ part<HTMLButtonElement, PartProps<'button'>>(
  'TaskGallery.LoadMore',
  function LoadMore({ asChild, children, onClick, ...props }, ref) {
    const { hasMore, loading, loadMore } = useGallery('LoadMore');
    if (!hasMore) return null;
    return (
      <Part
        tag="button"
        asChild={asChild}
        type="button"
        // Stays focusable while loading (a disabled button would drop focus to the page).
        aria-disabled={loading || undefined}
        data-loading={flag(loading)}
        onClick={(event: React.MouseEvent<HTMLButtonElement>) => {
          onClick?.(event);
          if (!event.defaultPrevented && !loading) loadMore();
        }}
        {...props}
        ref={ref}
      >
        {children ?? (loading ? 'Loading…' : 'Load more')}
      </Part>
    );
  },
);

/**
 * A gallery of tasks (a history, a batch): each item shows its media, status, live estimate while
 * pending, prompt, model, credits and refund, with actions to open, download, retry with the same
 * request and use an output as the next input image. It reads no hook: give it `tasks` and the
 * paging state (`hasMore`, `onLoadMore`, `loading`, `error`) from any source.
 *
 * The items are a `feed` of `article`s with one tab stop: arrows move between items as they are laid
 * out (up and down by row), Home and End to the first and last, Page Up and Page Down to the previous
 * and next; Tab reaches the focused item's actions, Escape returns to the item, Enter opens it. Loads
 * are announced ("20 more tasks loaded"), and after "Load more" focus moves to the first new item.
 *
 * @example
 * const history = useTaskHistory();
 * <TaskGallery.Root tasks={history.tasks} hasMore={history.hasMore} onLoadMore={history.loadMore}
 *   loading={history.loading} error={history.error} onOpen={show} />
 */
export const TaskGallery = {
  /** Provides the state; renders a `div` and, after it, the live region. Children default to `List`, `Loading`, `Empty`, `Error`, `LoadMore`. Data: `data-value` (count), `data-loading`, `data-empty`, `data-error`, `data-has-more`. */
  Root,
  /** The items (`role="feed"`, `aria-busy` while loading, named "Tasks"), with their keyboard navigation; nothing while empty. Children: a function of each task returning an `Item`. Always a `div` (a feed holds articles; style it by class). Data: `data-value`. */
  List,
  /** One task (`article`, named by its kind, status and prompt; `aria-posinset`/`aria-setsize`). Children default to every item part. Data: `data-state` (status), `data-kind` (`image`/`video`), `data-active` (the tab stop). */
  Item,
  /** The outputs: images or a `video` with controls once completed; an empty box before. Data: `data-kind`, `data-state`, `data-value` (count). */
  Media,
  /** The status in words ("Generating…", "Completed", "Failed"). Data: `data-state`. */
  Status,
  /** The estimated progress while pending (`role="progressbar"`, from the model's typical time); nothing otherwise. Data: `data-estimate`, `data-state`; the indicator has `--progress` (0–1). */
  Progress,
  /** The prompt. */
  Prompt,
  /** The model's name from the registry (else its id). Data: `data-value` (the id). */
  Model,
  /** Credits charged. Data: `data-value`, `data-refunded`. */
  Credits,
  /** Why a failed task failed; only when failed. Data: `data-code`. */
  Failure,
  /** What happened to a failed task's credits ("9 credits refunded"); only when failed. Data: `data-refunded`. */
  Refund,
  /** Calls `onOpen(task)`. */
  Open,
  /** A link with `download` to each output (or the one at `index`). */
  Download,
  /** Calls `onRetry(task)`; disabled with its reason when the task's request is unknown; not while pending. */
  Retry,
  /** Calls `onUseAsInput(url, task)` for each output image (or the one at `index`); not for videos. */
  UseAsInput,
  /** Shown while a page loads (the live region says it). Data: `data-more` (loading a next page). */
  Loading,
  /** Shown when there are no tasks and nothing is loading or failed (`role="status"`). */
  Empty,
  /** Why loading failed (`role="alert"`). Data: `data-code`. */
  Error: ErrorMessage,
  /** Loads the next page; rendered only while there is more (`aria-disabled` while loading). Data: `data-loading`. */
  LoadMore,
};

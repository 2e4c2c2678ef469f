'use client';
import { Progress as RadixProgress } from 'radix-ui';
import { useState, type ReactNode } from 'react';
import type { Task } from '../core/task/task.js';
import { useTaskProgress } from '../react/use-task-progress.js';
import { describeRefund, failureReason } from './task-progress-words.js';
import { formatCredits } from './internal/format.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { useGalleryItem } from './internal/task-gallery-scope.js';

// The parts of one gallery item that show it: media, status, estimate, prompt, model, credits, refund.

/** Props of `TaskGallery.Media`. */
export type TaskGalleryMediaProps = Omit<PartProps<'div'>, 'children'> & {
  /** Renders the outputs yourself (http(s) URLs only; called once completed). Defaults to `<img>`s or a `<video controls>`. */
  children?: (outputs: { kind: 'image' | 'video'; urls: string[] }, task: Task) => ReactNode;
};

export const Media = /* @__PURE__ */ part<HTMLDivElement, TaskGalleryMediaProps>(
  'TaskGallery.Media',
  function Media({ asChild, children, ...props }, ref) {
    const { task, kind, urls, active } = useGalleryItem('Media');
    const about = task.prompt ? `: ${task.prompt}` : '';
    return (
      <Part
        tag="div"
        asChild={asChild}
        data-kind={kind}
        data-state={task.status}
        data-value={urls.length}
        {...props}
        ref={ref}
      >
        {urls.length === 0 ? null : children ? (
          children({ kind, urls }, task)
        ) : kind === 'video' ? (
          <video
            src={urls[0]}
            controls
            playsInline
            preload="metadata"
            // In the Tab order only in the focused item, as every control of an item is.
            tabIndex={active ? undefined : -1}
            aria-label={`Generated video${about}`}
          />
        ) : (
          urls.map((url, index) => (
            <img
              key={url}
              src={url}
              alt={`Generated image${urls.length > 1 ? ` ${index + 1} of ${urls.length}` : ''}${about}`}
            />
          ))
        )}
      </Part>
    );
  },
);

const STATUS_TEXT = { pending: 'Generating…', completed: 'Completed', failed: 'Failed' } as const;

export const Status = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'TaskGallery.Status',
  function Status({ asChild, children, ...props }, ref) {
    const { task } = useGalleryItem('Status');
    return (
      <Part tag="span" asChild={asChild} data-state={task.status} {...props} ref={ref}>
        {children ?? STATUS_TEXT[task.status]}
      </Part>
    );
  },
);

export const Progress = /* @__PURE__ */ part<
  HTMLDivElement,
  Omit<RadixProgress.ProgressProps, 'value' | 'max'>
>('TaskGallery.Progress', function Progress({ children, ...props }, ref) {
  const { task, model } = useGalleryItem('Progress');
  // Time counts from the task's creation, else from when it was first shown.
  const [firstShown] = useState(() => Date.now());
  const created = task.createdAt ? Date.parse(task.createdAt) : NaN;
  const progress = useTaskProgress({
    status: task.status,
    submittedAt: Number.isFinite(created) ? created : firstShown,
    model,
    tickMs: task.status === 'pending' ? 1000 : false,
  });
  if (task.status !== 'pending') return null;
  const { estimate } = progress;
  return (
    <RadixProgress.Root
      aria-label="Estimated progress"
      getValueLabel={(value) => `About ${value}% (an estimate from the model's typical time)`}
      data-estimate={flag(estimate !== null)}
      {...props}
      ref={ref}
      value={estimate === null ? null : Math.round(estimate * 100)}
      max={100}
    >
      {children ?? (
        <RadixProgress.Indicator style={{ '--progress': estimate ?? 0 } as React.CSSProperties} />
      )}
    </RadixProgress.Root>
  );
});

export const Prompt = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'TaskGallery.Prompt',
  function Prompt({ asChild, children, ...props }, ref) {
    const { task } = useGalleryItem('Prompt');
    if (!task.prompt && !children) return null;
    return (
      <Part tag="p" asChild={asChild} {...props} ref={ref}>
        {children ?? task.prompt}
      </Part>
    );
  },
);

export const Model = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'TaskGallery.Model',
  function Model({ asChild, children, ...props }, ref) {
    const { task, model } = useGalleryItem('Model');
    if (!task.model) return null;
    return (
      <Part tag="span" asChild={asChild} data-value={task.model} {...props} ref={ref}>
        {children ?? model?.name ?? task.model}
      </Part>
    );
  },
);

export const Credits = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'TaskGallery.Credits',
  function Credits({ asChild, children, ...props }, ref) {
    const { task } = useGalleryItem('Credits');
    if (task.creditsUsed === null) return null;
    return (
      <Part
        tag="span"
        asChild={asChild}
        data-value={task.creditsUsed}
        data-refunded={flag(task.status === 'failed' && task.creditsRefunded)}
        {...props}
        ref={ref}
      >
        {children ?? formatCredits(task.creditsUsed)}
      </Part>
    );
  },
);

export const Failure = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'TaskGallery.Failure',
  function Failure({ asChild, children, ...props }, ref) {
    const { task } = useGalleryItem('Failure');
    if (task.status !== 'failed') return null;
    return (
      <Part tag="p" asChild={asChild} data-code={task.errorCode ?? undefined} {...props} ref={ref}>
        {children ?? failureReason(null, task)}
      </Part>
    );
  },
);

export const Refund = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'TaskGallery.Refund',
  function Refund({ asChild, children, ...props }, ref) {
    const { task } = useGalleryItem('Refund');
    if (task.status !== 'failed') return null;
    return (
      <Part
        tag="p"
        asChild={asChild}
        data-refunded={flag(task.creditsRefunded)}
        {...props}
        ref={ref}
      >
        {children ?? describeRefund(null, task, task.creditsUsed)}
      </Part>
    );
  },
);

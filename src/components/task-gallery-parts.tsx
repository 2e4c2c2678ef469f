'use client';
import { useState, type ReactNode } from 'react';
import type { Task } from '../core/task/task.js';
import { useTaskProgress } from '../react/use-task-progress.js';
import { describeRefund, failureReason } from './task-progress-words.js';
import { formatCredits } from './internal/format.js';
import { factPart, type Fact } from './internal/fact-part.js';
import { flag, Part, part, type PartProps } from './internal/primitive.js';
import { ProgressBar, type ProgressBarProps } from './internal/progress-bar.js';
import { useGalleryItem, type GalleryItemValue } from './internal/task-gallery-scope.js';

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

const fact = (name: string, tag: 'p' | 'span', read: (item: GalleryItemValue) => Fact) =>
  factPart(`TaskGallery.${name}`, tag, useGalleryItem, read);

export const Status = /* @__PURE__ */ fact('Status', 'span', ({ task }) => [
  STATUS_TEXT[task.status],
  { 'data-state': task.status },
]);

export const Progress = /* @__PURE__ */ part<HTMLDivElement, ProgressBarProps>(
  'TaskGallery.Progress',
  function Progress(props, ref) {
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
      <ProgressBar
        aria-label="Estimated progress"
        getValueLabel={(value) => `About ${value}% (an estimate from the model's typical time)`}
        data-estimate={flag(estimate !== null)}
        {...props}
        ref={ref}
        value={estimate === null ? null : Math.round(estimate * 100)}
        fraction={estimate ?? 0}
      />
    );
  },
);

export const Prompt = /* @__PURE__ */ fact('Prompt', 'p', ({ task }) =>
  task.prompt ? [task.prompt] : null,
);

export const Model = /* @__PURE__ */ fact('Model', 'span', ({ task, model }) =>
  task.model ? [model?.name ?? task.model, { 'data-value': task.model }] : null,
);

export const Credits = /* @__PURE__ */ fact('Credits', 'span', ({ task }) =>
  task.creditsUsed === null
    ? null
    : [
        formatCredits(task.creditsUsed),
        {
          'data-value': task.creditsUsed,
          'data-refunded': flag(task.status === 'failed' && task.creditsRefunded),
        },
      ],
);

export const Failure = /* @__PURE__ */ fact('Failure', 'p', ({ task }) =>
  task.status === 'failed'
    ? [failureReason(null, task), { 'data-code': task.errorCode ?? undefined }]
    : null,
);

export const Refund = /* @__PURE__ */ fact('Refund', 'p', ({ task }) =>
  task.status === 'failed'
    ? [
        describeRefund(null, task, task.creditsUsed),
        { 'data-refunded': flag(task.creditsRefunded) },
      ]
    : null,
);

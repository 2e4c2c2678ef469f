'use client';
import * as VisuallyHidden from 'radix-ui/visually-hidden';
import { useState, type ReactNode } from 'react';
import { TimeoutError, type GptImageError } from '../core/errors.js';
import type { Registry } from '../core/registry/registry.js';
import { isHttpUrl } from '../core/request/validate-request.js';
import type { Task } from '../core/task/task.js';
import { getGenerationState, type GenerationStatus } from '../query/generation-state.js';
import { useTask, type UseTaskOptions } from '../react/use-task.js';
import { useTaskProgress } from '../react/use-task-progress.js';
import {
  describeRefund,
  describeTaskStatus,
  failureReason,
  type TaskProgressState,
} from './task-progress-words.js';
import { Part, part, type PartProps } from './internal/primitive.js';
import { ProgressBar, type ProgressBarProps } from './internal/progress-bar.js';
import { createScope } from './internal/scope.js';
import { useModelSpec, type ModelInput } from './internal/use-model.js';

/** The part of a `useGenerateVideo`/`useGenerateImage` result that `TaskProgress` follows. */
export interface GenerationLike {
  /** Where the generation is in its life. */
  status: GenerationStatus;
  /** The task's id, once submitted. */
  taskId: string | null;
  /** The latest snapshot, when there is one. */
  task: Task | null;
  /** Why it failed (or a transient problem while pending). */
  error: GptImageError | null;
  /** When it was submitted (ms since the epoch). */
  submittedAt: number | null;
  /** Credits charged, when known. */
  creditsUsed: number | null;
  /** The request, whose model sets the progress estimate. */
  request?: { model: string } | null;
}

export type { TaskProgressState } from './task-progress-words.js';
export { describeRefund, describeTaskStatus } from './task-progress-words.js';

const TaskProgressScope = /* @__PURE__ */ createScope<TaskProgressState>('TaskProgress');
const useTaskProgressState = (part: string) => TaskProgressScope.usePart(part);

/** Props of `TaskProgress.Root`: what to follow (one of `taskId`, `task`, `generation`) and its element's props. */
export interface TaskProgressRootProps extends PartProps<'div'> {
  /** A task id to follow: polled through `useTask` until it completes or fails. */
  taskId?: string | null;
  /** A snapshot to show as it is (not polled). */
  task?: Task | null;
  /** A `useGenerateVideo`/`useGenerateImage` result: follows its whole lifecycle, from submitting. */
  generation?: GenerationLike;
  /** The task's model, for the progress estimate. Defaults to the one the task or the generation names. */
  model?: ModelInput;
  /** Where a model id is looked up. Defaults to the client's registry. */
  registry?: Registry;
  /** When the task was submitted (ms since the epoch). Defaults to the generation's, else the task's `createdAt`, else when it was first shown. */
  submittedAt?: number;
  /** Options for following `taskId` (timeout, pausing). */
  followOptions?: Omit<UseTaskOptions, 'model' | 'submittedAt'>;
  /** Announce status changes in a polite live region rendered after the root. Defaults to `true`. */
  announce?: boolean;
}

const Root = /* @__PURE__ */ part<HTMLDivElement, TaskProgressRootProps>(
  'TaskProgress.Root',
  function Root(
    {
      taskId,
      task: taskProp,
      generation,
      model: modelProp,
      registry,
      submittedAt: submittedAtProp,
      followOptions,
      announce = true,
      asChild,
      children,
      ...props
    },
    ref,
  ) {
    const followed = useTask(generation ? null : taskId, {
      ...followOptions,
      submittedAt: submittedAtProp,
    });
    const task = generation ? generation.task : (taskProp ?? followed.data ?? null);
    // A task followed or shown here goes through the same lifecycle rules as the generation hooks.
    const id = taskId ?? task?.id;
    const lifecycle =
      generation ??
      (id
        ? getGenerationState(
            task?.type ?? (task?.videoUrl ? 'video' : 'image'),
            id,
            task,
            taskProp ? null : followed.error,
          )
        : null);
    const status: GenerationStatus = lifecycle?.status ?? 'idle';
    const error = lifecycle?.error ?? null;
    const model = useModelSpec(
      modelProp ?? generation?.request?.model ?? task?.model ?? undefined,
      registry,
    );

    // Until told otherwise, time counts from when this task was first shown.
    const [firstShown] = useState(() => Date.now());
    const createdAt = task?.createdAt ? Date.parse(task.createdAt) : NaN;
    const submittedAt =
      submittedAtProp ??
      generation?.submittedAt ??
      (Number.isFinite(createdAt) ? createdAt : firstShown);
    const progress = useTaskProgress({
      status: status === 'completed' || status === 'failed' ? status : 'pending',
      submittedAt,
      model,
      tickMs: status === 'pending' ? 1000 : false,
    });

    const kind = task?.type ?? (task?.videoUrl ? 'video' : 'image');
    const completed = status === 'completed' && task !== null;
    const urls = completed
      ? (kind === 'video' ? [task.videoUrl] : task.imageUrls).filter(isHttpUrl)
      : [];
    if (process.env.NODE_ENV !== 'production' && completed) {
      const all = kind === 'video' ? [task.videoUrl] : task.imageUrls;
      if (all.some((url) => url && !isHttpUrl(url)))
        console.warn(
          'gptimage2-react: TaskProgress did not render an output URL that is not http(s).',
        );
    }
    const state: TaskProgressState = {
      status,
      task,
      error,
      progress,
      creditsUsed: generation?.creditsUsed ?? task?.creditsUsed ?? null,
      outputs: completed ? { kind, urls } : null,
    };
    const said =
      status === 'idle'
        ? ''
        : status === 'failed'
          ? `Failed: ${failureReason(state.error, task)}`
          : describeTaskStatus(state);
    return (
      <TaskProgressScope.Provider value={state}>
        <Part tag="div" asChild={asChild} data-state={status} {...props} ref={ref}>
          {children ?? <DefaultParts />}
        </Part>
        {announce && (
          <VisuallyHidden.Root role="status" aria-live="polite">
            {said}
          </VisuallyHidden.Root>
        )}
      </TaskProgressScope.Provider>
    );
  },
);

function DefaultParts() {
  return (
    <>
      <Status />
      <Elapsed />
      <Bar />
      <ErrorMessage />
      <Refund />
      <Result />
    </>
  );
}

const Status = /* @__PURE__ */ part<HTMLSpanElement, PartProps<'span'>>(
  'TaskProgress.Status',
  function Status({ asChild, children, ...props }, ref) {
    const state = useTaskProgressState('Status');
    return (
      <Part tag="span" asChild={asChild} data-state={state.status} {...props} ref={ref}>
        {children ?? describeTaskStatus(state)}
      </Part>
    );
  },
);

/** Seconds as `m:ss` (or `h:mm:ss`). */
const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

const Elapsed = /* @__PURE__ */ part<HTMLTimeElement, PartProps<'time'>>(
  'TaskProgress.Elapsed',
  function Elapsed({ asChild, children, ...props }, ref) {
    const { status, progress, task, error } = useTaskProgressState('Elapsed');
    if (status === 'idle' || status === 'submitting') return null;
    // Refused before any task existed (402, 400): there is no time to show.
    if (status === 'failed' && !task && !(error instanceof TimeoutError)) return null;
    const seconds = Math.floor(progress.elapsedMs / 1000);
    return (
      <Part
        tag="time"
        asChild={asChild}
        dateTime={`PT${seconds}S`}
        data-value={seconds}
        // Rendered on a server, the seconds differ by the time it took to reach the browser.
        suppressHydrationWarning
        {...props}
        ref={ref}
      >
        {children ?? clock(seconds)}
      </Part>
    );
  },
);

const Bar = /* @__PURE__ */ part<HTMLDivElement, ProgressBarProps>(
  'TaskProgress.Bar',
  function Bar(props, ref) {
    const { status, progress } = useTaskProgressState('Bar');
    if (status === 'idle') return null;
    const fraction = status === 'completed' ? 1 : status === 'pending' ? progress.estimate : null;
    return (
      <ProgressBar
        aria-label={status === 'completed' ? 'Progress' : 'Estimated progress'}
        getValueLabel={(value) =>
          status === 'completed'
            ? 'Complete'
            : `About ${value}% (an estimate from the model's typical time)`
        }
        data-estimate={status === 'pending' && fraction !== null ? '' : undefined}
        {...props}
        ref={ref}
        value={fraction === null ? null : Math.round(fraction * 100)}
        fraction={fraction ?? 0}
      />
    );
  },
);

const ErrorMessage = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'TaskProgress.Error',
  function ErrorMessage({ asChild, children, ...props }, ref) {
    const { status, error, task } = useTaskProgressState('Error');
    if (status !== 'failed') return null;
    return (
      <Part
        tag="p"
        asChild={asChild}
        data-code={task?.errorCode ?? error?.code}
        {...props}
        ref={ref}
      >
        {children ?? failureReason(error, task)}
      </Part>
    );
  },
);

const Refund = /* @__PURE__ */ part<HTMLParagraphElement, PartProps<'p'>>(
  'TaskProgress.Refund',
  function Refund({ asChild, children, ...props }, ref) {
    const { status, error, task, creditsUsed } = useTaskProgressState('Refund');
    const text = status === 'failed' ? describeRefund(error, task, creditsUsed) : null;
    if (!text) return null;
    return (
      <Part
        tag="p"
        asChild={asChild}
        data-refunded={task?.creditsRefunded ? '' : undefined}
        {...props}
        ref={ref}
      >
        {children ?? text}
      </Part>
    );
  },
);

/** Props of `TaskProgress.Result`. */
export type TaskProgressResultProps = Omit<PartProps<'div'>, 'children'> & {
  /** Renders the outputs yourself (only http(s) URLs are passed). Defaults to `<img>`s or a `<video controls>`. */
  children?: (outputs: { kind: 'image' | 'video'; urls: string[] }, task: Task) => ReactNode;
};

const Result = /* @__PURE__ */ part<HTMLDivElement, TaskProgressResultProps>(
  'TaskProgress.Result',
  function Result({ asChild, children, ...props }, ref) {
    const { outputs, task } = useTaskProgressState('Result');
    if (!outputs || !task || outputs.urls.length === 0) return null;
    const { kind, urls } = outputs;
    return (
      <Part
        tag="div"
        asChild={asChild}
        data-kind={kind}
        data-value={urls.length}
        {...props}
        ref={ref}
      >
        {children ? (
          children(outputs, task)
        ) : kind === 'video' ? (
          <video
            src={urls[0]}
            controls
            playsInline
            aria-label={task.prompt ? `Generated video: ${task.prompt}` : 'Generated video'}
          />
        ) : (
          urls.map((url, index) => (
            <img
              key={url}
              src={url}
              alt={`Generated image${urls.length > 1 ? ` ${index + 1} of ${urls.length}` : ''}${task.prompt ? `: ${task.prompt}` : ''}`}
            />
          ))
        )}
      </Part>
    );
  },
);

/**
 * Follows a task (`taskId`), shows a snapshot (`task`), or a generation's whole lifecycle
 * (`generation`): its status, elapsed time, the estimated progress as a `progressbar`
 * (indeterminate, without `aria-valuenow`, where no estimate exists; named as an estimate), the
 * failure reason and the refund, and the result. Status changes are announced politely. Only
 * http(s) output URLs are ever rendered.
 *
 * @example
 * const video = useGenerateVideo();
 * <TaskProgress.Root generation={video} />
 */
export const TaskProgress = {
  /** Provides the state; renders a `div` with `data-state` (the status) and, after it, the live region. Children default to every part. */
  Root,
  /** The status in words ("Generating…", "Completed: the video is ready"). Data: `data-state`. */
  Status,
  /** Elapsed time as `<time>` (`m:ss`), from submission; ticks once a second while pending; nothing for a submit refused before any task existed. Data: `data-value` (seconds). */
  Elapsed,
  /**
   * The estimated progress (`role="progressbar"`, "Estimated progress"): `aria-valuenow` from the model's
   * typical time while pending (never 100 before done), none while submitting or when the model's
   * time is unknown, 100 once completed. Data: `data-state` (`indeterminate`/`loading`/`complete`),
   * `data-value`, `data-max`, `data-estimate`; the indicator has `--progress` (0–1).
   */
  Bar,
  /** The failure reason (the task's message, or the client's error); only when failed. Data: `data-code`. */
  Error: ErrorMessage,
  /** What happened to the credits: refunded, refunded shortly, or nothing charged; only when failed. Data: `data-refunded`. */
  Refund,
  /** The result: the image(s) or the video, http(s) URLs only; only when completed. Data: `data-kind`, `data-value` (count). */
  Result,
};

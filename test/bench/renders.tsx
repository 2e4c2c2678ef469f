import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler, useEffect, useRef, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { TaskProgress } from '../../src/components/index.js';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import type { DraftRequest, ImageRequest, VideoRequest } from '../../src/core/request/types.js';
import {
  GptImageProvider,
  useGenerateImage,
  useGenerateVideo,
  useTask,
  useTaskProgress,
} from '../../src/react/index.js';
import { mockService, requestFor } from './mock-service.js';
import type { VirtualTime } from './virtual-time.js';

/** Render counts over a task's life, against the budget. */
export interface RenderFigures {
  component: string;
  tasks: number;
  /** React Profiler commits of the component, over all tasks. */
  renders: number;
  /**
   * Over all tasks: the mount, the first snapshot when the component starts without one (following
   * by id), each status change shown (`data-state`), and each whole second of elapsed time shown
   * while pending.
   */
  budget: number;
  /** Renders / budget (≤ 1 meets the target). */
  ratio: number;
  /** The most renders over budget for one task (≤ 0 meets the target). */
  worstExcess: number;
}

/** A progress display over useTask + useTaskProgress: the smallest thing an app would build. */
function MinimalProgress({
  taskId,
  model,
  submittedAt,
}: {
  taskId: string;
  model: ModelSpec;
  submittedAt: number;
}) {
  const task = useTask(taskId, { model: model.id, submittedAt });
  const status = task.data?.status ?? 'pending';
  const progress = useTaskProgress({ status, submittedAt, model });
  return (
    <div
      role="progressbar"
      data-state={status}
      aria-valuenow={progress.estimate === null ? undefined : Math.round(progress.estimate * 100)}
    >
      {Math.floor(progress.elapsedMs / 1000)} s
    </div>
  );
}

/** A form's view of a generation: its status and elapsed seconds, from useGenerateVideo/useGenerateImage. */
function GenerationView({ request, kind }: { request: DraftRequest; kind: string }) {
  const video = useGenerateVideo();
  const image = useGenerateImage();
  const generation = kind === 'video' ? video : image;
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (kind === 'video') video.generate(request as VideoRequest);
    else image.generate(request as ImageRequest);
  });
  return (
    <p data-state={generation.status}>
      {generation.progress ? Math.floor(generation.progress.elapsedMs / 1000) : 0} s
    </p>
  );
}

interface Subject {
  element: ReactNode;
  /** Whether it mounts without a snapshot (following an id), so the first one is news. */
  startsEmpty: boolean;
}

/**
 * Renders one component per built-in model inside a React Profiler, one task at a time, and counts
 * commits from mount until it shows `completed` (its `data-state`), against the budget.
 */
export async function measureRenders(time: VirtualTime): Promise<RenderFigures[]> {
  const { api, client } = mockService(time.clock);
  const figures: RenderFigures[] = [];
  const run = async (name: string, subject: (model: ModelSpec) => Promise<Subject>) => {
    let renders = 0;
    let budget = 0;
    let worstExcess = 0;
    for (const model of builtInModels) {
      api.reset();
      const start = Date.now();
      const { element, startsEmpty } = await subject(model);
      const container = document.createElement('div');
      const shown = () =>
        container.querySelector('[data-state]')?.getAttribute('data-state') ?? null;
      const statuses: string[] = [];
      const watcher = new MutationObserver(() => {
        const status = shown();
        if (status && statuses.at(-1) !== status) statuses.push(status);
      });
      watcher.observe(container, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-state'],
      });
      let commits = 0;
      const root = createRoot(container);
      root.render(
        <QueryClientProvider client={new QueryClient()}>
          <GptImageProvider client={client}>
            <Profiler id={name} onRender={() => void commits++}>
              {element}
            </Profiler>
          </GptImageProvider>
        </QueryClientProvider>,
      );
      await time.runUntil(() => shown() === 'completed', 10 * 60_000);
      const seconds = Math.floor((Date.now() - start) / 1000);
      // Nothing more once it is done.
      await time.advance(10_000);
      watcher.disconnect();
      root.unmount();
      const taskBudget = 1 + (startsEmpty ? 1 : 0) + (statuses.length - 1) + seconds;
      renders += commits;
      budget += taskBudget;
      worstExcess = Math.max(worstExcess, commits - taskBudget);
    }
    figures.push({
      component: name,
      tasks: builtInModels.length,
      renders,
      budget,
      ratio: Math.round((renders / budget) * 100) / 100,
      worstExcess,
    });
  };

  const submitted = async (model: ModelSpec) => ({
    taskId: (await client.submit(model.kind, requestFor(model))).taskId,
    submittedAt: Date.now(),
  });
  await run('TaskProgress.Root (issue 5, default parts), by task id', async (model) => {
    const { taskId, submittedAt } = await submitted(model);
    return {
      element: <TaskProgress.Root taskId={taskId} submittedAt={submittedAt} model={model.id} />,
      startsEmpty: true,
    };
  });
  await run('useTask + useTaskProgress, minimal, by task id', async (model) => {
    const { taskId, submittedAt } = await submitted(model);
    return {
      element: <MinimalProgress taskId={taskId} model={model} submittedAt={submittedAt} />,
      startsEmpty: true,
    };
  });
  await run('useGenerateVideo/useGenerateImage view, from the submit', async (model) => ({
    element: <GenerationView request={requestFor(model)} kind={model.kind} />,
    startsEmpty: false,
  }));
  return figures;
}

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Profiler, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import { builtInModels } from '../../src/core/registry/models.js';
import type { DraftRequest, VideoRequest, ImageRequest } from '../../src/core/request/types.js';
import { GptImageProvider, useGenerateImage, useGenerateVideo, useTask, useTaskProgress } from '../../src/react/index.js';
import { mockService, requestFor } from './mock-service.js';
import type { VirtualTime } from './virtual-time.js';

/** Render counts over a task's life, against the budget: one per status change plus one per second shown. */
export interface RenderFigures {
  component: string;
  tasks: number;
  /** React Profiler commits of the component, over all tasks. */
  renders: number;
  /** Mount + status changes + whole seconds of elapsed time displayed while pending, over all tasks. */
  budget: number;
  /** Renders / budget (≤ 1 meets the target). */
  ratio: number;
  /** The most renders over budget for one task (0 meets the target). */
  worstExcess: number;
}

/** The stand-in for `TaskProgress` (issue 5) until it lands: a bar and elapsed seconds over useTask + useTaskProgress. */
function MinimalProgress({ taskId, model, submittedAt, onStatus }: { taskId: string; model: ModelSpec; submittedAt: number; onStatus: (status: string) => void }) {
  const task = useTask(taskId, { model: model.id, submittedAt });
  const status = task.data?.status ?? 'loading';
  const progress = useTaskProgress(status === 'loading' ? 'pending' : status, submittedAt, model);
  useEffect(() => onStatus(status), [onStatus, status]);
  return (
    <div role="progressbar" data-state={status} aria-valuenow={progress.estimate === null ? undefined : Math.round(progress.estimate * 100)}>
      {Math.floor(progress.elapsedMs / 1000)} s
    </div>
  );
}

/** A form's view of a generation: its status and elapsed seconds, from useGenerateVideo/useGenerateImage. */
function GenerationView({ request, kind, onStatus }: { request: DraftRequest; kind: string; onStatus: (status: string) => void }) {
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
  useEffect(() => onStatus(generation.status), [onStatus, generation.status]);
  return (
    <p data-state={generation.status}>
      {generation.status} {generation.progress ? Math.floor(generation.progress.elapsedMs / 1000) : 0} s
    </p>
  );
}

/**
 * Renders one component per built-in model inside a React Profiler, one task at a time, and counts
 * commits from mount to the terminal status, against the budget. `TaskProgress` itself is measured
 * once it is on main; until then `MinimalProgress` stands in.
 */
export async function measureRenders(time: VirtualTime): Promise<RenderFigures[]> {
  const { api, client } = mockService(time.clock);
  const figures: RenderFigures[] = [];
  const run = async (name: string, element: (model: ModelSpec, onStatus: (status: string) => void) => Promise<React.ReactNode>) => {
    let renders = 0;
    let budget = 0;
    let worstExcess = 0;
    for (const model of builtInModels) {
      api.reset();
      const statuses: string[] = [];
      let commits = 0;
      const start = Date.now();
      const onStatus = (status: string) => void (statuses.at(-1) !== status && statuses.push(status));
      const root = createRoot(document.createElement('div'));
      root.render(
        <QueryClientProvider client={new QueryClient()}>
          <GptImageProvider client={client}>
            <Profiler id={name} onRender={() => void commits++}>
              {await element(model, onStatus)}
            </Profiler>
          </GptImageProvider>
        </QueryClientProvider>,
      );
      await time.runUntil(() => statuses.at(-1) === 'completed', 10 * 60_000);
      // Seconds shown while pending: whole seconds from the submit to the completion being reported.
      const seconds = Math.floor((Date.now() - start) / 1000);
      const taskBudget = 1 + (statuses.length - 1) + seconds;
      await time.advance(5000);
      root.unmount();
      renders += commits;
      budget += taskBudget;
      worstExcess = Math.max(worstExcess, commits - taskBudget);
    }
    figures.push({ component: name, tasks: builtInModels.length, renders, budget, ratio: Math.round((renders / budget) * 100) / 100, worstExcess });
  };

  await run('MinimalProgress (useTask + useTaskProgress), by task id', async (model, onStatus) => {
    const { taskId } = await client.submit(model.kind, requestFor(model));
    return <MinimalProgress taskId={taskId} model={model} submittedAt={Date.now()} onStatus={onStatus} />;
  });
  await run('useGenerateVideo/useGenerateImage view, from the submit', async (model, onStatus) => (
    <GenerationView request={requestFor(model)} kind={model.kind} onStatus={onStatus} />
  ));
  return figures;
}

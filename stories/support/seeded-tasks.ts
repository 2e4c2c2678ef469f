// Tasks for the stories: a story submits a few requests to its own mock API when it mounts (a story
// device). `useSeededMock` only fills the mock (the History recipe then reads it with `useTaskHistory`,
// as an app does); `useSeededTasks` also follows every task through the shared polling
// (`taskQueryOptions`), for the TaskGallery stories, which show the headless part on any list.
import { useQueries } from '@tanstack/react-query';
import {
  taskQueryOptions,
  useGptImageClient,
  type DraftRequest,
  type GptImageClient,
  type ModelKind,
  type Task,
} from 'gptimage2-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { mockApiOf } from './mock';

/** Submits one seed through the story's client, after telling the mock how it should fail, if it should. */
async function submitSeed(client: GptImageClient, storyId: string, seed: TaskSeed) {
  if (seed.fails)
    mockApiOf(storyId).inject({ type: 'failTask', ...seed.fails }, { method: 'POST' });
  return client.submit(seed.kind, seed.request);
}

/**
 * Submits `seeds` to the story's mock once, in order (newest last, so a history lists it first);
 * `true` once the mock holds them all. Render what reads the mock's list only then.
 */
export function useSeededMock(storyId: string, seeds: readonly TaskSeed[]) {
  const client = useGptImageClient();
  const [seeded, setSeeded] = useState(false);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const seed of seeds) await submitSeed(client, storyId, seed);
      setSeeded(true);
    })();
  }, [client, seeds, storyId]);
  return seeded;
}

/** One task a story starts with. */
export interface TaskSeed {
  kind: ModelKind;
  request: DraftRequest;
  /** Makes the task fail with this code and reason (the mock refunds it). */
  fails?: { code: string; message: string };
}

/** A task with the request it was made from (what `Retry` sends again). */
export type KeptTask = Task & { request: DraftRequest };

/**
 * Submits `seeds` to the story's mock once, in order (newest last, so the list shows it first), and
 * follows each task. `submit` adds one more, as a retry or a new generation would.
 */
export function useSeededTasks(storyId: string, seeds: readonly TaskSeed[]) {
  const client = useGptImageClient();
  const [submitted, setSubmitted] = useState<{ id: string; request: DraftRequest }[]>([]);
  const [seeded, setSeeded] = useState(false);
  const started = useRef(false);

  const submit = useCallback(
    async (seed: TaskSeed) => {
      const { taskId } = await submitSeed(client, storyId, seed);
      setSubmitted((current) => [{ id: taskId, request: seed.request }, ...current]);
    },
    [client, storyId],
  );

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      for (const seed of seeds) await submit(seed);
      setSeeded(true);
    })();
  }, [seeds, submit]);

  const followed = useQueries({
    queries: submitted.map(({ id }) => taskQueryOptions(client, id)),
  });
  const tasks = submitted.flatMap(({ request }, index) => {
    const task = followed[index]?.data;
    return task ? [{ ...task, request } satisfies KeptTask] : [];
  });
  // Ready once every seed is submitted and its first snapshot is in (and from then on: a task added
  // later joins the list when its first snapshot arrives).
  const [ready, setReady] = useState(false);
  if (!ready && seeded && tasks.length === submitted.length) setReady(true);
  return { tasks, ready, submit };
}

/**
 * Pages over `tasks` as a history endpoint would (`pageSize` at a time, a short wait per page), for
 * the TaskGallery stories, which take any list.
 */
export function usePages<T>(tasks: readonly T[], pageSize: number, waitMs = 500) {
  const [pages, setPages] = useState(1);
  const [loading, setLoading] = useState(false);
  const loadMore = useCallback(() => {
    setLoading(true);
    setTimeout(() => {
      setPages((count) => count + 1);
      setLoading(false);
    }, waitMs);
  }, [waitMs]);
  const shown = tasks.slice(0, pages * pageSize);
  return { shown, hasMore: shown.length < tasks.length, loading, loadMore };
}

// Type tests for the hooks: `tsc --noEmit` (part of `npm test`) fails if any `@ts-expect-error` compiles.
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { expectTypeOf } from 'vitest';
import {
  createClient,
  type GptImageError,
  type Submission,
  type Task,
} from '../../src/core/index.js';
import {
  GptImageProvider,
  taskKeys,
  taskQueryOptions,
  useGenerateImage,
  useGenerateVideo,
  useGptImageClient,
  useTask,
  useTaskProgress,
  type TaskProgressInfo,
} from '../../src/react/index.js';
import type { QueryClient } from '@tanstack/react-query';

export function VideoForm() {
  const video = useGenerateVideo({
    onSubmitted: (submission) => expectTypeOf(submission).toEqualTypeOf<Submission>(),
  });
  video.generate({ model: 'veo3_fast', prompt: 'x', duration: 8 });
  // @ts-expect-error Veo 3.1 is fixed at 8 seconds
  video.generate({ model: 'veo3_fast', prompt: 'x', duration: 5 });
  video.generate({
    model: 'veo3_fast',
    prompt: 'x',
    // @ts-expect-error the error names Veo 3.1 Fast's rule (8 seconds), on the field
    duration: 5,
  });
  expectTypeOf(
    video.generateAsync({
      model: 'kling/v2-1-pro',
      prompt: 'x',
      inputImageUrls: ['https://x.test/a.png'],
    }),
  ).toEqualTypeOf<Promise<Submission>>();

  // The status narrows everything a UI reads.
  if (video.status === 'completed') {
    expectTypeOf(video.videoUrl).toEqualTypeOf<string>();
    expectTypeOf(video.task).toEqualTypeOf<Task>();
    expectTypeOf(video.taskId).toEqualTypeOf<string>();
    expectTypeOf(video.error).toEqualTypeOf<null>();
  }
  if (video.status === 'failed') {
    expectTypeOf(video.error).toEqualTypeOf<GptImageError>();
    expectTypeOf(video.taskId).toEqualTypeOf<string | null>();
  }
  if (video.status === 'pending') {
    expectTypeOf(video.taskId).toEqualTypeOf<string>();
    expectTypeOf(video.videoUrl).toEqualTypeOf<null>();
  }
  if (video.status === 'idle') {
    expectTypeOf(video.task).toEqualTypeOf<null>();
  }
  return null;
}

export function ImageForm() {
  const image = useGenerateImage();
  image.generate({ model: 'nano-banana-pro', prompt: 'x', resolution: '4K' });
  // @ts-expect-error Nano Banana Pro has no 1K
  image.generate({ model: 'nano-banana-pro', prompt: 'x', resolution: '1K' });
  if (image.status === 'completed') expectTypeOf(image.imageUrls[0]).toEqualTypeOf<string>();
  return null;
}

export function Follower({ taskId }: { taskId: string | null }) {
  const task = useTask(taskId);
  expectTypeOf(task).toExtend<UseQueryResult<Task, GptImageError>>();
  expectTypeOf(task.resume).toEqualTypeOf<() => void>();
  // The options factory composes with TanStack Query's own hooks.
  const query = useQuery({ ...taskQueryOptions(createClient(), 'tsk_1'), select: (t) => t.status });
  expectTypeOf(query.data).toEqualTypeOf<'pending' | 'completed' | 'failed' | undefined>();
  expectTypeOf(taskKeys.task('t')).toEqualTypeOf<readonly ['gptimage2', 'task', string]>();
  return null;
}

export function DirectClient() {
  // The provider's client, typed over the built-in models by default.
  const client = useGptImageClient();
  client.generateVideo({ model: 'veo3_fast', prompt: 'x', duration: 8 });
  // @ts-expect-error Veo 3.1 Fast is fixed at 8 seconds
  client.generateVideo({ model: 'veo3_fast', prompt: 'x', duration: 5 });
  return null;
}

export function Progress({ task }: { task: Task }) {
  // Named options, not four positional arguments.
  const progress = useTaskProgress({
    status: task.status,
    submittedAt: 0,
    model: { typicalSeconds: [30, 70] },
    tickMs: false,
  });
  expectTypeOf(progress).toEqualTypeOf<TaskProgressInfo>();
  // @ts-expect-error the positional form is gone
  useTaskProgress(task.status, 0);
  // @ts-expect-error status and submittedAt are required
  useTaskProgress({ status: task.status });
  return null;
}

export function Scoped() {
  // Remembered generations are kept per user.
  return <GptImageProvider persistScope="user_1" />;
}

export function CacheRead(queryClient: QueryClient) {
  // taskQueryOptions (now React-free) still tags its key with the data's type.
  expectTypeOf(
    queryClient.getQueryData(taskQueryOptions(createClient(), 't').queryKey),
  ).toEqualTypeOf<Task | undefined>();
}

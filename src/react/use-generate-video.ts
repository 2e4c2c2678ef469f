'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { VideoRequest } from '../core/request/types.js';
import { useGeneration, type Generation, type UseGenerationOptions } from './use-generation.js';

/** A video generation: the lifecycle plus `videoUrl` once completed. */
export type VideoGeneration<M extends ModelSpec = BuiltInModel> = Generation<VideoRequest<M>> & {
  /** The clip's URL once completed, else `null`. Possibly expiring: download what you keep. */
  videoUrl: string | null;
};

/**
 * Submits a video generation and follows it to its result. Validates before sending (an invalid request
 * shows its `fieldErrors` and costs nothing), refuses a second submit while one is in flight, polls on
 * the model-aware schedule, and reports `status`: idle → submitting → pending → completed | failed.
 *
 * @example
 * const video = useGenerateVideo({ onCompleted: (task) => save(task.videoUrl) });
 * video.generate({ model: 'veo3_fast', prompt, duration: 8 });
 * if (video.status === 'completed') return <video src={video.videoUrl} controls />;
 */
export function useGenerateVideo<M extends ModelSpec = BuiltInModel>(options?: UseGenerationOptions<VideoRequest<M>>): VideoGeneration<M> {
  const generation = useGeneration<VideoRequest<M>>('video', options);
  return { ...generation, videoUrl: generation.status === 'completed' ? generation.task.videoUrl : null };
}

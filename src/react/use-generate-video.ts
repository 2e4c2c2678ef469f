'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { VideoModelId, VideoRequest, VideoRequestById } from '../core/request/types.js';
import type { Submission } from '../core/task/task.js';
import type { GenerationState } from '../query/generation-state.js';
import type { GenerationBase, UseGenerationOptions } from '../query/generation-types.js';
import { useGeneration } from './use-generation.js';

/** `videoUrl` is the clip's URL once completed (possibly expiring: download what you keep), else `null`. */
type WithVideo<S> = S extends { status: 'completed' }
  ? S & { videoUrl: string }
  : S & { videoUrl: null };

/** The submits, each checked against the chosen model's own rules (see `VideoRequestById`). */
interface VideoSubmits<M extends ModelSpec> {
  /** Validates and submits. Refused (with a development warning) while a generation is in flight. */
  generate: <Id extends VideoModelId<M>>(request: VideoRequestById<M, Id>) => void;
  /** As `generate`, resolving with the submission once the API accepts it, rejecting with the typed error. */
  generateAsync: <Id extends VideoModelId<M>>(
    request: VideoRequestById<M, Id>,
  ) => Promise<Submission>;
}

/** A video generation: the lifecycle, with `videoUrl` a string exactly when `status` is `'completed'`. */
export type VideoGeneration<M extends ModelSpec = BuiltInModel> = Omit<
  GenerationBase<VideoRequest<M>>,
  keyof VideoSubmits<M>
> &
  VideoSubmits<M> &
  WithVideo<GenerationState>;

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
export function useGenerateVideo<M extends ModelSpec = BuiltInModel>(
  options?: UseGenerationOptions<VideoRequest<M>>,
): VideoGeneration<M> {
  const generation = useGeneration<VideoRequest<M>>('video', options);
  return {
    ...generation,
    videoUrl: generation.status === 'completed' ? generation.task.videoUrl : null,
  } as VideoGeneration<M>;
}

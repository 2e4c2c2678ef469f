'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { ImageModelId, ImageRequest, ImageRequestById } from '../core/request/types.js';
import type { Submission } from '../core/task/task.js';
import type { GenerationState } from '../query/generation-state.js';
import type { GenerationBase, UseGenerationOptions } from '../query/generation-types.js';
import { useGeneration } from './use-generation.js';

/** `imageUrls`: the images once completed (at least one; possibly expiring: download what you keep), else empty. */
type WithImages<S> = S extends { status: 'completed' }
  ? S & { imageUrls: [string, ...string[]] }
  : S & { imageUrls: [] };

/** The submits, each checked against the chosen model's own rules (see `ImageRequestById`). */
interface ImageSubmits<M extends ModelSpec> {
  /** Validates and submits. Refused (with a development warning) while a generation is in flight. */
  generate: <Id extends ImageModelId<M>>(request: ImageRequestById<M, Id>) => void;
  /** As `generate`, resolving with the submission once the API accepts it, rejecting with the typed error. */
  generateAsync: <Id extends ImageModelId<M>>(
    request: ImageRequestById<M, Id>,
  ) => Promise<Submission>;
}

/** An image generation: the lifecycle, with `imageUrls` non-empty exactly when `status` is `'completed'`. */
export type ImageGeneration<M extends ModelSpec = BuiltInModel> = Omit<
  GenerationBase<ImageRequest<M>>,
  keyof ImageSubmits<M>
> &
  ImageSubmits<M> &
  WithImages<GenerationState>;

/**
 * Submits an image generation (text-to-image, or editing when `inputImageUrls` has items) and follows it
 * to its result; as {@link useGenerateVideo}, with `imageUrls` once completed.
 */
export function useGenerateImage<M extends ModelSpec = BuiltInModel>(
  options?: UseGenerationOptions<ImageRequest<M>>,
): ImageGeneration<M> {
  const generation = useGeneration<ImageRequest<M>>('image', options);
  // `generate` takes the broad request; its type narrows to the chosen model's (ImageSubmits).
  return {
    ...generation,
    imageUrls: generation.status === 'completed' ? generation.task.imageUrls : [],
  } as unknown as ImageGeneration<M>;
}

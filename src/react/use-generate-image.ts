'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { ImageRequest } from '../core/request/types.js';
import type { GenerationState } from '../query/generation-state.js';
import type { GenerationBase, UseGenerationOptions } from '../query/generation-types.js';
import { useGeneration } from './use-generation.js';

/** `imageUrls`: the images once completed (at least one; possibly expiring: download what you keep), else empty. */
type WithImages<S> = S extends { status: 'completed' }
  ? S & { imageUrls: [string, ...string[]] }
  : S & { imageUrls: [] };

/** An image generation: the lifecycle, with `imageUrls` non-empty exactly when `status` is `'completed'`. */
export type ImageGeneration<M extends ModelSpec = BuiltInModel> = GenerationBase<ImageRequest<M>> &
  WithImages<GenerationState>;

/**
 * Submits an image generation (text-to-image, or editing when `inputImageUrls` has items) and follows it
 * to its result; as {@link useGenerateVideo}, with `imageUrls` once completed.
 */
export function useGenerateImage<M extends ModelSpec = BuiltInModel>(
  options?: UseGenerationOptions<ImageRequest<M>>,
): ImageGeneration<M> {
  const generation = useGeneration<ImageRequest<M>>('image', options);
  return {
    ...generation,
    imageUrls: generation.status === 'completed' ? generation.task.imageUrls : [],
  } as ImageGeneration<M>;
}

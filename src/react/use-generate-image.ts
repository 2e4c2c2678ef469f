'use client';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { ImageRequest } from '../core/request/types.js';
import { useGeneration, type Generation, type UseGenerationOptions } from './use-generation.js';

/** An image generation: the lifecycle plus `imageUrls` once completed. */
export type ImageGeneration<M extends ModelSpec = BuiltInModel> = Generation<ImageRequest<M>> & {
  /** The images' URLs once completed, else empty. Possibly expiring: download what you keep. */
  imageUrls: string[];
};

/**
 * Submits an image generation (text-to-image, or editing when `inputImageUrls` has items) and follows it
 * to its result; as {@link useGenerateVideo}, with `imageUrls` once completed.
 */
export function useGenerateImage<M extends ModelSpec = BuiltInModel>(options?: UseGenerationOptions<ImageRequest<M>>): ImageGeneration<M> {
  const generation = useGeneration<ImageRequest<M>>('image', options);
  return { ...generation, imageUrls: generation.status === 'completed' ? generation.task.imageUrls : [] };
}

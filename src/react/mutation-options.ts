import { mutationOptions } from '@tanstack/react-query';
import type { GptImageClient } from '../core/client.js';
import type { GptImageError } from '../core/errors.js';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { ImageRequest, VideoRequest } from '../core/request/types.js';
import type { Submission } from '../core/task/task.js';
import { taskKeys } from './query-keys.js';

/** The mutation that submits a video task (validated first; never retried: the API is not idempotent). */
export function generateVideoMutationOptions<M extends ModelSpec = BuiltInModel>(client: GptImageClient<M>) {
  return mutationOptions<Submission, GptImageError, VideoRequest<M>>({
    mutationKey: taskKeys.submit('video'),
    mutationFn: (request) => client.generateVideo(request),
    retry: false,
  });
}

/** The mutation that submits an image task (validated first; never retried: the API is not idempotent). */
export function generateImageMutationOptions<M extends ModelSpec = BuiltInModel>(client: GptImageClient<M>) {
  return mutationOptions<Submission, GptImageError, ImageRequest<M>>({
    mutationKey: taskKeys.submit('image'),
    mutationFn: (request) => client.generateImage(request),
    retry: false,
  });
}

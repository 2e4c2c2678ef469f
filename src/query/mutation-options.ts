import type { MutationObserverOptions } from '@tanstack/query-core';
import type { ClientCore } from '../core/client.js';
import type { GptImageError } from '../core/errors.js';
import type { ModelKind, ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { DraftRequest, ImageRequest, VideoRequest } from '../core/request/types.js';
import type { Submission } from '../core/task/task.js';
import { taskKeys } from './query-keys.js';

// TanStack's `mutationOptions` without React: a typed identity.
const identity = <D, E, V>(options: MutationObserverOptions<D, E, V>) => options;

/**
 * The mutation that submits a task of either kind, for flows whose kind is known only at run time
 * (the generation hooks submit through it): validated first, and never retried, since the API is
 * not idempotent.
 */
export function submitMutationOptions<
  R extends DraftRequest = DraftRequest,
  M extends ModelSpec = BuiltInModel,
>(client: ClientCore<M>, kind: ModelKind) {
  return identity<Submission, GptImageError, R>({
    mutationKey: taskKeys.submit(kind),
    mutationFn: (request) => client.submit(kind, request),
    retry: false,
  });
}

/** The mutation that submits a video task; see {@link submitMutationOptions}. */
export function generateVideoMutationOptions<M extends ModelSpec = BuiltInModel>(
  client: ClientCore<M>,
) {
  return submitMutationOptions<VideoRequest<M>, M>(client, 'video');
}

/** The mutation that submits an image task; see {@link submitMutationOptions}. */
export function generateImageMutationOptions<M extends ModelSpec = BuiltInModel>(
  client: ClientCore<M>,
) {
  return submitMutationOptions<ImageRequest<M>, M>(client, 'image');
}

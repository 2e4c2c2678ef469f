'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';
import type { DraftRequest, ImageRequest, VideoRequest } from '../core/request/types.js';
import { GenerationsObserver } from '../query/generations-observer.js';
import type { Generations, UseGenerationsOptions } from '../query/generations-types.js';
import { useGptImageClient, usePersistScope, useRequiredQueryClient } from './provider.js';

/**
 * Runs many generations at once: variants of one prompt (`submitVariants(request, 4)`) or a queue the
 * user fills (`add(request)`), each a slot with its own status, at most `concurrency` (default 2)
 * submitting or pending at a time, the rest `queued`. A batch is validated whole before anything is
 * sent; one slot failing leaves the others running; `retry`, `cancel` and `remove` act on one slot
 * (a submitted task cannot be cancelled upstream: it runs on, charged). With `persist`, a reload takes
 * every slot up again with no second POST. Each task is polled once however many components follow it.
 *
 * @example
 * const batch = useGenerations({ kind: 'image', persist: 'variants' });
 * batch.submitVariants({ model: 'gpt-image-2', prompt: 'A red fox' }, 4);
 * batch.slots.map((slot) => <Variant key={slot.id} slot={slot} onRetry={() => batch.retry(slot.id)} />);
 */
export function useGenerations<M extends ModelSpec = BuiltInModel>(
  options: UseGenerationsOptions<VideoRequest<M>> & { kind: 'video' },
): Generations<VideoRequest<M>>;
export function useGenerations<M extends ModelSpec = BuiltInModel>(
  options: UseGenerationsOptions<ImageRequest<M>> & { kind: 'image' },
): Generations<ImageRequest<M>>;
export function useGenerations<R extends DraftRequest>(
  options: UseGenerationsOptions<R>,
): Generations<R>;
export function useGenerations<R extends DraftRequest>(
  options: UseGenerationsOptions<R>,
): Generations<R> {
  const client = useGptImageClient();
  const queryClient = useRequiredQueryClient();
  const full = { ...options, persistScope: usePersistScope() };
  const [observer] = useState(() => new GenerationsObserver<R>(client, queryClient, full));
  useEffect(() => observer.setOptions(full));
  return useSyncExternalStore(
    observer.subscribe,
    observer.getCurrentResult,
    observer.getCurrentResult,
  );
}

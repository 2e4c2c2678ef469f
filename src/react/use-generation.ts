'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ModelKind } from '../core/registry/model-spec.js';
import type { DraftRequest } from '../core/request/types.js';
import { GenerationObserver } from '../query/generation-observer.js';
import type { Generation, UseGenerationOptions } from '../query/generation-types.js';
import { useClientCore, usePersistScope, useRequiredQueryClient } from './provider.js';
import { useNow } from './use-now.js';

/**
 * The shared glue of `useGenerateVideo` and `useGenerateImage`: one {@link GenerationObserver} per
 * component, read through `useSyncExternalStore`, its options (and the provider's persistence scope)
 * handed over after each render; `progress` moves once per `tickMs` while pending.
 */
export function useGeneration<R extends DraftRequest>(
  kind: ModelKind,
  options: UseGenerationOptions<R> = {},
): Generation<R> {
  const client = useClientCore();
  const queryClient = useRequiredQueryClient();
  const full = { ...options, persistScope: usePersistScope() };
  const [observer] = useState(() => new GenerationObserver<R>(client, queryClient, kind, full));
  useEffect(() => observer.setOptions(full));
  const generation = useSyncExternalStore(
    observer.subscribe,
    observer.getCurrentResult,
    observer.getCurrentResult,
  );
  const now = useNow(generation.status === 'pending', generation.submittedAt ?? 0, options.tickMs);
  return { ...generation, progress: observer.progressAt(now) };
}

'use client';
import type { ModelSpec } from '../../core/registry/model-spec.js';
import type { Registry } from '../../core/registry/registry.js';
import { useClientCore } from '../../react/provider.js';

/** A model as components take it: its id (looked up in the client's registry) or its spec. */
export type ModelInput = string | ModelSpec;

/** The registry components read: the one given, else the client's (from `GptImageProvider`, else the built-in one). */
export function useRegistry(registry?: Registry): Registry {
  const client = useClientCore();
  return registry ?? client.registry;
}

// Each unknown id is warned about once, not at every render.
const warned = new Set<string>();

/**
 * The spec of `model`, or `undefined` for an id the registry does not know (warned about in
 * development: the component then offers nothing rather than guess).
 */
export function useModelSpec(
  model: ModelInput | undefined,
  registry?: Registry,
): ModelSpec | undefined {
  const models = useRegistry(registry);
  if (model === undefined || typeof model !== 'string') return model;
  const spec = models.get(model);
  if (!spec && model && process.env.NODE_ENV !== 'production' && !warned.has(model)) {
    warned.add(model);
    console.warn(
      `gptimage2-react: unknown model "${model}"; add it with extendRegistry() and pass the registry to GptImageProvider's client.`,
    );
  }
  return spec;
}

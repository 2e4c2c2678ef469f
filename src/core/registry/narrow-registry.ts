import type { ModelSpec } from './model-spec.js';
import { createRegistry, type Registry } from './registry.js';

/**
 * The registry with only the models `ids` names, in the base's order: one list of allowed models
 * for both sides. Give it to the proxy (`createProxyHandler({ registry })`, which then refuses every
 * other model) and to the browser client (`createClient({ registry })`, so `ModelSelect`, the pickers
 * and the estimates offer only what the server accepts). An id the base does not have fails to
 * compile for a typed registry, and throws a `TypeError` naming it.
 */
export function narrowRegistry<M extends ModelSpec, const Id extends M['id']>(
  base: Registry<M>,
  ids: readonly Id[],
): Registry<Extract<M, { id: Id }>> {
  const missing = ids.filter((id) => !base.get(id));
  if (missing.length || !ids.length)
    throw new TypeError(
      `narrowRegistry: ${ids.length ? `unknown model ids ${missing.join(', ')}` : 'no model ids given'}`,
    );
  return createRegistry(
    base.models.filter((model): model is Extract<M, { id: Id }> => ids.includes(model.id as Id)),
  );
}

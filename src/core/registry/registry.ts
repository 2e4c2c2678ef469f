import type { InputMode, ModelKind, ModelSpec } from './model-spec.js';
import { builtInModels, type BuiltInModel } from './models.js';

/** A set of models the client validates against and the components offer. */
export interface Registry<M extends ModelSpec = ModelSpec> {
  /** Every model, in display order. */
  readonly models: readonly M[];
  /** The model with this id, or `undefined`. */
  get(id: string): M | undefined;
}

/**
 * The model type of a registry, for the hooks' type parameter when the provider's client has your own
 * registry: `useGenerationForm<ModelOf<typeof registry>>(…)`, `useGptImageClient<ModelOf<typeof registry>>()`.
 */
export type ModelOf<R extends Registry<ModelSpec>> = R extends Registry<infer M> ? M : never;

/** Filters for {@link listModels}. */
export interface ModelFilter {
  /** Only image or only video models. */
  kind?: ModelKind;
  /** Only models that accept this input mode. */
  inputMode?: InputMode;
  /** Only models that accept this many reference images. */
  imageCount?: number;
}

/** Makes a registry of these models. Later entries with the same id replace earlier ones. */
export function createRegistry<const M extends ModelSpec>(models: readonly M[]): Registry<M> {
  const byId = new Map<string, M>();
  for (const model of models) byId.set(model.id, model);
  const list = [...byId.values()];
  return { models: list, get: (id) => byId.get(id) };
}

/** Changes for {@link extendRegistry}. */
export interface RegistryExtension<A extends ModelSpec> {
  /** Models to add; one with an existing id replaces it. Declare them `as const satisfies ModelSpec` to type requests. */
  add?: readonly A[];
  /** Field corrections for existing models, by id, e.g. `{ veo3: { durations: [4, 8] } }`. */
  override?: Readonly<Record<string, Partial<Omit<ModelSpec, 'id'>>>>;
  /** Ids of models to withdraw. */
  remove?: readonly string[];
}

/**
 * A new registry from a base and some changes, so an app can follow the API's new models or correct a
 * limit without forking the library. The base is not modified.
 */
export function extendRegistry<M extends ModelSpec, const A extends ModelSpec = never>(
  base: Registry<M>,
  { add = [], override = {}, remove = [] }: RegistryExtension<A>,
): Registry<M | A> {
  const kept = base.models
    .filter((model) => !remove.includes(model.id))
    .map((model) => (override[model.id] ? { ...model, ...override[model.id] } : model));
  return createRegistry<M | A>([...kept, ...add]);
}

/** The registry of the 20 built-in models. */
export const defaultRegistry: Registry<BuiltInModel> =
  /* @__PURE__ */ createRegistry(builtInModels);

/** The built-in registry's type. */
export type DefaultRegistry = typeof defaultRegistry;

/**
 * Why a model cannot serve the current input, in words for a person, or `undefined` when it can.
 * Used by model pickers, which show unavailable models disabled with this reason.
 */
export function unavailableReason(
  model: ModelSpec,
  { kind, inputMode, imageCount }: ModelFilter,
): string | undefined {
  if (kind && model.kind !== kind) return `${model.name} makes ${model.kind}s`;
  if (inputMode && !model.inputModes.includes(inputMode)) {
    return `${model.name} does not do ${modeLabel(inputMode)}`;
  }
  const max = model.maxImages;
  if (imageCount !== undefined && imageCount > max) {
    return `${model.name} takes ${max ? `at most ${max}` : 'no'} image${max === 1 ? '' : 's'} (${imageCount} attached)`;
  }
  return undefined;
}

/** Models matching every given filter, in registry order. */
export function listModels<M extends ModelSpec>(
  registry: Registry<M>,
  filter: ModelFilter = {},
): M[] {
  return registry.models.filter((model) => !unavailableReason(model, filter));
}

/** `"text_to_video"` as `"text-to-video"`. */
export function modeLabel(mode: InputMode): string {
  return mode.replace(/_/g, '-');
}

'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { completeClient, type ClientOptions, type GptImageClient } from '../core/client.js';
import { createClientCore, type ClientCore, type OwnClientCore } from '../core/client-core.js';
import type { ModelSpec } from '../core/registry/model-spec.js';
import type { BuiltInModel } from '../core/registry/models.js';

// Holds the client given, or the core of one made from options (the hooks call only the core, so an
// app that uses only them does not bundle `waitForTask` or `listTasks`); over any registry.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCore = GptImageClient<any> | OwnClientCore<any>;
const ClientContext = createContext<AnyCore | null>(null);
const ScopeContext = createContext<string | undefined>(undefined);

/** Props of {@link GptImageProvider}: a client (over the built-in models, or your registry's), or the options to make one. */
export type GptImageProviderProps<M extends ModelSpec = BuiltInModel> = {
  children?: ReactNode;
  /**
   * Who is signed in (a user id, say): remembered generations (`persist`) are stored per scope, so a
   * second account on a shared browser never re-attaches to the first one's task. Unscoped by default.
   */
  persistScope?: string;
} & (
  | { /** The client the hooks use. */ client: GptImageClient<M>; options?: never }
  | {
      client?: never;
      /** Options for a client made once for this provider. */ options?: ClientOptions<M>;
    }
);

/**
 * Gives the hooks and components below it their client. Put it inside your app's own
 * `QueryClientProvider`. Optional: without it the hooks use `createClient()`, which talks to the
 * page's own origin (where the library's server proxy answers the API's paths).
 */
export function GptImageProvider<M extends ModelSpec = BuiltInModel>({
  client,
  options,
  persistScope,
  children,
}: GptImageProviderProps<M>) {
  // Options are read once, as `useState`'s initial value would be: a new object each render must not make a new client.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const value: AnyCore = useMemo(() => client ?? createClientCore(options), [client]);
  return (
    <ClientContext.Provider value={value}>
      <ScopeContext.Provider value={persistScope}>{children}</ScopeContext.Provider>
    </ClientContext.Provider>
  );
}

/** The nearest provider's `persistScope`, if any. */
export const usePersistScope = () => useContext(ScopeContext);

let defaultCore: OwnClientCore | undefined;

/** The nearest provider's client or core, or a same-origin default: what the hooks call. */
export const useClientCore = <M extends ModelSpec = BuiltInModel>() =>
  (useContext(ClientContext) ?? (defaultCore ??= createClientCore())) as ClientCore<M>;

// The client completed from each core, made once so that it keeps its identity across renders.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const completed = new WeakMap<object, GptImageClient<any>>();

/**
 * The client from the nearest {@link GptImageProvider}, or a same-origin default. Typed over the
 * built-in models; an app whose provider holds a client over its own registry names its model type:
 * `useGptImageClient<AppModel>()`.
 */
export function useGptImageClient<M extends ModelSpec = BuiltInModel>(): GptImageClient<M> {
  const core = useClientCore() as AnyCore;
  if ('listTasks' in core) return core;
  let client = completed.get(core);
  if (!client) completed.set(core, (client = completeClient(core)));
  return client as GptImageClient<M>;
}

/** TanStack Query's client, with an error that says what to do when the app forgot its provider. */
export function useRequiredQueryClient() {
  try {
    return useQueryClient();
  } catch {
    throw new Error(
      'gptimage2-react: no QueryClient. Wrap the app in <QueryClientProvider> (@tanstack/react-query), then <GptImageProvider>.',
    );
  }
}

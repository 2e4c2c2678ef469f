'use client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createClient, type ClientOptions, type GptImageClient } from '../core/client.js';
import type { ModelSpec } from '../core/registry/model-spec.js';

const ClientContext = createContext<GptImageClient<ModelSpec> | null>(null);

/** Props of {@link GptImageProvider}: a client, or the options to make one. */
export type GptImageProviderProps = { children?: ReactNode } & (
  | { /** The client the hooks use. */ client: GptImageClient<ModelSpec>; options?: never }
  | { client?: never; /** Options for a client made once for this provider. */ options?: ClientOptions<ModelSpec> }
);

/**
 * Gives the hooks and components below it their client. Put it inside your app's own
 * `QueryClientProvider`. Optional: without it the hooks use `createClient()`, which talks to the
 * page's own origin (where the library's server proxy answers the API's paths).
 */
export function GptImageProvider({ client, options, children }: GptImageProviderProps) {
  // Options are read once, as `useState`'s initial value would be: a new object each render must not make a new client.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const value = useMemo(() => client ?? createClient(options), [client]);
  return <ClientContext.Provider value={value}>{children}</ClientContext.Provider>;
}

let defaultClient: GptImageClient<ModelSpec> | undefined;

/** The client from the nearest {@link GptImageProvider}, or a same-origin default. */
export function useGptImageClient(): GptImageClient<ModelSpec> {
  return useContext(ClientContext) ?? (defaultClient ??= createClient());
}

/** TanStack Query's client, with an error that says what to do when the app forgot its provider. */
export function useRequiredQueryClient() {
  try {
    return useQueryClient();
  } catch {
    throw new Error(
      'gptimage2-react: no QueryClient found. The hooks run on TanStack Query: wrap your app in ' +
        '<QueryClientProvider client={new QueryClient()}> (from @tanstack/react-query), then <GptImageProvider>.',
    );
  }
}

// The app's providers for hook and component tests, in jsdom and in Chromium alike (no Node-only import).
import { QueryClient, QueryClientProvider, type QueryClientConfig } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { afterEach } from 'vitest';
import type { GptImageClient } from '../../src/core/index.js';
import type { ModelSpec } from '../../src/core/registry/model-spec.js';
import { GptImageProvider } from '../../src/react/index.js';

const queryClients = new Set<QueryClient>();
// Each test's components are unmounted and its QueryClients emptied (fetches cancelled, timers cleared)
// before the next, so a test that timed out cannot answer into the next one.
afterEach(() => {
  cleanup();
  for (const client of queryClients) client.clear();
  queryClients.clear();
});

/** A fresh QueryClient for this test (TanStack Query's defaults unless `config` says otherwise), emptied after it. */
export function newQueryClient(config?: QueryClientConfig) {
  const client = new QueryClient(config);
  queryClients.add(client);
  return client;
}

/** What {@link appWrapper} puts around a test's tree. */
export interface AppProviders<M extends ModelSpec> {
  queryClient: QueryClient;
  client: GptImageClient<M>;
  /** Renders in StrictMode (double effects catch leaks). Defaults to `false`. */
  strict?: boolean;
  /** GptImageProvider's `persistScope`. */
  persistScope?: string;
  /** Wraps the tree in a `<main>` landmark, so axe judges the component and not an empty page. Defaults to `false`. */
  main?: boolean;
}

/** A wrapper with the providers as an app nests them: QueryClientProvider, then GptImageProvider. */
export function appWrapper<M extends ModelSpec>({
  queryClient,
  client,
  strict = false,
  persistScope,
  main = false,
}: AppProviders<M>) {
  return function AppWrapper({ children }: { children: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <GptImageProvider client={client} persistScope={persistScope}>
          {main ? <main>{children}</main> : children}
        </GptImageProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
}

import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';

/**
 * A `QueryClient` made for tests: no retries of your own queries and mutations (a failure shows at
 * once), and nothing garbage-collected on a timer (`gcTime: Infinity`), so no timer outlives a test.
 * The task queries of the hooks keep their own polling and retry rules. `config` is merged over these
 * defaults.
 */
export function createTestQueryClient(config: QueryClientConfig = {}): QueryClient {
  const { defaultOptions = {}, ...rest } = config;
  return new QueryClient({
    ...rest,
    defaultOptions: {
      ...defaultOptions,
      queries: { retry: false, gcTime: Infinity, ...defaultOptions.queries },
      mutations: { retry: false, gcTime: Infinity, ...defaultOptions.mutations },
    },
  });
}

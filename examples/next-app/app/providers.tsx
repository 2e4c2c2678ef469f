'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { GptImageProvider } from 'gptimage2-react';
import { useState, type ReactNode } from 'react';

export function Providers({ children }: { children: ReactNode }) {
  // In useState, not at module scope: on the server a module-scope client would be shared by every request.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      {/* No client given: it calls /api/ai/… on this origin, where app/api/ai/[...path]/route.ts answers. */}
      <GptImageProvider>{children}</GptImageProvider>
    </QueryClientProvider>
  );
}

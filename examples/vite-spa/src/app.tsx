import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { GptImageProvider } from 'gptimage2-react';
import { useState } from 'react';
import { ImageForm } from './image-form';
import { VideoForm } from './video-form';

export function App() {
  // One QueryClient for the app's lifetime, made on first render.
  const [queryClient] = useState(() => new QueryClient());
  return (
    <QueryClientProvider client={queryClient}>
      {/* No client given: it calls /api/ai/… on this origin, where server.mjs runs the proxy. */}
      <GptImageProvider>
        <main>
          <h1>gptimage2-react on Vite</h1>
          <VideoForm />
          <ImageForm />
        </main>
      </GptImageProvider>
    </QueryClientProvider>
  );
}

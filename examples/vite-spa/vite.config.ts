/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // `npm run dev`: the proxy route runs in `npm start`'s server (port 8787 unless PORT says otherwise).
  server: { proxy: { '/api/ai': `http://127.0.0.1:${process.env.API_PORT ?? 8787}` } },
  test: {
    environment: 'jsdom',
    globals: true, // Testing Library unmounts after each test through the global afterEach
    // The DOM stubs Radix needs in jsdom (ResizeObserver, pointer capture, scrollIntoView).
    setupFiles: ['gptimage2-react/testing/setup'],
    // Room for a loaded CI machine (seen at a load of 28 on 2 cores); each test takes about a second of CPU.
    testTimeout: 30_000,
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The API runs at the same origin in production (api-server serves classpath:/static/);
// in development Vite proxies /api to a locally running api-server.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
  preview: {
    host: '127.0.0.1',
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    testTimeout: 20_000,
    // A zone with a non-zero offset, so "local time" is really tested (the UTC default hides bugs).
    env: { TZ: 'Europe/Istanbul' },
  },
});

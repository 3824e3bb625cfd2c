import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // scripts/check-size.mjs reads the manifest to find the entry chunk and its static imports.
    manifest: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': backend,
      '/health': backend,
      '/.well-known': backend,
    },
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const backend = 'http://localhost:3000';

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // A build is always the production bundle, whatever NODE_ENV the caller's shell has
  // (NODE_ENV=development npm start would otherwise ship React's development build).
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
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
}));

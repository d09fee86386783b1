import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web UI is built into dist/web, which the Fastify server serves beside the API.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web/', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web/', import.meta.url)),
    emptyOutDir: true,
    // The Content-Security-Policy allows data: images only; never inline fonts or scripts as data URIs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * Where `npm run dev` runs the BFF; the dev server proxies /api there so the session cookie stays same-origin, and
 * /media (community photos in the moderation queue).
 */
const bffUrl = process.env.CONSOLE_BFF_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  // The BFF serves the built console under /console/.
  base: '/console/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: Number(process.env.CONSOLE_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': { target: bffUrl }, '/media': { target: bffUrl } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd and pro-components make one large vendor chunk; the pages are split and load on demand.
    chunkSizeWarningLimit: 2000,
  },
});

/**
 * The web interface, built into web/dist and served by the platform itself
 * (src/server/app.ts), so interface and API share one address. `npm run
 * dev:web` proxies /api and /docs to a platform on PLATFORM_URL.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const platform = process.env.PLATFORM_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~1 MB minified; pages are split per route, the chart
    // library only loads with the fund page.
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': platform, '/docs': platform },
    // The pure money functions are shared with the server (src/core/money.ts).
    fs: { allow: ['..'] },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where the dev server sends /api (the Tandem server); override with TANDEM_API_URL. */
const apiTarget = process.env.TANDEM_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No source maps in production: the bundle carries no case data, but there is no reason to ship them.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // React changes less often than the app: its own file stays cached between releases. The rest
        // is split by route (app/lazyPage.ts), so a page downloads only the components it uses.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
});

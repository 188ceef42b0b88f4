import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { initialJsBudget } from './build/initial-js-budget.js';

// The API process serves dist/ (ADR 0213): same origin, so no CORS and a strict CSP.
export default defineConfig({
  plugins: [react(), initialJsBudget({ limitKb: 130 })],
  build: {
    target: 'es2022',
    // img-src 'self': no data: URLs, every asset is a file.
    assetsInlineLimit: 0,
    // Chromium, Firefox and Safari preload modules natively; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  // `npm run dev -w @btg-funds/web`: the API runs on :3000 (npm run dev at the root).
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});

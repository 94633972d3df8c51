import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run build -w @halflife/web` → dist/, served by the API server at /. */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `npm run dev -w @halflife/web` next to `npm start`: the API stays on its own port.
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});

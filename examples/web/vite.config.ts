import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The demo is built on the two published packages as an app would install them: `@hugmood/client`
 * and `@hugmood/react` resolve through their package exports to their built `dist/` (the demo
 * script builds them first).
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  logLevel: 'warn',
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { InlineConfig } from 'vite';

const STATIC_ROOT = path.dirname(fileURLToPath(import.meta.url));

const shared: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  // Forge serves each resource from its own CDN path inside an iframe: every URL must be relative.
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@contract': path.join(STATIC_ROOT, '..', 'src', 'contract'),
      '@ledger': path.join(STATIC_ROOT, '..', 'src', 'ledger'),
      '@quantities': path.join(STATIC_ROOT, '..', 'src', 'quantities'),
      '@preview': path.join(STATIC_ROOT, '..', 'src', 'preview'),
      '@cli': path.join(STATIC_ROOT, '..', 'src', 'cli'),
    },
  },
};

/** One page built into `<folder>/build`: a deployable surface or the preview's host page. */
export function pageConfig(folder: string): InlineConfig {
  return {
    ...shared,
    root: path.join(STATIC_ROOT, folder),
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1000 },
  };
}

/** The script the preview injects into every surface frame before the app's own code: it plays `window.__bridge`. */
export function frameBridgeConfig(): InlineConfig {
  return {
    ...shared,
    plugins: [],
    root: path.join(STATIC_ROOT, 'preview-host'),
    build: {
      outDir: 'build',
      emptyOutDir: false,
      lib: { entry: 'frame-bridge.ts', formats: ['iife'], name: 'supportHoursFrameBridge', fileName: () => 'frame-bridge.js' },
    },
  };
}


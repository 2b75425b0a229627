import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { InlineConfig, Plugin } from 'vite';

const STATIC_ROOT = path.dirname(fileURLToPath(import.meta.url));

/** The modules through which `@atlaskit/tokens` loads themes at run time: its map of theme imports and its custom themes. */
const RUN_TIME_THEME_LOADERS = new Set(['../artifacts/theme-import-map', './custom-theme', './get-custom-theme-styles']);

/**
 * Forge applies Jira's theme to each frame (`view.theme.enable()`), and the surfaces never render Atlaskit's
 * ThemeProvider nor call `setGlobalTheme`, the only users of `@atlaskit/tokens`' run-time theme loading. Its loaders are
 * swapped for an empty map, or every theme would be emitted as a chunk that no surface ever requests (some 75 KB
 * gzipped per surface, counted against the bundle budget).
 */
function noRunTimeThemes(): Plugin {
  const stub = path.join(STATIC_ROOT, 'shared', 'no-run-time-themes.ts');
  const tokensFolder = `${path.sep}@atlaskit${path.sep}tokens${path.sep}`;
  return {
    name: 'support-hours:no-run-time-themes',
    enforce: 'pre',
    resolveId(source, importer) {
      const withinTokens = importer?.includes(tokensFolder) === true && RUN_TIME_THEME_LOADERS.has(source);
      return withinTokens || source === '@atlaskit/tokens/artifacts/theme-import-map' ? stub : null;
    },
  };
}

const shared: InlineConfig = {
  configFile: false,
  logLevel: 'warn',
  // Forge serves each resource from its own CDN path inside an iframe: every URL must be relative.
  base: './',
  plugins: [react(), noRunTimeThemes()],
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


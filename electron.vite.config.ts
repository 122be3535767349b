/**
 * Build configuration for the three Electron targets.
 *
 * - main: `src-main/electron/main.ts` to `out/main/index.js` (ESM, matching `"type": "module"`).
 *   npm dependencies stay external and load from node_modules, sql.js and its `sql-wasm.wasm` included.
 * - preload: `src-main/electron/preload.ts` to `out/preload/preload.cjs`. A sandboxed preload can
 *   neither use ESM nor load npm modules, so it is CommonJS with every dependency bundled in.
 * - renderer: `src-renderer/index.html` and the React app to `out/renderer`.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { DEV_SERVER_CSP, RENDERER_CSP } from './src-main/electron/csp';

const root = import.meta.dirname;

/** Keeps the CSP meta tag in index.html equal to RENDERER_CSP, and relaxes it for the dev server only. */
function contentSecurityPolicy(): Plugin {
  const metaContent = `content="${RENDERER_CSP}"`;
  let serving = false;
  return {
    name: 'roster:content-security-policy',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml(html) {
      if (!html.includes(metaContent)) {
        throw new Error(`src-renderer/index.html must carry the CSP meta tag with ${metaContent} (see src-main/electron/csp.ts).`);
      }
      return serving ? html.replace(metaContent, `content="${DEV_SERVER_CSP}"`) : html;
    }
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rolldownOptions: {
        input: { index: resolve(root, 'src-main/electron/main.ts') }
      }
    }
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'src-main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), contentSecurityPolicy()],
    // The dev server (`npm start`) is reachable from this machine only.
    server: { host: '127.0.0.1' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') }
      }
    }
  }
});

// Vite finds the analyzer's worker and .wasm through their `new URL(…, import.meta.url)` and
// bundles them. The package is left out of dependency pre-bundling so `vite dev` keeps those
// URLs pointing at the package's own files.
import { defineConfig } from 'vite';

export default defineConfig({
  optimizeDeps: { exclude: ['article-analyzer'] },
  worker: { format: 'es' },
});

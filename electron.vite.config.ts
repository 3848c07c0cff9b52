import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// WIREDESK_OUT builds somewhere else than out/ (side-by-side work in one checkout; the tests' host reads the same variable).
const OUT = process.env.WIREDESK_OUT ?? 'out';

export default defineConfig({
  main: {
    // Test tools under main/sim (the real data plane) are left out of the app's bundle (main/sim/simulator.ts).
    define: { 'process.env.WIREDESK_APP_BUNDLE': JSON.stringify('1') },
    build: {
      outDir: `${OUT}/main`,
      // Native and large Node dependencies stay in node_modules; electron-builder ships them unpacked.
      externalizeDeps: true,
      lib: { entry: resolve('main/index.ts'), formats: ['es'] },
    },
  },
  preload: {
    build: {
      outDir: `${OUT}/preload`,
      // A sandboxed preload cannot require modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      lib: { entry: resolve('main/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(`${OUT}/renderer`),
      emptyOutDir: true,
      minify: true,
      // A desktop app loads from disk: one 0.5 MB entry chunk is fine; the chart library is split off.
      chunkSizeWarningLimit: 800,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});

import { defineConfig } from 'vitest/config';

/**
 * Two builds from one config (Vite builds an IIFE from a single entry only):
 * - default mode: the npm library, ESM, one file per entry, dependencies external;
 * - `--mode iife`: the script-tag build, `src/auto.ts` with everything inlined.
 */
export default defineConfig(({ mode }) => {
  if (mode === 'iife') {
    return {
      // nanostores reads process.env.NODE_ENV; the browser has no `process`.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        emptyOutDir: false,
        target: 'es2020',
        lib: {
          entry: 'src/auto.ts',
          formats: ['iife'],
          name: 'ConsentGate',
          fileName: () => 'consent-gate.iife.js',
        },
      },
    };
  }
  return {
    build: {
      target: 'es2020',
      minify: false,
      lib: {
        entry: { index: 'src/index.ts', headless: 'src/headless.ts' },
        formats: ['es'],
      },
      rollupOptions: {
        external: [/^preact(\/|$)/, 'nanostores', 'js-cookie'],
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
            // Unit tests never touch the network: what loads is the browser suite's business.
            environmentOptions: {
              happyDOM: {
                url: 'https://www.example.test/articles/today',
                settings: {
                  disableJavaScriptFileLoading: true,
                  disableIframePageLoading: true,
                  disableCSSFileLoading: true,
                  handleDisabledFileLoadingAsSuccess: true,
                },
              },
            },
            include: ['tests/**/*.test.{ts,tsx}'],
            exclude: ['tests/browser/**'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            include: ['tests/browser/**/*.test.ts'],
            testTimeout: 30_000,
            hookTimeout: 60_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});

import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const LOCALES = ['es', 'it', 'de', 'pt', 'fr', 'ru', 'ja'];
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The npm library: ESM, one file per entry, dependencies external, the parts as dynamic-import
 * chunks. `process.env.NODE_ENV` is left for the consumer's bundler. The script-tag build is
 * `scripts/build-script-tag.mjs`.
 */
export default defineConfig({
  // Records carry the library's version (src/version.ts).
  define: { __CONSENT_GATE_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2020',
    minify: false,
    lib: {
      entry: {
        index: 'src/index.ts',
        headless: 'src/headless.ts',
        catalogue: 'src/catalogue.ts',
        log: 'src/log.ts',
        'google-consent-mode': 'src/google-consent-mode.ts',
        autoblock: 'src/autoblock.ts',
        ...Object.fromEntries(LOCALES.map((l) => [`locales/${l}`, `src/i18n/locales/${l}.ts`])),
        'locales/en': 'src/i18n/locales/en.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: [/^preact(\/|$)/, 'nanostores'],
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
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
          // Fails a test on any `[consent-gate]` warning or error it did not claim.
          setupFiles: ['tests/support/console-setup.ts'],
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
});

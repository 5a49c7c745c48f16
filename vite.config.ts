import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import de from './src/i18n/locales/de.ts';
import es from './src/i18n/locales/es.ts';
import fr from './src/i18n/locales/fr.ts';
import it from './src/i18n/locales/it.ts';
import ja from './src/i18n/locales/ja.ts';
import pt from './src/i18n/locales/pt.ts';
import ru from './src/i18n/locales/ru.ts';

const LOCALES = { es, it, de, pt, fr, ru, ja };
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The script-tag build's extras: each locale as `locales/<lang>.json` next to the script (loaded
 * only when the page needs it), a versioned copy of the script, and `consent-gate.sri.json` with
 * the sha384 integrity of every file a site owner may load (standards SEC-7).
 */
function scriptTagFiles(): Plugin {
  return {
    name: 'consent-gate-script-tag-files',
    generateBundle() {
      for (const [language, texts] of Object.entries(LOCALES)) {
        this.emitFile({ type: 'asset', fileName: `locales/${language}.json`, source: JSON.stringify(texts) });
      }
    },
    writeBundle(options) {
      const dir = options.dir ?? 'dist';
      const versioned = `consent-gate-${version}.iife.js`;
      copyFileSync(path.join(dir, 'consent-gate.iife.js'), path.join(dir, versioned));
      const files = ['consent-gate.iife.js', versioned, ...Object.keys(LOCALES).map((l) => `locales/${l}.json`)];
      const integrity: Record<string, string> = {};
      for (const file of files) {
        integrity[file] = `sha384-${createHash('sha384').update(readFileSync(path.join(dir, file))).digest('base64')}`;
      }
      writeFileSync(path.join(dir, 'consent-gate.sri.json'), `${JSON.stringify({ version, integrity }, null, 2)}\n`);
    },
  };
}

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
      plugins: [scriptTagFiles()],
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
        entry: {
          index: 'src/index.ts',
          headless: 'src/headless.ts',
          catalogue: 'src/catalogue.ts',
          ...Object.fromEntries(Object.keys(LOCALES).map((l) => [`locales/${l}`, `src/i18n/locales/${l}.ts`])),
          'locales/en': 'src/i18n/locales/en.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        external: [/^preact(\/|$)/, 'nanostores', 'js-cookie'],
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

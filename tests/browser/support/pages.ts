/**
 * Test pages that load the headless build the way a site would: an import map for its two bare
 * dependencies, then a module script that creates the instance as `window.gate`. A module script
 * runs after parsing, so the gate finds the gated markup of `body` already in the document.
 */
import type { ConsentGate, ConsentOptions } from '../../../src/consent-gate';
import type { CleanupReport, ConsentGateConfig } from '../../../src/types';

/** What the test pages put on `window`. */
declare global {
  interface Window {
    /** The instance under test. */
    gate?: ConsentGate;
    /** Why `createConsent` failed, when it did. */
    gateError?: string;
    /** Names of the third-party (and inline) scripts that ran, in order. */
    __ran?: string[];
    /** `reload-required` reports, in order. */
    __reports?: CleanupReport[];
    /** Set by inline scripts that must never run. */
    pwned?: unknown;
    [key: `__${string}`]: unknown;
  }
}

export const IMPORT_MAP = {
  imports: {
    nanostores: '/node_modules/nanostores/index.js',
  },
};

export interface HeadlessPageOptions {
  /** The consent configuration given to `createConsent`. */
  config: ConsentGateConfig;
  /** The second argument of `createConsent` (JSON-serialisable fields only). */
  options?: Pick<ConsentOptions, 'nonce'>;
  /** Markup of `<body>`: the gated elements. */
  body?: string;
  /** Extra markup at the end of `<head>`. */
  head?: string;
  /** Put `nonce="…"` on the page's own scripts (for pages served with a nonce CSP). */
  nonce?: string;
  /**
   * The module script's code instead of starting the gate, for pages that wire the npm build
   * themselves; the constant `CONFIG` holds `config`. @default `createConsent(CONFIG, options)` as `window.gate`
   */
  module?: string;
}

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A page that starts the headless build with `config` over the gated markup in `body`. */
export function headlessPage({ config, options, body = '', head = '', nonce, module }: HeadlessPageOptions): string {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>consent-gate headless test</title>
<link rel="icon" href="data:,">
<script type="importmap"${n}>${scriptJson(IMPORT_MAP)}</script>
<script${n}>window.process = { env: { NODE_ENV: 'production' } };</script>
<script type="module"${n}>
const CONFIG = ${scriptJson(config)};
${
  module ??
  `import { createConsent } from '/dist/headless.js';
try {
  window.gate = createConsent(CONFIG, ${scriptJson(options ?? {})});
} catch (error) {
  window.gateError = String(error && error.stack || error);
}`
}
</script>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

export interface LibraryPageOptions {
  /** The JSON config in `#consent-gate-config`; none when omitted (the page starts the library itself). */
  config?: object;
  /** The script tag (or tags) that load the library. @default the main file, synchronously (with `nonce`) */
  script?: string;
  /** Markup at the start of `<head>`, before the config (e.g. a `dataLayer` the page sets first). */
  headStart?: string;
  /** Extra markup at the end of `<head>`. */
  head?: string;
  /** Markup of `<body>`. */
  body?: string;
  /** @default 'en' */
  lang?: string;
  /** @default 'Site' */
  title?: string;
  /** Put `nonce="…"` on the default library script. */
  nonce?: string;
}

/**
 * A page as a site owner writes it for the script tag: the JSON config block, then the library
 * (synchronously, in `<head>`), then whatever the page adds. Every browser suite over the script
 * tag (or the drop-in autoblock build) builds its pages here.
 */
export function libraryPage({ config, script, headStart = '', head = '', body = '', lang = 'en', title = 'Site', nonce }: LibraryPageOptions): string {
  const n = nonce ? ` nonce="${nonce}"` : '';
  const block = config === undefined ? '' : `<script type="application/json" id="consent-gate-config">${scriptJson(config)}</script>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
  ${headStart}
  ${block}
  ${script ?? `<script src="/dist/consent-gate.iife.js"${n}></script>`}
  ${head}</head><body>
  ${body}</body></html>`;
}

export interface ScriptTagPageOptions {
  /** Origin of the third-party server the gated elements point at. */
  thirdParty: string;
  /** The JSON config in `#consent-gate-config`. */
  config: object;
  /** The script tag (or tags) that load the library. @default the main file, synchronously */
  script?: string;
  /** Extra markup at the end of `<head>`. */
  head?: string;
  /** Extra markup at the end of `<body>`. */
  body?: string;
  /** A blocked iframe (social) that wants a placeholder. @default true */
  embed?: boolean;
  /** A page link with `data-consent-open` (opens the preferences). @default false */
  settingsLink?: boolean;
  /** Put `nonce="…"` on the library's script and the gated script. */
  nonce?: string;
}

/**
 * A site page as a site owner writes it for the script tag: the JSON config, the library, and a
 * gated script, pixel and (unless `embed` is false) iframe pointing at the third party.
 */
export function scriptTagPage({ thirdParty, config, script, head = '', body = '', embed = true, settingsLink = false, nonce }: ScriptTagPageOptions): string {
  const n = nonce ? ` nonce="${nonce}"` : '';
  return libraryPage({
    config,
    script,
    nonce,
    head: `<script type="text/plain" data-consent="advertising" src="${thirdParty}/t/ads.js"${n}></script>
  ${head}`,
    body: `<h1>News</h1><p>Text</p>
  ${embed ? `<iframe data-consent="social" data-src="${thirdParty}/t/embed.html" width="400" height="200" title="Video"></iframe>` : ''}
  <img data-consent="advertising" data-src="${thirdParty}/t/pixel.gif" width="1" height="1" alt="">
  ${settingsLink ? '<a href="#" data-consent-open>Cookie settings</a>' : ''}
  ${body}`,
  });
}

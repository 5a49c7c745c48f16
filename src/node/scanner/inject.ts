/**
 * `scan --verify --config`: Consent Gate put into pages that do not have it yet, as a site would
 * deploy it (the config as a JSON block, then the script tag, first thing in `<head>`), with the
 * built files served from this package's `dist/` under one path of the site.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import type { ConsentGateConfig } from '../../types.js';
import type { SiteRules } from './site.js';

/** The path on the scanned site under which the built files are served. */
export const INJECTED_PREFIX = '/__consent-gate/';

/** Whether a page already has Consent Gate (its script tag or its config block). */
export function hasConsentGate(html: string): boolean {
  return /consent-gate(-[\w.]+)?\.iife\.js|id\s*=\s*["']?consent-gate-config/i.test(html);
}

/** The page with the config block and the script tag inserted at the start of `<head>`. */
export function injectConsentGate(html: string, config: ConsentGateConfig): string {
  // `<` escaped so that no value of the config can end the script element (HTML spec 4.12.1.3).
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const tags = `<script type="application/json" id="consent-gate-config">${json}</script><script src="${INJECTED_PREFIX}consent-gate.iife.js"></script>`;
  const head = /<head\b[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  return tags + html;
}

/** This package's `dist/`, found from this file whether it runs from `src/` or from `dist/node/`. */
export function packageDist(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++, dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'dist', 'consent-gate.iife.js'))) return path.join(dir, 'dist');
  }
  throw new Error('dist/consent-gate.iife.js not found: in a checkout of consent-gate run `npm run build` first');
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Routes the context so that same-site pages without Consent Gate get it injected. */
export async function routeInjection(context: BrowserContext, config: ConsentGateConfig, site: SiteRules, start: string): Promise<void> {
  const dist = packageDist();
  await context.route(
    (url) => site.sameSite(url.href, start),
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.pathname.startsWith(INJECTED_PREFIX)) {
        const file = path.resolve(dist, `.${url.pathname.slice(INJECTED_PREFIX.length - 1)}`);
        if (!file.startsWith(dist + path.sep)) return route.fulfill({ status: 404 });
        const body = await readFile(file).catch(() => null);
        return body ? route.fulfill({ status: 200, body, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' }) : route.fulfill({ status: 404 });
      }
      if (request.resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const type = response.headers()['content-type'] ?? '';
      const text = await response.text();
      if (!type.includes('html') || hasConsentGate(text)) return route.fulfill({ response, body: text });
      return route.fulfill({ response, body: injectConsentGate(text, config) });
    },
  );
}

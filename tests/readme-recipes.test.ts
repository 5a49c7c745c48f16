// The README's recipes, read as a site owner copies them: each snippet's config must be valid and
// declare the vendor of every third-party host its markup loads, or the banner names no partner
// for it and its placeholder shows a bare host name (GDPR Art. 13(1)(e): the recipients).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../src/config/messages';
import { resolveConfig } from '../src/config/normalize';
import { vendorNames } from '../src/i18n/texts';
import { providerName } from '../src/ui/placeholders';
import type { UiContext } from '../src/ui/context';
import type { BlockedElement } from '../src/gating/gate';
import type { ConsentGateConfig } from '../src/types';
import { googleConsentMode } from '../src/integrations/google-consent-mode';

/** The Consent Mode recipe uses the gcm build, which knows `googleConsentMode`. */
const FEATURES = [googleConsentMode()];

const readme = readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Recipes'), readme.indexOf('## For developers: npm'));
const blocks = [...section.matchAll(/```(json|html)\n([\s\S]*?)```/g)].map(([, kind, text]) => ({ kind: kind!, text: text! }));

interface Recipe {
  html: string;
  config: ConsentGateConfig;
}

/** Each HTML snippet with the config it is shown with: its own config block, or the JSON just before it. */
function recipes(): Recipe[] {
  const found: Recipe[] = [];
  let config: ConsentGateConfig | undefined;
  for (const block of blocks) {
    if (block.kind === 'json') {
      config = JSON.parse(block.text) as ConsentGateConfig;
      continue;
    }
    const inline = /<script type="application\/json" id="consent-gate-config">([\s\S]*?)<\/script>/.exec(block.text)?.[1];
    const own = inline ? (JSON.parse(inline) as ConsentGateConfig) : config;
    expect(own, `a config for:\n${block.text}`).toBeDefined();
    found.push({ html: block.text, config: own! });
    // A config belongs to the snippet right after it, never to the next recipe's markup.
    config = undefined;
  }
  return found;
}

/** Every third-party host a gated element would load: its src or data-src, or URLs in its inline code. */
function gatedHosts(html: string): Array<{ host: string; category: string }> {
  // Frames renamed: parsing is all this needs, and happy-dom would try to load them.
  const document = new DOMParser().parseFromString(html.replace(/<(\/?)iframe/g, '<$1x-frame'), 'text/html');
  return Array.from(document.querySelectorAll<HTMLElement>('[data-consent]')).flatMap((element) => {
    const category = element.dataset['consent']!;
    const urls = [element.getAttribute('src'), element.getAttribute('data-src')].filter((url): url is string => !!url);
    if (element.localName === 'script' && urls.length === 0) urls.push(...(element.textContent?.match(/https:\/\/[^'"\s)]+/g) ?? []));
    return urls.map((url) => ({ host: new URL(url).hostname, category }));
  });
}

describe('the README recipes', () => {
  const all = recipes();

  it('are all there', () => {
    // GA4, GTM, Consent Mode, Meta pixel, YouTube, like and Tweet buttons, an ad network.
    expect(all.length).toBeGreaterThanOrEqual(7);
  });

  it('give configs that are valid as they stand', () => {
    for (const block of blocks.filter((b) => b.kind === 'json')) expect(validateConfig(JSON.parse(block.text), FEATURES), block.text).toEqual([]);
    for (const recipe of all) expect(validateConfig(recipe.config, FEATURES), recipe.html).toEqual([]);
  });

  it.each(recipes().map((recipe) => [recipe.html.split('\n')[0]!.slice(0, 70), recipe] as const))('%s: every gated host has a declared vendor', (_, recipe) => {
    const config = resolveConfig(recipe.config, FEATURES);
    const ui = { config } as UiContext;
    for (const { host, category } of gatedHosts(recipe.html)) {
      // What its placeholder shows: the vendor's name, not the host.
      expect(providerName(ui, { host, categories: [category] } as BlockedElement), `${host} (${category})`).not.toBe(host);
    }
    // And the banner names someone.
    expect(vendorNames(config).length, recipe.html).toBeGreaterThan(0);
  });
});

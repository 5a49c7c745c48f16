/**
 * A starting configuration from what the scan found. When the pages have their own config, it is
 * the start: its mode, categories, cookies and vendors are kept as the site wrote them, and only
 * what it does not declare yet is added. Otherwise opt-in mode, one category per consent category
 * seen, each with its cookies (purpose, lifetime as seen, provider), storage keys and vendors (by
 * company, with their domains); the privacy policy when a page links to one. Checked with the
 * library's own `validateConfig`, so what is written is a config the library accepts.
 */
import { validateConfig } from '../../config/messages.js';
import type { ConfigProblem } from '../../config/errors.js';
import type { CategoryConfig, ConsentGateConfig, CookieDescription } from '../../types.js';
import type { Findings } from './classify.js';
import type { SiteRules } from './site.js';

/** A drafted configuration and whatever `validateConfig` said about it (nothing, normally). */
export interface ConfigDraft {
  config: ConsentGateConfig;
  problems: ConfigProblem[];
}

const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/**
 * The company behind a product name of the vendor catalogue: visitors and privacy policies name
 * the controller ("Google", "Meta"), and the product goes into the cookie's purpose.
 */
const COMPANIES: Array<[RegExp, string]> = [
  [/^(Google\b|YouTube|DoubleClick)/, 'Google'],
  [/^(Meta\b|Facebook|Instagram|WhatsApp)/, 'Meta'],
  [/^(Microsoft\b|Bing\b)/, 'Microsoft'],
  [/^LinkedIn\b/, 'LinkedIn'],
  [/^X \(Twitter\)/, 'X (Twitter)'],
  [/^TikTok\b/, 'TikTok'],
  [/^Pinterest\b/, 'Pinterest'],
  [/^Adobe\b/, 'Adobe'],
  [/^Amazon\b/, 'Amazon'],
  [/^Yandex\b/, 'Yandex'],
];

/** "Google" for "Google Tag Manager", "Meta" for "Meta Pixel"; other names as they are. */
export function companyOf(vendor: string): string {
  return COMPANIES.find(([pattern]) => pattern.test(vendor))?.[1] ?? vendor;
}

/**
 * A pattern for a numbered or suffixed family of cookies (`_hjSession_123456` → `/^_hjSession_/`,
 * `_pk_id.1.a1b2` → `/^_pk_id\./`), or undefined for a plain name. A suffix is digits, hex of
 * 8 or more, or an upper-case id of 6 or more with a digit (a measurement id) after `_`, `.` or `-`.
 */
export function familyOf(name: string): string | undefined {
  const match = /^(.+?[_.-])(?:\d+|[0-9a-f]{8,}|(?=[A-Z0-9]*\d)[A-Z0-9]{6,})(?:[_.-][0-9A-Za-z]+)*$/.exec(name);
  if (!match || match[1]!.replace(/[_.-]/g, '').length < 2) return undefined;
  return `/^${match[1]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`;
}

/** Drafts a configuration from classified findings, starting from `seed` (the pages' own config) when given. */
export function draftConfig(findings: Findings, site: SiteRules, seed?: ConsentGateConfig): ConfigDraft {
  const config: ConsentGateConfig = seed ? structuredClone(seed) : { mode: 'opt-in', revision: 1 };
  const categories: Record<string, CategoryConfig> = { ...config.categories };
  const category = (id: string): CategoryConfig => (categories[id] ??= {});
  for (const cookie of findings.cookies) {
    if (!cookie.category || cookie.declared) continue;
    const name = cookie.family ?? familyOf(cookie.name) ?? cookie.name;
    const list = (category(cookie.category).cookies ??= []);
    if (list.some((entry) => (typeof entry === 'string' ? entry : entry.name) === name)) continue;
    const description: CookieDescription = { name };
    const company = cookie.vendor && companyOf(cookie.vendor);
    // The product in the purpose when the provider is its company: "Google Analytics: Visitor ID".
    const product = cookie.vendor && company !== cookie.vendor ? cookie.vendor : undefined;
    if (cookie.purpose || product) description.purpose = [product, cookie.purpose].filter(Boolean).join(': ');
    description.lifetime = cookie.lifetime;
    if (company) description.provider = company;
    list.push(description);
  }
  for (const entry of findings.storage) {
    if (!entry.category || entry.category === 'necessary') continue;
    const list = (category(entry.category).storage ??= []);
    if (!list.includes(entry.key)) list.push(entry.key);
  }
  for (const host of findings.hosts) {
    if (!host.category || !host.vendor || host.declared) continue;
    const name = companyOf(host.vendor);
    const vendors = (category(host.category).vendors ??= []);
    const vendor = vendors.find((candidate) => candidate.name === name) ?? vendors[vendors.push({ name, domains: [] }) - 1]!;
    const domain = site.siteOf(host.host);
    vendor.domains ??= [];
    if (DOMAIN.test(domain) && !vendor.domains.includes(domain)) vendor.domains.push(domain);
  }
  if (findings.privacyPolicyUrl && !config.privacyPolicyUrl) config.privacyPolicyUrl = findings.privacyPolicyUrl;
  // The site's own categories first, in its order; new ones after, sorted.
  const own = Object.keys(seed?.categories ?? {});
  const added = Object.keys(categories).filter((id) => !own.includes(id)).sort();
  config.categories = Object.fromEntries([...own, ...added].map((id) => [id, categories[id]!]));
  return { config, problems: validateConfig(config) };
}

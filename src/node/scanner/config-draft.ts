/**
 * A starting configuration from what the scan found: opt-in mode, one category per consent
 * category seen, each with its cookies (purpose, lifetime as seen, provider), storage keys and
 * vendors (by site); the privacy policy when a page links to one. Checked with the library's own
 * `validateConfig`, so what is written is a config the library accepts.
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

/** Drafts a configuration from classified findings. */
export function draftConfig(findings: Findings, site: SiteRules): ConfigDraft {
  const categories: Record<string, CategoryConfig> = {};
  const category = (id: string): CategoryConfig => (categories[id] ??= {});
  for (const cookie of findings.cookies) {
    if (!cookie.category) continue;
    const list = (category(cookie.category).cookies ??= []);
    if (list.some((entry) => (typeof entry === 'string' ? entry : entry.name) === cookie.name)) continue;
    const description: CookieDescription = { name: cookie.name };
    if (cookie.purpose) description.purpose = cookie.purpose;
    description.lifetime = cookie.lifetime;
    if (cookie.vendor) description.provider = cookie.vendor;
    list.push(description);
  }
  for (const entry of findings.storage) {
    if (!entry.category || entry.category === 'necessary') continue;
    const list = (category(entry.category).storage ??= []);
    if (!list.includes(entry.key)) list.push(entry.key);
  }
  for (const host of findings.hosts) {
    if (!host.category || !host.vendor) continue;
    const vendors = (category(host.category).vendors ??= []);
    const vendor = vendors.find((candidate) => candidate.name === host.vendor) ?? vendors[vendors.push({ name: host.vendor, domains: [] }) - 1]!;
    const domain = site.siteOf(host.host);
    if (DOMAIN.test(domain) && !vendor.domains!.includes(domain)) vendor.domains!.push(domain);
  }
  const config: ConsentGateConfig = { mode: 'opt-in', revision: 1 };
  if (findings.privacyPolicyUrl) config.privacyPolicyUrl = findings.privacyPolicyUrl;
  config.categories = Object.fromEntries(Object.keys(categories).sort().map((id) => [id, categories[id]!]));
  return { config, problems: validateConfig(config) };
}

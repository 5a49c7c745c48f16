/**
 * Cookie classification (contract sections 2 and 7): which category each cookie belongs to, by
 * the site's declarations first and the built-in catalogue second. Pure functions over the
 * resolved config and a `document.cookie` string; the caller does the logging.
 */
import type { ResolvedConfig } from '../config/normalize';
import { matchesPattern } from '../config/patterns';
import type { ScannedCookie } from '../types';
import { catalogue, findInCatalogue, type CatalogueEntry } from './catalogue';
import { visibleCookieNames } from './locations';

const TRACKING = ['analytics', 'advertising'];

function result(name: string, category: string, vendor: string | undefined): ScannedCookie {
  return vendor ? { name, category, vendor } : { name, category };
}

/**
 * Classifies one cookie name.
 *
 * 1. A cookie the config declares (any category's `cookies`, exact or `/regex/`, first
 *    category in config order) gets that category; its vendor is the declaration's `provider`,
 *    else the catalogue's vendor.
 * 2. The consent cookie itself (`config.cookie.name`) is `necessary`.
 * 3. A catalogued cookie gets the catalogue's category, except that an `analytics` cookie counts
 *    as `functional` on a site with a `functional` but no `analytics` category. A category the
 *    site did not configure is still reported as is, so the cookie stays blocked.
 * 4. Anything else is `'unclassified'`.
 *
 * `vendor` is left out when unknown.
 */
export function classifyCookie(name: string, config: ResolvedConfig): ScannedCookie {
  const entry = findInCatalogue(name);
  for (const category of config.categories) {
    for (const cookie of category.cookies) {
      if (matchesPattern(name, cookie.pattern)) return result(name, category.id, cookie.provider || entry?.vendor);
    }
  }
  if (name === config.cookie.name) return result(name, 'necessary', undefined);
  if (!entry) return result(name, 'unclassified', undefined);
  const has = (id: string) => config.categories.some((category) => category.id === id);
  const category =
    entry.category === 'analytics' && !has('analytics') && has('functional') ? 'functional' : entry.category;
  return result(name, category, entry.vendor);
}

/**
 * Classifies every cookie visible in a `document.cookie` string, each name once, in the
 * string's order.
 * @example scanCookies(document.cookie, config) // [{ name: '_ga', category: 'analytics', vendor: 'Google Analytics' }]
 */
export function scanCookies(cookieString: string, config: ResolvedConfig): ScannedCookie[] {
  return visibleCookieNames(cookieString).map((name) => classifyCookie(name, config));
}

/**
 * Cookies declared as `necessary` that the catalogue knows as `analytics` or `advertising`
 * (standards GDPR-3); the caller warns about each. An exact declaration is looked up in the
 * catalogue; a `/regex/` declaration is tested against the catalogue's exact names (each
 * match is listed by that name); one that matches none of them still conflicts when it is the
 * same regex as a catalogued pattern (listed by the declared `/regex/` string). Each cookie is
 * listed once.
 */
export function necessaryConflicts(
  config: ResolvedConfig,
): Array<{ cookie: string; category: string; vendor: string }> {
  const conflicts: Array<{ cookie: string; category: string; vendor: string }> = [];
  const add = (cookie: string, entry: CatalogueEntry | undefined) => {
    if (entry && TRACKING.includes(entry.category) && !conflicts.some((found) => found.cookie === cookie)) {
      conflicts.push({ cookie, category: entry.category, vendor: entry.vendor });
    }
  };
  const necessary = config.categories.find((category) => category.id === 'necessary');
  for (const { name, pattern } of necessary?.cookies ?? []) {
    if (typeof pattern === 'string') {
      add(pattern, findInCatalogue(pattern));
      continue;
    }
    const named = catalogue().filter(
      (entry) => typeof entry.pattern === 'string' && matchesPattern(entry.pattern, pattern),
    );
    for (const entry of named) add(entry.pattern as string, entry);
    if (named.length === 0) add(name, catalogue().find((entry) => String(entry.pattern) === String(pattern)));
  }
  return conflicts;
}

/**
 * Cookie classification: which category each cookie belongs to, by the site's declarations first
 * and the built-in catalogue second. Pure functions over the resolved config and a
 * `document.cookie` string; the caller does the logging.
 */
import type { ResolvedConfig } from '../config/normalize';
import { matchesPattern } from '../config/patterns';
import type { ScannedCookie } from '../types';
import type { CatalogueEntry } from './catalogue';
import { visibleCookieNames } from './locations';

const TRACKING = ['analytics', 'advertising'];

/** A catalogue's entry for a cookie name: an exact name first, then the first matching pattern. */
export function findEntry(entries: readonly CatalogueEntry[], name: string): CatalogueEntry | undefined {
  return (
    entries.find((entry) => entry.pattern === name) ??
    entries.find((entry) => typeof entry.pattern !== 'string' && matchesPattern(name, entry.pattern))
  );
}

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
 * `vendor` is left out when unknown. The catalogue is passed in, so the headless core only
 * carries the built-in table when the site asks for it.
 */
export function classifyCookie(name: string, config: ResolvedConfig, entries: readonly CatalogueEntry[] = []): ScannedCookie {
  const entry = findEntry(entries, name);
  for (const category of config.categories) {
    for (const cookie of category.cookies) {
      if (matchesPattern(name, cookie.pattern)) return result(name, category.id, cookie.provider || entry?.vendor);
    }
  }
  if (name === config.cookie.name) return result(name, 'necessary', undefined);
  if (!entry) return result(name, 'unclassified', undefined);
  return result(name, config.categoryFor(entry.category) ?? entry.category, entry.vendor);
}

/**
 * Classifies every cookie visible in a `document.cookie` string, each name once, in the
 * string's order.
 * @example scanCookies(document.cookie, config) // [{ name: '_ga', category: 'analytics', vendor: 'Google Analytics' }]
 */
export function scanCookies(cookieString: string, config: ResolvedConfig, entries: readonly CatalogueEntry[] = []): ScannedCookie[] {
  return visibleCookieNames(cookieString).map((name) => classifyCookie(name, config, entries));
}

/**
 * Cookies declared as `necessary` that the catalogue knows as `analytics` or `advertising` (EDPB
 * cookie banner taskforce); the caller warns about each. An exact declaration is looked up in the
 * catalogue; a `/regex/` declaration is tested against the catalogue's exact names (each match is
 * listed by that name); one that matches none of them still conflicts when it is the same regex as
 * a catalogued pattern (listed by the declared `/regex/` string). Each cookie is listed once.
 */
export function necessaryConflicts(
  config: ResolvedConfig,
  entries: readonly CatalogueEntry[] = [],
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
      add(pattern, findEntry(entries, pattern));
      continue;
    }
    const named = entries.filter(
      (entry) => typeof entry.pattern === 'string' && matchesPattern(entry.pattern, pattern),
    );
    for (const entry of named) add(entry.pattern as string, entry);
    if (named.length === 0) add(name, entries.find((entry) => String(entry.pattern) === String(pattern)));
  }
  return conflicts;
}

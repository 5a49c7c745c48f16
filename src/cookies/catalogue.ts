/**
 * The built-in cookie catalogue: well-known analytics, advertising, social and functional cookies
 * with their vendor, purpose and usual lifetime. It lets `scan()` name the cookies a site forgot to
 * declare, fills in vendors in the declaration table, and catches catalogued tracking cookies
 * declared as `necessary` (EDPB cookie banner taskforce). The site's own declarations always win
 * over it.
 *
 * The hand-made table is data/cookies.curated.txt; `npm run catalogues` merges it, first (it wins),
 * with the Open Cookie Database into the compact table that src/catalogues/cookies.ts decodes on
 * first use. Lifetimes are those the vendors document; an entry without one has no single
 * documented lifetime.
 */
import type { NamePattern } from '../config/patterns';
import { cookieCatalogueEntries } from '../catalogues/cookies';
import { findEntry } from './scan';

/** One catalogued cookie: an exact name or a pattern, and what it is. */
export interface CatalogueEntry {
  /** The cookie's exact name, or a RegExp for a family of names. */
  pattern: NamePattern;
  /** `analytics`, `advertising`, `social` or `functional`. */
  category: string;
  /** Who sets it, e.g. "Google Analytics". */
  vendor: string;
  /** What it is for, in short English. */
  purpose?: string;
  /** How long it usually lives, e.g. "2 years" or "Session". */
  lifetime?: string;
}

/**
 * Every catalogued cookie: the hand-made table, then the browser subset of the Open Cookie
 * Database (`src/catalogues/cookies.ts`). Built on first call and shared; frozen.
 */
export function catalogue(): readonly CatalogueEntry[] {
  return cookieCatalogueEntries();
}

/**
 * The catalogue's entry for a cookie name: an exact name first, then the first pattern that
 * matches. `undefined` when the cookie is not catalogued.
 * @example findInCatalogue('_ga_ABC123') // { vendor: 'Google Analytics', category: 'analytics', … }
 */
export function findInCatalogue(name: string): CatalogueEntry | undefined {
  return findEntry(catalogue(), name);
}

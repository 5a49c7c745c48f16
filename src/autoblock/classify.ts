/**
 * Which vendor and consent category a URL belongs to, for automatic blocking. First-party hosts and
 * hosts nobody catalogued are never touched; a host listed in a category's `vendors[].domains`
 * belongs to that category (the site's word wins over the catalogue); a catalogued vendor whose
 * category the site did not configure gets the category `null`, which no visitor can allow (fail
 * closed).
 */
import { findVendor } from '../catalogues/vendors';
import type { ConsentGateConfig } from '../types';

/** What blocking knows about a URL's host. */
export interface Verdict {
  /** The configured category that gates it (or the categories an element's `data-consent` lists, space-separated); null when the site has no category for it. */
  category: string | null;
  /** The vendor's name (or the configured domain that matched). */
  vendor: string;
  host: string;
}

/** Second-level labels under which country-code domains register names (`bbc.co.uk`). */
const SECOND_LEVEL = /^(co|com|net|org|gov|edu|ac|or|ne|go|gob|nic|mil)$/;

/**
 * The site a host belongs to: its registrable domain, approximated without the Public Suffix
 * List (the last two labels, three under `co.uk`-style suffixes); an IP address or a single
 * label (`localhost`) is its own site.
 */
export function siteOf(host: string): string {
  const labels = host.split('.');
  if (labels.length < 3 || /^[\d.]+$|:/.test(host)) return host;
  const n = labels[labels.length - 1]!.length === 2 && SECOND_LEVEL.test(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** A classifier: the verdict on a URL (resolved against the page), undefined for hosts left alone. */
export type Classifier = (url: string) => Verdict | undefined;

/**
 * Builds the classifier for a page and a config. `categoryFor` maps a catalogue category to a
 * configured one (analytics falls back to functional), null when the site has none.
 */
export function createClassifier(config: ConsentGateConfig, document: Document, categoryFor: (id: string) => string | null): Classifier {
  const declared = new Map<string, string>();
  for (const [id, category] of Object.entries(config.categories ?? {})) {
    for (const vendor of category?.vendors ?? []) for (const domain of vendor.domains ?? []) declared.set(domain.replace(/^\./, '').toLowerCase(), id);
  }
  const site = siteOf(document.location?.hostname ?? '');
  const firstParty = new Map<string, boolean>();
  const own = (host: string) => {
    let known = firstParty.get(host);
    if (known === undefined) firstParty.set(host, (known = siteOf(host) === site));
    return known;
  };
  let base = '';
  let baseIsOwn = false;
  return (url) => {
    // A path-absolute URL ("/x": a slash, then neither a slash, a backslash nor a tab or newline,
    // which the parser drops) is on the host of the base of this moment. Most URLs a page sets
    // are such: they are not parsed one by one.
    if (/^\/[^/\\\t\n\r]/.test(url)) {
      if (document.baseURI !== base) baseIsOwn = own(new URL((base = document.baseURI)).hostname);
      if (baseIsOwn) return undefined;
    }
    // Anything else is parsed exactly as the browser will (leading and trailing C0 controls and
    // spaces dropped, tabs and newlines anywhere, `\` as `/`), against the base of this moment.
    let parsed: URL;
    try {
      parsed = new URL(url, document.baseURI);
    } catch {
      return undefined;
    }
    // `vendor.example.` is the same host as `vendor.example` (the root's empty label).
    const host = parsed.hostname.replace(/\.$/, '');
    if (!/^(http|ws)s?:$/.test(parsed.protocol) || own(host)) return undefined;
    for (let name = host, dot = 0; dot >= 0; dot = name.indexOf('.'), name = name.slice(dot + 1)) {
      const id = declared.get(name);
      if (id) return { category: id, vendor: name, host };
    }
    // The catalogue knows hosts by their http(s) URLs; a socket's host is the same vendor.
    const match = findVendor(parsed.href.replace(/^ws/, 'http'));
    return match && { category: categoryFor(match.category), vendor: match.vendor, host };
  };
}

/**
 * The built-in cookie catalogue (contract section 7): well-known analytics, advertising, social
 * and functional cookies with their vendor, purpose and usual lifetime. It lets `scan()` name the
 * cookies a site forgot to declare, fills in vendors in the declaration table, and catches
 * catalogued tracking cookies declared as `necessary` (standards GDPR-3). The site's own
 * declarations always win over it.
 *
 * Kept as one compact string for bundle size and expanded on first use. Lifetimes are those the
 * vendors document; an entry without one has no single documented lifetime.
 */
import { compilePattern, type NamePattern } from '../config/patterns';
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

// `#Vendor` starts a vendor's block. Each other line is `<category letter><name or /regex/>
// <purpose>[|<lifetime>]`; letters: a analytics, d advertising, s social, f functional. Within
// a vendor, narrower patterns come before broader ones: the first match wins.
const DATA = `#Google Analytics
a_ga Visitor ID|2 years
a/^_ga_/ Session state|2 years
a_gid Visitor ID|24 hours
a_gat Request throttling|1 minute
a/^_gat_/ Request throttling|1 minute
a__utma Visitor ID|2 years
a__utmb Session state|30 minutes
a__utmc Session state|Session
a__utmt Request throttling|10 minutes
a__utmz Traffic source|6 months
#Google Ads
d_gcl_au Ad conversions|90 days
d/^_gcl_/ Ad conversions|90 days
#Google DoubleClick
dIDE Ad targeting|13 months
dDSID Ad targeting across devices|2 weeks
dtest_cookie Cookie support check|15 minutes
#Google AdSense
d__gads Ad delivery|13 months
d__gpi Ad delivery|13 months
d__eoi Ad delivery
#Meta
d_fbp Visitor ID for ads|90 days
d_fbc Ad click ID|90 days
dfr Ad delivery|90 days
#Microsoft Clarity
a_clck Visitor ID|1 year
a_clsk Session state|1 day
#Microsoft
dMUID Browser ID|1 year
#Microsoft Advertising
d_uetsid Ad conversions|1 day
d_uetvid Ad conversions|13 months
#Hotjar
a/^_hjSessionUser_/ Visitor ID|1 year
a/^_hjSession_/ Session state|30 minutes
a/^_hj/ Analytics state
#Matomo
a/^_pk_id/ Visitor ID|13 months
a/^_pk_ses/ Session state|30 minutes
aMATOMO_SESSID Session state|Session
#Adobe
a/^AMCV_/ Visitor ID|2 years
as_cc Cookie support check|Session
as_sq Last clicked link|Session
#HubSpot
a__hstc Visit history|6 months
ahubspotutk Visitor ID|6 months
a__hssc Session state|30 minutes
a__hssrc Browser restart check|Session
#LinkedIn
dli_sugr Visitor matching for ads|90 days
dli_fat_id Ad conversions|30 days
dUserMatchHistory Ad ID sync|30 days
dAnalyticsSyncHistory Analytics sync time|30 days
sbcookie Browser ID|1 year
slidc Data centre routing|24 hours
#TikTok
d_ttp Visitor ID for ads|13 months
d/^_tt_/ Ad pixel state
#X (Twitter)
dpersonalization_id Ad targeting|2 years
dmuc_ads Ad targeting
sguest_id Visitor ID
#Pinterest
d_pin_unauth Visitor ID for ads|1 year
d_derived_epik Ad conversions|1 year
s_pinterest_sess Pinterest session
#Snap
d_scid Visitor ID for ads|13 months
dsc_at Visitor ID for ads
#Criteo
dcto_bundle Ad retargeting|13 months
#Taboola
dt_gid Visitor ID for ads
#Outbrain
dobuid Visitor ID for ads
#Amazon Ads
dad-id Ad delivery
dad-privacy Ad opt-out
#Reddit
d_rdt_uuid Ad conversions|90 days
#Quantcast
d__qca Audience measurement|13 months
#Yandex Metrica
a_ym_uid Visitor ID|1 year
a_ym_d First visit date|1 year
a/^_ym_/ Analytics state
#Segment
aajs_anonymous_id Visitor ID|1 year
aajs_user_id User ID|1 year
#Mixpanel
a/^mp_.*_mixpanel$/ Visitor ID|1 year
#Amplitude
a/^AMP_/ Device and session ID|1 year
#Heap
a/^_hp2_id\\./ Visitor ID|13 months
#YouTube
sVISITOR_INFO1_LIVE Player settings and bandwidth|6 months
sYSC Session security|Session
s/^yt-remote-/ Cast device settings
#Vimeo
svuid Viewer statistics|2 years
#AddThis
s__atuvc Share counts
#ShareThis
s__stid Visitor ID
#Disqus
sdisqus_unique Reader ID
#Intercom
f/^intercom-/ Chat messenger`;

const CATEGORY: Record<string, string> = { a: 'analytics', d: 'advertising', s: 'social', f: 'functional' };

let entries: readonly CatalogueEntry[] | undefined;

function expand(): readonly CatalogueEntry[] {
  const list: CatalogueEntry[] = [];
  let vendor = '';
  for (const line of DATA.split('\n')) {
    if (line[0] === '#') {
      vendor = line.slice(1);
      continue;
    }
    const space = line.indexOf(' ');
    const [purpose, lifetime] = line.slice(space + 1).split('|');
    const pattern = compilePattern(line.slice(1, space));
    // The table's patterns are fixed and tested; a failing one would be a bug caught there.
    if (pattern instanceof Error) continue;
    const entry: CatalogueEntry = { pattern, category: CATEGORY[line[0]!]!, vendor, purpose };
    if (lifetime) entry.lifetime = lifetime;
    list.push(Object.freeze(entry));
  }
  return Object.freeze(list);
}

/**
 * The hand-made table alone (the open-data generator, `scripts/build-catalogues.mjs`, reads it
 * from this file's text and puts it first in the generated catalogue, where it wins).
 */
export function handMadeCatalogue(): readonly CatalogueEntry[] {
  return (entries ??= expand());
}

/**
 * Every catalogued cookie: the hand-made table, then the browser subset of the Open Cookie
 * Database (`src/catalogues/cookies.ts`, issue 12). Built on first call and shared; frozen.
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

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
import { compilePattern, matchesPattern, type NamePattern } from '../config/patterns';

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
a_ga Distinguishes visitors|2 years
a/^_ga_/ Keeps the session state|2 years
a_gid Distinguishes visitors|24 hours
a_gat Limits the request rate|1 minute
a/^_gat_/ Limits the request rate|1 minute
a/^_dc_gtm_/ Limits the request rate|1 minute
a__utma Distinguishes visitors and sessions|2 years
a__utmb Detects new sessions|30 minutes
a__utmc Detects new sessions|Session
a__utmt Limits the request rate|10 minutes
a__utmv Stores visitor-level custom data|2 years
a__utmz Stores the traffic source|6 months
d/^_gac_/ Stores ad campaign data|90 days
#Google Ads
d_gcl_au Links ad clicks to conversions|90 days
d/^_gcl_/ Links ad clicks to conversions|90 days
#Google DoubleClick
dIDE Serves and measures ads|13 months
dDSID Links ad activity across devices|2 weeks
dtest_cookie Checks whether cookies are supported|15 minutes
#Google AdSense
d__gads Serves and measures ads|13 months
d__gpi Serves and measures ads|13 months
d__eoi Protects ads against abuse
#Meta
d_fbp Identifies browsers for ad delivery|90 days
d_fbc Stores the last ad click|90 days
dfr Delivers and measures ads|90 days
#Microsoft Clarity
a_clck Keeps the Clarity user ID|1 year
a_clsk Connects page views into a session|1 day
aCLID Identifies the first visit|1 year
#Microsoft
dMUID Identifies browsers across Microsoft sites|1 year
#Microsoft Advertising
d_uetsid Keeps the session for ad conversions|1 day
d_uetvid Identifies visitors for ad conversions|13 months
#Hotjar
a/^_hjSessionUser_/ Keeps the Hotjar user ID|1 year
a/^_hjSession_/ Keeps the session data|30 minutes
a/^_hj/ Hotjar state and sampling
#Matomo
a/^_pk_id/ Stores the visitor ID|13 months
a/^_pk_ses/ Keeps the session|30 minutes
a/^_pk_ref/ Stores the referrer|6 months
a/^_pk_cvar/ Stores session custom variables|30 minutes
aMATOMO_SESSID Keeps the Matomo session|Session
#Adobe
a/^AMCV_/ Stores the Experience Cloud visitor ID|2 years
a/^AMCVS_/ Marks the session|Session
as_vi Identifies visitors|2 years
as_fid Fallback visitor ID|2 years
as_cc Checks whether cookies are enabled|Session
as_sq Stores the last clicked link|Session
#HubSpot
a__hstc Tracks visitors|6 months
ahubspotutk Identifies visitors|6 months
a__hssc Counts session page views|30 minutes
a__hssrc Detects browser restarts|Session
fmessagesUtk Identifies chat visitors|6 months
#LinkedIn
dli_sugr Matches visitors for ads|90 days
dli_fat_id Attributes conversions to members|30 days
dUserMatchHistory Syncs ad IDs|30 days
dAnalyticsSyncHistory Records the analytics sync time|30 days
sbcookie Identifies browsers|1 year
slidc Selects the data centre|24 hours
#TikTok
d_ttp Measures ads and traffic|13 months
d/^_tt_/ TikTok Pixel settings
#X (Twitter)
dpersonalization_id Personalises ads|2 years
dmuc_ads Personalises ads
sguest_id Identifies logged-out visitors
#Pinterest
d_pin_unauth Identifies visitors for the Pinterest Tag|1 year
d_derived_epik Matches ad conversions|1 year
d_epik Matches ad conversions|1 year
s_pinterest_sess Keeps the Pinterest session
#Snap
d_scid Identifies visitors for the Snap Pixel|13 months
dsc_at Identifies visitors for ads
#Criteo
dcto_bundle Retargets ads|13 months
#Taboola
dt_gid Identifies visitors for recommendations
#Outbrain
dobuid Identifies visitors for recommendations
#Amazon Ads
dad-id Serves and measures ads
dad-privacy Stores the ad opt-out
#Reddit
d_rdt_uuid Attributes ad conversions|90 days
#Quantcast
d__qca Measures audiences|13 months
#Klaviyo
d__kla_id Identifies visitors for email marketing|2 years
#Marketo
d_mkto_trk Tracks visitors for marketing|2 years
#Yandex Metrica
a_ym_uid Identifies visitors|1 year
a_ym_d Stores the first visit date|1 year
a_ym_isad Detects ad blockers|2 days
a_ym_visorc Supports session replay|30 minutes
a/^_ym_/ Metrica state
#Segment
aajs_anonymous_id Identifies anonymous visitors|1 year
aajs_user_id Stores the user ID|1 year
#Mixpanel
a/^mp_.*_mixpanel$/ Stores visitor and event data|1 year
#Amplitude
a/^AMP_/ Stores the device and session|1 year
#Heap
a/^_hp2_id\\./ Identifies visitors|13 months
a/^_hp2_ses_props\\./ Stores session properties|30 minutes
#FullStory
afs_uid Identifies visitors|1 year
#Optimizely
aoptimizelyEndUserId Identifies visitors for experiments|6 months
#VWO
a_vwo_uuid_v2 Identifies visitors for experiments|1 year
#YouTube
sVISITOR_INFO1_LIVE Estimates bandwidth, keeps player settings|6 months
sYSC Protects the viewing session|Session
s/^yt-remote-/ Remembers cast devices
#Vimeo
svuid Identifies viewers for Vimeo statistics|2 years
#AddThis
s__atuvc Counts shares
s__atuvs Counts shares in the session
#ShareThis
s__stid Identifies visitors who share
#Disqus
sdisqus_unique Identifies comment readers
#Intercom
f/^intercom-/ Keeps the chat messenger working
#Zendesk
f__zlcmid Keeps the chat widget ID|1 year
#Crisp
f/^crisp-client\\// Keeps the chat session|6 months`;

const CATEGORY: Record<string, string> = { a: 'analytics', d: 'advertising', s: 'social', f: 'functional' };

let entries: readonly CatalogueEntry[] | undefined;
let exact: Map<string, CatalogueEntry> | undefined;

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
 * Every catalogued cookie, in table order. Built on first call and shared afterwards; the array
 * and its entries are frozen.
 */
export function catalogue(): readonly CatalogueEntry[] {
  return (entries ??= expand());
}

/**
 * The catalogue's entry for a cookie name: an exact name first, then the first pattern that
 * matches. `undefined` when the cookie is not catalogued.
 * @example findInCatalogue('_ga_ABC123') // { vendor: 'Google Analytics', category: 'analytics', … }
 */
export function findInCatalogue(name: string): CatalogueEntry | undefined {
  if (!exact) {
    exact = new Map();
    for (const entry of catalogue()) if (typeof entry.pattern === 'string') exact.set(entry.pattern, entry);
  }
  return (
    exact.get(name) ??
    catalogue().find((entry) => typeof entry.pattern !== 'string' && matchesPattern(name, entry.pattern))
  );
}

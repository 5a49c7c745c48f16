/**
 * Public types of Consent Gate: the configuration a site writes and the state the library
 * exposes. Every field of the configuration is documented here; this file is the reference.
 */
import type { TextKey } from './i18n/locales/en';

/** The built-in category ids. Sites may add their own ids (see {@link ConsentGateConfig.categories}). */
export type BuiltInCategory = 'necessary' | 'functional' | 'analytics' | 'advertising' | 'social';

/**
 * How consent is asked for.
 * - `opt-in`: every non-necessary category is denied until the visitor accepts (EU/EEA/UK).
 * - `opt-out`: categories are allowed until the visitor opts out (US state laws); Global Privacy
 *   Control denies `advertising` and `social` without a pop-up.
 */
export type ConsentMode = 'opt-in' | 'opt-out';

/** How a decision was made; stored in the consent cookie and in consent records. */
export type ConsentMethod = 'accept-all' | 'reject-all' | 'custom' | 'acknowledge' | 'gpc';

/**
 * A cookie a category sets: its exact name, a `/regex/` string, or an object describing it for
 * the cookie declaration table.
 * @example "_ga"
 * @example "/^_ga_/"
 * @example { "name": "_fbp", "purpose": "Ad delivery", "lifetime": "3 months", "provider": "Meta" }
 */
export type CookieDeclaration = string | CookieDescription;

/** A cookie described for the declaration table. */
export interface CookieDescription {
  /** The cookie's exact name or a `/regex/` string. */
  name: string;
  /** What the cookie is for, in the site's words. */
  purpose?: string;
  /** How long it lives, as text, e.g. "13 months". */
  lifetime?: string;
  /** Who sets it, e.g. "Google". Defaults to the catalogue's vendor for well-known cookies. */
  provider?: string;
}

/** A third party that receives data when the category is allowed. */
export interface VendorConfig {
  /** The vendor's name as visitors know it. */
  name: string;
  /**
   * Host names the vendor serves from (subdomains included). Used to name the provider on
   * placeholders and, later, by automatic blocking.
   * @default []
   */
  domains?: string[];
  /** The vendor's privacy policy (http, https or relative URL). */
  privacyUrl?: string;
}

/** One category of cookies and tags. */
export interface CategoryConfig {
  /**
   * The category's name shown to visitors; overrides the built-in translation. Required for a
   * custom category (it has no built-in name); a custom id one edit away from a built-in one
   * (`"analytcs"`) is a config error with a "did you mean" hint.
   */
  label?: string;
  /** What the category is for, shown to visitors; overrides the built-in translation. */
  description?: string;
  /**
   * Cookies the category sets. They are listed in the preferences dialog and the declaration
   * table, and deleted when the visitor withdraws consent.
   * @default []
   */
  cookies?: CookieDeclaration[];
  /**
   * localStorage and sessionStorage keys (exact names or `/regex/` strings) removed on withdrawal.
   * @default []
   */
  storage?: string[];
  /** Third parties involved in this category. @default [] */
  vendors?: VendorConfig[];
  /**
   * Whether the category starts allowed in `opt-out` mode. Ignored in `opt-in` mode, where every
   * non-necessary category starts denied.
   * @default true
   */
  default?: boolean;
}

/** The consent cookie's settings. */
export interface CookieConfig {
  /**
   * The cookie's name: letters, digits and `_-` only.
   * @default "consent_gate"
   */
  name?: string;
  /**
   * How many days a decision is kept before the visitor is asked again (1 to 395).
   * @default 182
   */
  days?: number;
  /**
   * Share the decision across subdomains, e.g. `"example.com"`. A domain the browser refuses
   * (not a suffix of the current host, or a public suffix) is reported on the console.
   * @default undefined (host-only)
   */
  domain?: string;
}

/** Where consent records go. */
export interface LogConfig {
  /** The receiver's URL: http(s) or relative to the page (`mailto:` and other schemes are config errors). */
  endpoint: string;
  /** Undelivered records kept at most (the oldest are dropped first). @default 50 */
  queueSize?: number;
}

/** Who is responsible for the processing; shown in the preferences dialog. */
export interface ControllerConfig {
  /** The organisation's name. */
  name: string;
  /** How to reach it: an email address, `mailto:` or http(s) URL, or plain text. */
  contact?: string;
}

/** The floating "Cookie settings" button's options (`settingsButton`). */
export interface SettingsButtonConfig {
  /** The bottom corner it sits in. @default "bottom-left" */
  position?: 'bottom-left' | 'bottom-right';
}

/**
 * The whole configuration, as JSON in `<script type="application/json" id="consent-gate-config">`
 * or as an object passed to `createConsentGate` / `createConsent`.
 *
 * @example
 * { "mode": "opt-in", "revision": 1, "privacyPolicyUrl": "/privacy",
 *   "categories": { "functional": {}, "advertising": {}, "social": {} } }
 */
export interface ConsentGateConfig {
  /**
   * How consent is asked for. A missing mode means `opt-in`, the strictest.
   * @default "opt-in"
   */
  mode?: ConsentMode;
  /**
   * Raise it when purposes, categories or vendors change: every stored decision with another
   * revision counts as no decision and the visitor is asked again. A whole number from 0.
   * @default 0
   */
  revision?: number;
  /**
   * The categories the site uses, by id. `necessary` is always present and always allowed.
   * Custom ids match `^[a-z][a-z0-9_-]{0,31}$` and bring their own `label` and `description`.
   * @default {}
   * @example { "functional": {}, "advertising": { "cookies": ["_fbp"] } }
   */
  categories?: Record<string, CategoryConfig>;
  /** The privacy policy's URL (http, https, mailto or relative), linked from the banner. */
  privacyPolicyUrl?: string;
  /** Who is responsible for the processing. */
  controller?: ControllerConfig;
  /** The consent cookie's settings. */
  cookie?: CookieConfig;
  /**
   * Treat `navigator.doNotTrack === "1"` like Global Privacy Control in `opt-out` mode.
   * @default false
   */
  respectDoNotTrack?: boolean;
  /**
   * Proof of consent: each decision, withdrawal and `reset()` is POSTed as one JSON record (the
   * schema is `consent-gate/record.schema.json`) to `endpoint`, and kept in a bounded localStorage
   * queue until the server answers 2xx. `consent-gate/receiver` is a ready receiver.
   * @example { "endpoint": "/consent" }
   * @default undefined (no log)
   */
  log?: LogConfig;
  /**
   * Run gated scripts of the `necessary` category, inline and external (`src`), on a page
   * without a script nonce. Off by default: without a nonce, markup injected into the page
   * (through a comment field, a bug in a template) cannot be told from the site's own, and a
   * `necessary` script needs no one's consent, so it would run at once. With a nonce (a Content Security Policy), only gated
   * scripts carrying it run, whatever this says.
   * @default false
   */
  allowInlineNecessary?: boolean;
  /**
   * Show a "Continue without accepting" control on the banner; it records `reject-all` in
   * opt-in mode and `acknowledge` in opt-out mode.
   * @default false
   */
  closeButton?: boolean;
  /**
   * The floating "Cookie settings" button (script-tag build and `createConsentGate`), shown once
   * a choice was made: `true` puts it in the bottom-left corner, `{ "position": "bottom-right" }`
   * in the other one (away from a chat widget). The page gets room after its end, so its last
   * content scrolls out from under the button. `false` removes it: then give the page another
   * way back to the choice, such as a footer link with `data-consent-open`.
   * @default true
   * @example { "settingsButton": { "position": "bottom-right" } }
   */
  settingsButton?: boolean | SettingsButtonConfig;
  /** Where the banner sits. @default "bottom" */
  position?: 'bottom' | 'top';
  /**
   * The banner's shape on screens wider than 600 px: `box`, a card of at most 400 px in the
   * bottom end corner (the top one with `"position": "top"`), or `bar`, the viewport's full
   * width. Narrower screens always get a bar.
   * @example "bar"
   * @default "box"
   */
  layout?: 'bar' | 'box';
  /** Colour scheme; `auto` follows `prefers-color-scheme`. @default "auto" */
  theme?: 'auto' | 'light' | 'dark';
  /**
   * The interface language (`en`, `es`, `it`, `de`, `pt`, `fr`, `ru`, `ja`). Without it: the
   * page's `<html lang>`, then the browser's languages, then English.
   * @default undefined
   */
  language?: string;
  /**
   * Replacement texts per language, keys as in the English locale (`TextKey`): a misspelled key
   * does not compile, and development builds reject it. A language that is not built in is
   * shown when its texts are given here (English fills in missing keys, with a warning).
   * @example { "en": { "bannerTitle": "Cookies on Example News" } }
   * @default {}
   */
  texts?: Record<string, Partial<Record<TextKey, string>>>;
  /**
   * Google Consent Mode v2 (README, "Google Consent Mode v2"): the seven consent types' defaults
   * pushed into the dataLayer before any Google tag runs, then an update on every decision. Only the builds
   * with the feature accept this key: `dist/consent-gate.gcm.iife.js` (or `.full.iife.js`), or
   * `features: [googleConsentMode()]` from `consent-gate/google-consent-mode` with npm; other
   * builds report it as a config error naming that build.
   * @default false
   * @example true
   * @example { "waitForUpdate": 500, "map": { "analytics": ["analytics_storage"] } }
   */
  googleConsentMode?: boolean | GoogleConsentModeOptions;
  /**
   * Automatic blocking: scripts, frames, images, stylesheets and media that other scripts insert at
   * run time towards a vendor of a category the visitor has not allowed never make their request,
   * and load when the category is allowed. Vendors come from the built-in catalogue and each
   * category's `vendors[].domains` (which win over the catalogue). Only the builds with automatic
   * blocking accept this key: `dist/consent-gate.autoblock.iife.js` or
   * `dist/consent-gate.full.iife.js`, or `installAutoBlock(config)` from `consent-gate/autoblock`
   * for bundlers; other builds report it as a config error naming the automatic-blocking build.
   * @default false
   * @example true
   * @example { "debug": true }
   */
  autoBlock?: boolean | AutoBlockOptions;
}

/** The seven consent types of Google Consent Mode v2. */
export type ConsentType = 'ad_storage' | 'ad_user_data' | 'ad_personalization' | 'analytics_storage' | 'functionality_storage' | 'personalization_storage' | 'security_storage';

/** Options of Google Consent Mode (`"googleConsentMode": true` takes every default). */
export interface GoogleConsentModeOptions {
  /** @default "dataLayer" */
  dataLayerName?: string;
  /**
   * Milliseconds Google tags wait for an update after the default. Unset: 500 when the script is
   * loaded `async` or `defer` (tags may run before the update), none when it is synchronous.
   */
  waitForUpdate?: number;
  /** `gtag('set', 'ads_data_redaction', true)`. @default false */
  adsDataRedaction?: boolean;
  /** `gtag('set', 'url_passthrough', true)`. @default false */
  urlPassthrough?: boolean;
  /** Consent types per category, replacing the built-in mapping for the categories named. */
  map?: Record<string, ConsentType[]>;
}

/** Options of automatic blocking. */
export interface AutoBlockOptions {
  /**
   * Log the third-party hosts that loaded and are in no category (always on in development
   * builds), so a site owner can declare them.
   * @default false
   */
  debug?: boolean;
}

/** The visitor's consent as the library sees it now. */
export interface ConsentState {
  /** True once the visitor made a decision that is still valid (or GPC decided in opt-out mode). */
  decided: boolean;
  /** Every configured category (and `necessary`) with whether it is allowed now. */
  categories: Record<string, boolean>;
  /** How the decision was made; null before any decision. */
  method: ConsentMethod | null;
  /** The config revision the decision was made under. */
  revision: number;
  /** Random consent id, kept across later changes until `reset()`; null before any decision. */
  id: string | null;
  /** Decision time in UTC seconds; null before any decision. */
  timestamp: number | null;
  /** Whether Global Privacy Control (or Do Not Track when respected) applied. */
  gpc: boolean;
}

/** Which part of the interface should be visible. Headless users render their own UI from it. */
export type Surface = 'banner' | 'preferences' | null;

/** One cookie found by `scan()`. */
export interface ScannedCookie {
  name: string;
  /** The category it belongs to, by the config first and the built-in catalogue second. */
  category: string;
  /** The vendor, when known. */
  vendor?: string;
}

/** What withdrawal could not delete, and why. */
export interface CleanupReport {
  /** Categories that went from allowed to denied. */
  categories: string[];
  /** Cookie names that were deleted. */
  deleted: string[];
  /**
   * Cookie names still visible after deletion: HttpOnly cookies, cookies on a domain or path
   * that JavaScript cannot reach. Third-party cookies are never visible to the page at all.
   */
  remaining: string[];
  /** Storage keys removed. */
  storage: string[];
}

/** Events emitted by an instance. */
export interface ConsentEvents {
  /** A decision was made, changed, withdrawn or reset. */
  change: (state: ConsentState) => void;
  /** The banner or the preferences dialog should be shown. */
  show: (surface: 'banner' | 'preferences') => void;
  /** The interface was hidden. */
  hide: () => void;
  /** A category was withdrawn while its scripts may already run: a reload stops them. */
  'reload-required': (report: CleanupReport) => void;
}

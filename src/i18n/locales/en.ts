/**
 * English, the built-in language and the reference for every other locale: each key here can be
 * overridden per language with `"texts": { "<lang>": { "<key>": "…" } }`. Texts are always
 * rendered as text, never HTML. `{name}` placeholders are filled in by the interface.
 */
const en = {
  /** Accessible name of the banner landmark. */
  bannerLabel: 'Cookie consent',
  bannerTitle: 'Cookies on this site',
  /** Opt-in banner text; {purposes} lists what the configured categories are for. */
  bannerText:
    'We and our partners, including ad and social networks, would like to use cookies for {purposes}. Nothing optional runs until you choose. You can change your choice at any time in “Cookie settings”.',
  /** Opt-out (US) notice text. */
  noticeText:
    'We and our partners, including ad and social networks, use cookies for {purposes}. You can opt out at any time, here or in “Cookie settings”.',
  /** Shown when the site uses only necessary cookies. */
  necessaryOnlyText: 'This site only uses the cookies it needs to work.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  /** Opt-out mode's one-click opt-out. */
  optOut: 'Do not sell or share my personal information',
  manage: 'Manage preferences',
  acknowledge: 'Got it',
  continue: 'Continue without accepting',
  privacyPolicy: 'Privacy policy',
  preferencesTitle: 'Cookie preferences',
  preferencesText: 'Choose which cookies we may use. You can change this at any time.',
  save: 'Save choices',
  close: 'Close',
  alwaysActive: 'Always active',
  details: 'Cookies and partners',
  controller: 'Responsible: {name}',
  gpcHonored: 'Opt-out preference signal honored',
  saved: 'Your choices were saved.',
  reloadText: 'Reload the page to stop the features you switched off.',
  reload: 'Reload page',
  settings: 'Cookie settings',
  placeholderText: 'Content from {provider} is blocked: {category} cookies are not allowed.',
  placeholderAllow: 'Allow {category}',
  placeholderOnce: 'Load once',
  cookie: 'Cookie',
  category: 'Category',
  provider: 'Provider',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  necessary: 'Necessary',
  necessaryText: 'Make the site work and remember your cookie choice.',
  functional: 'Functional',
  functionalText: 'Remember your settings and offer extra features.',
  functionalPurpose: 'site features',
  analytics: 'Analytics',
  analyticsText: 'Count visits and see how the site is used.',
  analyticsPurpose: 'usage statistics',
  advertising: 'Advertising',
  advertisingText: 'Let ad networks show and measure ads, here and elsewhere.',
  advertisingPurpose: 'advertising',
  social: 'Social media',
  socialText: 'Show videos, posts and share buttons; social networks see your visit.',
  socialPurpose: 'social media features',
};

export type Texts = typeof en;
export type TextKey = keyof Texts;
export default en;

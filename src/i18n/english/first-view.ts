/**
 * English texts the first view shows: the banner, the settings button, the reload notice and
 * placeholders. The script tag carries only these; the rest of English (`./later`) comes with
 * the parts that show it. `locales/en.ts` joins both: it is the reference for every locale.
 */
const firstView = {
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
  close: 'Close',
  reloadText: 'Reload the page to stop the features you switched off.',
  reload: 'Reload page',
  settings: 'Cookie settings',
  placeholderText: 'Content from {provider} is blocked: {category} cookies are not allowed.',
  placeholderAllow: 'Allow {category}',
  placeholderOnce: 'Load once',
  necessary: 'Necessary',
  functional: 'Functional',
  functionalPurpose: 'site features',
  analytics: 'Analytics',
  analyticsPurpose: 'usage statistics',
  advertising: 'Advertising',
  advertisingPurpose: 'advertising',
  social: 'Social media',
  socialPurpose: 'social media features',
};

export default firstView;

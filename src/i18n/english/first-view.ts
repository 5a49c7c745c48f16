/**
 * English texts the first view shows: the banner, the settings button and placeholders. The
 * script tag carries only these; the rest of English (`./later`) comes with the parts that show
 * it. `locales/en.ts` joins both: it is the reference for every locale.
 */
const firstView = {
  /** Accessible name of the banner landmark. */
  bannerLabel: 'Cookie consent',
  bannerTitle: 'Cookies on this site',
  /**
   * Opt-in banner text (GDPR Art. 13: purposes, recipients, withdrawal; the policy link follows).
   * {purposes} lists what the configured categories are for; {partners} names the configured
   * vendors ("Google, Meta, and 2 others"), or is `partners` when there are none.
   */
  bannerText:
    'We and our partners, including {partners}, would like to use cookies for {purposes}. You can change or withdraw your choice at any time in “Cookie settings”.',
  /** Opt-out notice text, in the words of US state privacy laws; placeholders as in `bannerText`. */
  noticeText:
    'We and our partners, including {partners}, use cookies for {purposes}, and may sell or share your personal information. You can opt out at any time, here or in “Cookie settings”.',
  /** How long the choice is kept; {period} is "6 months" (from `cookie.days`), in the visitor's language. */
  retention: 'We keep your choice for {period}.',
  /** {partners} when the site names no vendors. */
  partners: 'ad and social networks',
  /** The vendors not named, in "Google, Meta, and {n} others"; pressing it lists them. */
  others: '{n} others',
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
  settings: 'Cookie settings',
  /** A blocked embed's placeholder: an invitation, {provider} being the vendor (or host). */
  placeholderText: 'Load content from {provider}?',
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

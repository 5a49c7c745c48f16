/**
 * English texts of the parts (the preferences dialog, the cookie table, the reload notice):
 * loaded with them, not in the first view. Texts are always rendered as text, never HTML.
 */
import notice from './notice';

const later = {
  ...notice,
  preferencesTitle: 'Cookie preferences',
  preferencesText: 'Choose which cookies we may use. You can change this at any time.',
  save: 'Save choices',
  alwaysActive: 'Always active',
  details: 'Cookies and partners',
  controller: 'Responsible: {name}',
  gpcHonored: 'Opt-out preference signal honored',
  saved: 'Your choices were saved.',
  cookie: 'Cookie',
  category: 'Category',
  provider: 'Provider',
  purpose: 'Purpose',
  lifetime: 'Lifetime',
  /** The purpose of Consent Gate's own cookie in the cookie declaration. */
  choiceCookie: 'Remembers your cookie choice.',
  necessaryText: 'Make the site work and remember your cookie choice.',
  functionalText: 'Remember your settings and offer extra features.',
  analyticsText: 'Count visits and see how the site is used.',
  advertisingText: 'Let ad networks show and measure ads, here and elsewhere.',
  socialText: 'Show videos, posts and share buttons; social networks see your visit.',
};

export default later;

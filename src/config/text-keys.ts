/**
 * Every key a site may set in `texts`, for the checks that production bundles leave out: the
 * full report (`validateConfig`, the script tag's messages part) and development builds. The
 * compact check does not carry this list, so a production first view does not pay for it (about
 * 0.1 KiB gzip); `TextKey` makes a misspelled key a compile error in TypeScript anyway.
 */
import type { TextKey } from '../i18n/locales/en';

export const TEXT_KEYS = [
  'bannerLabel', 'bannerTitle', 'bannerText', 'noticeText', 'retention', 'partners', 'others', 'necessaryOnlyText', 'acceptAll', 'rejectAll', 'optOut', 'manage',
  'acknowledge', 'continue', 'privacyPolicy', 'close', 'reloadText', 'reload', 'settings', 'placeholderText', 'placeholderAllow',
  'placeholderOnce', 'necessary', 'functional', 'functionalPurpose', 'analytics', 'analyticsPurpose', 'advertising',
  'advertisingPurpose', 'social', 'socialPurpose', 'preferencesTitle', 'preferencesText', 'save', 'alwaysActive', 'details',
  'controller', 'gpcHonored', 'saved', 'cookie', 'category', 'provider', 'purpose', 'lifetime', 'choiceCookie', 'necessaryText', 'functionalText',
  'analyticsText', 'advertisingText', 'socialText',
] as const satisfies readonly TextKey[];

/** Fails to compile when the English locale gains a key this list lacks. */
type Missing = Exclude<TextKey, (typeof TEXT_KEYS)[number]>;
export const LIST_IS_COMPLETE: [Missing] extends [never] ? true : Missing = true;

/** The keys a language's site texts leave to English. */
export function missingTextKeys(texts: Readonly<Record<string, string>> | undefined): string[] {
  return TEXT_KEYS.filter((key) => typeof texts?.[key] !== 'string');
}

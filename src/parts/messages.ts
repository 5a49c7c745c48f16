/**
 * Part `messages`: the words for what the script tag logs tersely, loaded only when it has
 * something to say: the full configuration report, run-time warnings by code, and the advice
 * for a language with no built-in locale.
 */
export { validateConfig } from '../config/messages';
export { languageAdvice } from '../i18n/language-advice';
export { word } from '../core/wording';

/**
 * Part `messages`: the words for what the script tag logs tersely, loaded only when it has
 * something to say: the full configuration report, and run-time warnings by code.
 */
export { validateConfig } from '../config/messages';
export { missingTextKeys } from '../config/text-keys';
export { word } from '../core/wording';

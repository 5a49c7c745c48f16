/**
 * Part `messages`: the words for what the script tag logs tersely, loaded only when it has
 * something to say: the full configuration report, and run-time warnings by code.
 */
export { explainProblem } from '../config/messages';
export { word } from '../core/wording';

/**
 * Automatic blocking in the drop-in script tags (`auto-autoblock.ts`, `auto-full.ts`): the
 * script tag's console voice, and the diagnostics as the `autoblock-report` part.
 */
import { parts, wordingLogger } from '../script-tag/voice';
import { autoBlockFeature } from './install';

export const autoBlock = autoBlockFeature({ logger: wordingLogger(), debug: false, report: () => parts('autoblock-report') });

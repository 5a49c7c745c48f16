/**
 * The drop-in script tag's first act: read the config block synchronously and, when it asks for
 * `autoBlock`, install the interceptor before the core starts or any later script runs.
 */
import { parts, readConfig, wordingLogger } from '../script-tag/voice';
import type { ConsentGateConfig } from '../types';
import { acceptAutoBlock, startAutoBlock, type AutoBlocker } from './install';

acceptAutoBlock();
/** The config, read synchronously. */
let given: ConsentGateConfig | undefined;
try {
  given = readConfig();
} catch {
  // A broken config is the core's to report.
}
/** The page's blocker, when its config turns `autoBlock` on. */
export const blocker: AutoBlocker | undefined = given?.autoBlock
  ? startAutoBlock(given, { logger: wordingLogger(), debug: false, report: () => parts('autoblock-report') })
  : undefined;

/**
 * The drop-in script tag's first act: read the config block synchronously and, when it asks for
 * `autoBlock`, install the interceptor before the core starts or any later script runs.
 */
import { nonce, parts, readConfig, wordingLogger } from '../script-tag/voice';
import type { ConsentGateConfig } from '../types';
import { acceptAutoBlock, startAutoBlock, type AutoBlocker } from './install';

/** The config, read synchronously; a broken one is the core's to report. */
function config(): ConsentGateConfig | undefined {
  try {
    return readConfig();
  } catch {
    return undefined;
  }
}

acceptAutoBlock();
const given = config();
/** The page's blocker, when its config turns `autoBlock` on. */
export const blocker: AutoBlocker | undefined = given?.autoBlock
  ? startAutoBlock(given, { nonce, logger: wordingLogger(), debug: false, report: () => parts('autoblock-report') })
  : undefined;

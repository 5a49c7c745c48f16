/**
 * Part `log`: the consent log client, loaded only on sites with `log.endpoint`, right after the
 * first view (it recovers a decision made before it arrived from the consent cookie).
 */
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentGate } from '../consent-gate';
import type { Logger } from '../core/logger';
import type { Texts } from '../i18n/texts';
import { startConsentLog } from '../log/client';
import { shownTexts } from '../log/shown-texts';

export function startSiteLog(gate: ConsentGate, config: ResolvedConfig, texts: Texts, language: string, logger: Logger, document: Document): () => void {
  const log = config.log!;
  return startConsentLog(gate, {
    endpoint: log.endpoint,
    queueSize: log.queueSize,
    language,
    mode: config.mode,
    shown: shownTexts(config, texts),
    document,
    warn: (message) => logger.warnOnce(`log:${message}`, message),
  });
}

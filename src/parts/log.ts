/**
 * Part `log`: the consent log client, loaded only on sites with `log.endpoint`, right after the
 * first view; it takes the decisions the main file kept until it arrived (src/log/decisions.ts).
 */
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentGate } from '../consent-gate';
import type { Logger } from '../core/logger';
import type { Texts } from '../i18n/texts';
import { startLogClient } from '../log/client';
import type { KeptDecision } from '../log/decisions';
import { shownTexts } from '../log/shown-texts';

export function startSiteLog(gate: ConsentGate, config: ResolvedConfig, texts: Texts, language: string, logger: Logger, document: Document, decisions: KeptDecision[]): () => void {
  const log = config.log!;
  const options = {
    endpoint: log.endpoint,
    queueSize: log.queueSize,
    language,
    mode: config.mode,
    shown: shownTexts(config, texts),
    document,
    warn: (message: string) => logger.warnOnce(`log:${message}`, message),
  };
  return startLogClient(gate, options, decisions);
}

/**
 * For site owners (`autoBlock: { debug: true }`, and development builds): the third-party hosts
 * that loaded and are in no category, from resource timing, so they can be declared. Not needed
 * to block anything, so the script tag loads it as its `autoblock-report` part, only in debug.
 */
import type { Logger } from '../core/logger';
import { say } from '../core/wording';
import { siteOf, type Classifier } from './classify';

/** Logs, a second after they load, third-party hosts that no category covers. */
export function reportUnknownHosts(view: Window & typeof globalThis, classify: Classifier, logger: Logger): void {
  const site = siteOf(view.location.hostname);
  const seen = new Set<string>();
  let found: string[] = [];
  new view.PerformanceObserver((list) => {
    for (const { name } of list.getEntries()) {
      const host = /^https?:\/\/([^/:?#]+)/.exec(name)?.[1];
      if (!host || seen.has(host) || siteOf(host) === site || classify(name)) continue;
      seen.add(host);
      if (found.push(host) === 1) {
        view.setTimeout(() => {
          logger.warnOnce(found.join(), say('autoblock-unknown'), found);
          found = [];
        }, 1000);
      }
    }
  }).observe({ type: 'resource', buffered: true });
}

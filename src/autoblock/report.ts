/**
 * What the interceptor cannot stop, said on the console: a MutationObserver backstop reports
 * vendor elements that reached the document some other way (HTML strings, the parser), when it
 * is already too late; and, for site owners (`autoBlock: { debug: true }`, development builds),
 * the third-party hosts that loaded and are in no category, so they can be declared.
 */
import type { Logger } from '../core/logger';
import { say } from '../core/wording';
import { siteOf, type Classifier } from './classify';
import { LOADING, type Interceptor } from './interceptor';

export function watchLate(view: Window & typeof globalThis, interceptor: Interceptor, logger: Logger): void {
  const check = (element: Element) => {
    if (!element.isConnected || interceptor.held.has(element)) return;
    for (const name of LOADING[element.localName] ?? []) {
      const value = element.getAttribute(name);
      const verdict = value && interceptor.denied(element, name, value);
      if (verdict) logger.warnOnce(verdict.host, say('autoblock-late', { host: verdict.host }), element);
    }
  };
  new view.MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof view.Element)) continue;
        check(node);
        if (node.firstElementChild) node.querySelectorAll(Object.keys(LOADING).join()).forEach(check);
      }
    }
  }).observe(view.document.documentElement, { childList: true, subtree: true });
}

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

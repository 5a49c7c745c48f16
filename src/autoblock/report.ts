/**
 * What the interceptor cannot stop, said on the console: a MutationObserver backstop reports
 * vendor elements that reached the document some other way (the parser, `document.write`, an
 * `Attr` node), when it is already too late to stop their request. A diagnostic for site
 * owners, so it runs only in debug: production pages do not pay a second document-wide observer
 * for console lines no visitor reads. It loads after the page has started, so it first sweeps
 * what is already there.
 */
import type { Logger } from '../core/logger';
import { say } from '../core/wording';
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
  const selector = Object.keys(LOADING).join();
  view.document.querySelectorAll(selector).forEach(check);
  new view.MutationObserver((records) => {
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (!(node instanceof view.Element)) continue;
        check(node);
        if (node.firstElementChild) node.querySelectorAll(selector).forEach(check);
      }
    }
  }).observe(view.document.documentElement, { childList: true, subtree: true });
}

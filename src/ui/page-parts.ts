/**
 * The parts that live in the page rather than in the banner's shadow root: placeholders for
 * blocked embeds (loaded when something blocked wants one) and cookie declaration tables
 * (loaded when the page has a `[data-consent-cookie-table]`). A part that cannot load leaves
 * everything gated and is reported once.
 */
import type { BlockedElement } from '../gating/gate';
import type { UiContext } from './context';
import { say } from '../core/wording';

function whenParsed(document: Document, then: () => void): () => void {
  if (document.readyState !== 'loading') {
    then();
    return () => undefined;
  }
  document.addEventListener('DOMContentLoaded', then, { once: true });
  return () => document.removeEventListener('DOMContentLoaded', then);
}

function showPlaceholders(ui: UiContext): () => void {
  let placeholders: { update(blocked: readonly BlockedElement[]): void; destroy(): void } | null = null;
  let loading = false;
  let destroyed = false;

  const unsubscribe = ui.gate.$blocked.subscribe((blocked) => {
    if (placeholders) {
      placeholders.update(blocked);
      return;
    }
    if (loading || !blocked.some((entry) => entry.placeholder)) return;
    loading = true;
    ui.parts('placeholders').then(
      ({ createPlaceholders }) => {
        if (destroyed) return;
        placeholders = createPlaceholders(ui);
        placeholders.update(ui.gate.$blocked.get());
      },
      (error: unknown) => ui.logger.warnOnce('part:placeholders', say('placeholders-failed'), error),
    );
  });
  return () => {
    destroyed = true;
    unsubscribe();
    placeholders?.destroy();
  };
}

function showCookieTables(ui: UiContext, document: Document): () => void {
  let remove: (() => void) | undefined;
  let destroyed = false;
  const stopWaiting = whenParsed(document, () => {
    if (!document.querySelector('[data-consent-cookie-table]')) return;
    ui.parts('cookie-table').then(
      ({ renderCookieTables }) => {
        if (!destroyed) remove = renderCookieTables(document, ui);
      },
      (error: unknown) => ui.logger.warnOnce('part:cookie-table', say('cookie-table-failed'), error),
    );
  });
  return () => {
    destroyed = true;
    stopWaiting();
    remove?.();
  };
}

export function mountPageParts(ui: UiContext, document: Document): () => void {
  const stopPlaceholders = showPlaceholders(ui);
  const stopTables = showCookieTables(ui, document);
  return () => {
    stopPlaceholders();
    stopTables();
  };
}

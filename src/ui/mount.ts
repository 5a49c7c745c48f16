/**
 * Puts the interface on the page: one host element (`#consent-gate`) at the start of `<body>`
 * (keyboard and screen-reader users meet it first, standards A11Y-13) with an open shadow root,
 * placeholders next to blocked embeds, cookie tables, and `data-consent-open` triggers.
 */
import { h, render } from 'preact';
import type { ConsentGate } from '../consent-gate';
import { App } from './app';
import { Context, type UiContext } from './context';
import { renderCookieTables } from './cookie-table';
import { deepActiveElement } from './focus';
import { createPlaceholders } from './placeholder';
import { styleAdopter } from './styles';

export interface MountOptions {
  document: Document;
  nonce?: string;
}

/** Runs `then` once `<body>` exists: at once, or as soon as the parser creates it. */
function whenBody(document: Document, then: () => void): () => void {
  if (document.body) {
    then();
    return () => undefined;
  }
  const observer = new (document.defaultView!.MutationObserver)(() => {
    if (!document.body) return;
    observer.disconnect();
    then();
  });
  observer.observe(document.documentElement, { childList: true });
  return () => observer.disconnect();
}

/**
 * Keeps the focused element clear of the fixed banner (WCAG 2.4.11): the page scrolls focus
 * targets out from under it by the banner's height.
 */
function reserveScrollPadding(host: HTMLElement, gate: ConsentGate, position: 'top' | 'bottom'): () => void {
  const document = host.ownerDocument;
  const root = document.documentElement;
  const property = position === 'top' ? 'scrollPaddingTop' : 'scrollPaddingBottom';
  const original = root.style[property];
  const View = document.defaultView as (Window & typeof globalThis) | null;
  const update = () => {
    const banner = host.shadowRoot?.querySelector('[data-cg="banner"]');
    root.style[property] = banner ? `${banner.getBoundingClientRect().height}px` : original;
  };
  const resize = View && 'ResizeObserver' in View ? new View.ResizeObserver(update) : null;
  const unsubscribe = gate.$surface.subscribe(() => {
    // After Preact rendered the surface.
    queueMicrotask(() => {
      update();
      const banner = host.shadowRoot?.querySelector('[data-cg="banner"]');
      resize?.disconnect();
      if (banner) resize?.observe(banner);
    });
  });
  return () => {
    unsubscribe();
    resize?.disconnect();
    root.style[property] = original;
  };
}

export function mountUi(ui: UiContext, { document, nonce }: MountOptions): () => void {
  const { gate } = ui;
  const opener: { current: HTMLElement | null } = { current: null };
  const adopt = styleAdopter(document, nonce);
  const cleanups: Array<() => void> = [];

  const onClick = (event: Event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (!trigger) return;
    event.preventDefault();
    opener.current = trigger as HTMLElement;
    gate.showPreferences();
  };
  document.addEventListener('click', onClick);
  cleanups.push(() => document.removeEventListener('click', onClick));

  // Focus returns to what had it when the dialog was opened through the API.
  cleanups.push(
    gate.$surface.listen((surface) => {
      if (surface === 'preferences' && !opener.current) opener.current = deepActiveElement(document);
    }),
  );

  cleanups.push(
    whenBody(document, () => {
      const host = document.createElement('div');
      host.id = 'consent-gate';
      const shadow = host.attachShadow({ mode: 'open' });
      adopt(shadow);
      document.body.prepend(host);
      render(h(Context.Provider, { value: ui }, h(App, { opener })), shadow);
      cleanups.push(reserveScrollPadding(host, gate, ui.config.source.position ?? 'bottom'));
      cleanups.push(() => {
        render(null, shadow);
        host.remove();
      });
    }),
  );

  const placeholders = createPlaceholders(ui, adopt);
  cleanups.push(gate.$blocked.subscribe((blocked) => placeholders.update(blocked)), placeholders.destroy);

  const renderTables = () => cleanups.push(renderCookieTables(document, ui));
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', renderTables, { once: true });
    cleanups.push(() => document.removeEventListener('DOMContentLoaded', renderTables));
  } else {
    renderTables();
  }

  return () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  };
}

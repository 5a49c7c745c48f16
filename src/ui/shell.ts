/**
 * Puts the interface on the page: one host element (`#consent-gate`) at the start of `<body>`
 * (keyboard and screen-reader users meet it first, WCAG 1.3.2). The banner is the host's
 * light-DOM child, so crawlers read it (./banner), shown through a slot; an open shadow root holds
 * the settings button, the dialog, the reload notice and the live region. Everything but the
 * banner and the settings button is a part, loaded when the page or the visitor needs it: the
 * dialog on first intent to open it, the reload notice after a withdrawal, placeholders when
 * something blocked wants one, cookie tables when the page has one.
 */
import { createBanner } from './banner';
import type { UiContext } from './context';
import { element } from './dom';
import { deepActiveElement } from './focus';
import { mountPageParts } from './page-parts';
import { reserveScrollPadding } from './scroll-padding';
import { createSettingsButton } from './settings-button';
import { BOX_GAP, WIDE } from './styles/banner';
import type { Surface } from '../types';
import { say } from '../core/wording';

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

/** Mounts the interface; returns the function that removes it. */
export function mountUi(ui: UiContext, document: Document): () => void {
  const { gate } = ui;
  const opener: { current: HTMLElement | null } = { current: null };
  const cleanups: Array<() => void> = [];
  const preloadDialog = () => {
    ui.parts('dialog').catch(() => undefined);
  };

  const onClick = (event: Event) => {
    const trigger = (event.target as Element | null)?.closest?.('[data-consent-open]');
    if (!trigger) return;
    event.preventDefault();
    opener.current = trigger as HTMLElement;
    gate.showPreferences();
  };
  const onPointerOver = (event: Event) => {
    if ((event.target as Element | null)?.closest?.('[data-consent-open]')) preloadDialog();
  };
  document.addEventListener('click', onClick);
  document.addEventListener('pointerover', onPointerOver);
  cleanups.push(() => {
    document.removeEventListener('click', onClick);
    document.removeEventListener('pointerover', onPointerOver);
  });

  // Focus returns to what had it when the dialog was opened through the API.
  cleanups.push(
    gate.$surface.listen((surface) => {
      if (surface === 'preferences' && !opener.current) opener.current = deepActiveElement(document);
    }),
  );

  cleanups.push(
    whenBody(document, () => {
      // lang on the host too: the banner is its light-DOM child (./banner), shown in the slot.
      const host = element(document, 'div', { id: 'consent-gate', lang: ui.language });
      const shadow = host.attachShadow({ mode: 'open' });
      ui.adopt(shadow, ui.baseCss);
      const live = element(document, 'div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite', 'data-cg': 'live' });
      const root = element(document, 'div', { class: 'cg', lang: ui.language, dir: ui.dir, 'data-theme': ui.config.theme }, element(document, 'slot'), live);
      shadow.append(root);
      document.body.prepend(host);
      cleanups.push(showSurfaces(ui, document, host, root, opener, (message) => (live.textContent = message), preloadDialog));
      cleanups.push(offerReload(ui, root));
      cleanups.push(() => host.remove());
    }),
  );

  cleanups.push(mountPageParts(ui, document));
  return () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  };
}

/** Shows what `$surface` asks for: the banner, the dialog, or the settings button. */
function showSurfaces(
  ui: UiContext,
  document: Document,
  host: HTMLElement,
  root: HTMLElement,
  opener: { current: HTMLElement | null },
  announce: (message: string) => void,
  preloadDialog: () => void,
): () => void {
  const { gate, config, logger } = ui;
  let shown: { surface: Surface; remove: () => void } | null = null;
  let dialogWasOpen = false;
  let removed = false;

  const openPreferences = () => {
    opener.current = null;
    gate.showPreferences();
  };
  const closePreferences = () => (gate.get().decided ? gate.hide() : gate.show());

  /** After the dialog: focus goes back to what opened it, or to the banner or settings button. */
  function returnFocus(): void {
    const target = opener.current?.isConnected ? opener.current : (host.querySelector<HTMLElement>('[data-cg="manage"]') ?? root.querySelector<HTMLElement>('[data-cg="settings-button"]'));
    opener.current = null;
    target?.focus();
  }

  /** Shows a surface: the banner in the host's light DOM (for crawlers, ./banner), the rest in the shadow root. */
  function place(surface: Surface, node: HTMLElement | null, reserve?: (node: HTMLElement) => () => void): void {
    shown?.remove();
    if (node) (surface === 'banner' ? host : root).prepend(node);
    // The reload notice keeps to the other edge (./styles/notice).
    if (surface === 'banner') root.setAttribute('data-banner', config.position);
    else root.removeAttribute('data-banner');
    // Reserved only once the surface it replaces has given its reservation back.
    const cleanup = node && reserve ? reserve(node) : () => undefined;
    shown = {
      surface,
      remove: () => {
        cleanup();
        node?.remove();
      },
    };
  }

  function showDialog(): void {
    ui.parts('dialog').then(
      ({ openPreferences: open }) => {
        if (removed || gate.$surface.get() !== 'preferences' || shown?.surface === 'preferences') return;
        shown?.remove();
        const close = open(ui, root, { onClose: closePreferences, onSaved: announce });
        shown = { surface: 'preferences', remove: close };
        dialogWasOpen = true;
      },
      (error: unknown) => {
        // Without the dialog, the banner still offers every choice: withdrawing stays one click.
        logger.warnOnce('part:dialog', say('dialog-failed'), error);
        if (removed || gate.$surface.get() !== 'preferences') return;
        // The banner replaces the control that had focus: focus moves to it, as after a dialog.
        dialogWasOpen = true;
        gate.show();
      },
    );
  }

  function render(surface: Surface): void {
    if (surface === 'preferences') {
      showDialog();
      return;
    }
    if (surface === 'banner') {
      const banner = createBanner(ui, document, { onManage: openPreferences, onIntent: preloadDialog });
      const box = () => config.layout === 'box' && !!document.defaultView?.matchMedia(WIDE).matches;
      place('banner', banner, (node) => reserveScrollPadding(node, config.position, () => (box() ? BOX_GAP : 0)));
    } else {
      // The button sits 12 px above the page's end (base CSS): the room after the page covers that
      // and as much again, so its last links scroll clear of the button.
      const button = config.settingsButton && createSettingsButton(ui, document, openPreferences, preloadDialog);
      place(null, button || null, (node) => reserveScrollPadding(node, 'bottom', () => 24));
    }
    if (dialogWasOpen) {
      dialogWasOpen = false;
      returnFocus();
    }
  }

  render(gate.$surface.get());
  const unsubscribe = gate.$surface.listen(render);
  return () => {
    removed = true;
    unsubscribe();
    shown?.remove();
  };
}

/** The reload notice (a part), once a withdrawal asked for it. */
function offerReload(ui: UiContext, root: HTMLElement): () => void {
  let notice: HTMLElement | null = null;
  let removed = false;
  const unsubscribe = ui.gate.on('reload-required', () => {
    ui.parts('reload-notice').then(
      ({ createReloadNotice }) => {
        if (notice || removed) return;
        notice = createReloadNotice(ui, root, () => {
          notice?.remove();
          notice = null;
        });
        root.append(notice);
      },
      (error: unknown) => ui.logger.warnOnce('part:reload-notice', say('reload-notice-failed'), error),
    );
  });
  return () => {
    removed = true;
    unsubscribe();
    notice?.remove();
  };
}

/**
 * The floating "Cookie settings" control: withdrawing must stay as easy as consenting (GDPR Art.
 * 7(3)), so it is on every page once a decision was made. A compact icon in a bottom corner
 * (`settingsButton.position`), so it covers little of the page on a phone; the shell gives the page
 * room after its end, so the page's last links scroll out from under it. Its accessible name is the
 * localised "Cookie settings" (WCAG 2.5.8: 48×48, above the 44×44 the primary buttons get), shown
 * as a tooltip on hover and on keyboard focus (base CSS): a `title` shows neither on focus nor at
 * once. Escape hides the tooltip, as WCAG 1.4.13 asks of content shown on hover or focus.
 */
import type { UiContext } from './context';
import { element } from './dom';
import { COOKIE, icon } from './icon';

export function createSettingsButton(ui: UiContext, document: Document, onOpen: () => void, onIntent: () => void): HTMLButtonElement {
  const quiet = (on: boolean) => () => button.toggleAttribute('data-quiet', on);
  const button = element(
    document,
    'button',
    {
      type: 'button',
      class: ui.config.settingsButton === 'bottom-right' ? 'settings right' : 'settings',
      'data-cg': 'settings-button',
      'aria-label': ui.texts.settings,
      onclick: onOpen,
      onpointerenter: onIntent,
      onfocus: onIntent,
      onkeydown: (event) => {
        if ((event as KeyboardEvent).key === 'Escape') quiet(true)();
      },
      onblur: quiet(false),
      onpointerleave: quiet(false),
    },
    icon(document, COOKIE),
  );
  return button;
}

/**
 * The floating "Cookie settings" control (contract section 4): withdrawing must stay as easy as
 * consenting, so it is on every page once a decision was made. A compact icon, so it covers
 * little of the page on a phone; its accessible name (and tooltip) is the localised "Cookie
 * settings" (standards A11Y-8: 48×48, above the 44×44 the primary buttons get).
 */
import type { UiContext } from './context';
import { element } from './dom';
import { COOKIE, icon } from './icon';

export function createSettingsButton(ui: UiContext, document: Document, onOpen: () => void, onIntent: () => void): HTMLButtonElement {
  const name = ui.texts.settings;
  return element(
    document,
    'button',
    { type: 'button', class: 'settings', 'data-cg': 'settings-button', 'aria-label': name, title: name, onclick: onOpen, onpointerenter: onIntent, onfocus: onIntent },
    icon(document, COOKIE),
  );
}

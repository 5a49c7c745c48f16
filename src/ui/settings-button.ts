/**
 * The floating "Cookie settings" control (contract section 4): withdrawing must stay as easy as
 * consenting, so it is on every page once a decision was made.
 */
import type { UiContext } from './context';
import { element } from './dom';

export function createSettingsButton(ui: UiContext, document: Document, onOpen: () => void, onIntent: () => void): HTMLButtonElement {
  return element(document, 'button', { type: 'button', class: 'settings', 'data-cg': 'settings-button', onclick: onOpen, onpointerenter: onIntent, onfocus: onIntent }, ui.texts.settings);
}

/**
 * After a withdrawal: scripts that already ran cannot be stopped, so the visitor is offered a
 * reload (contract section 6). The base CSS keeps it clear of the settings button and the banner.
 */
import type { UiContext } from './context';
import { builder } from './dom';

export function createReloadNotice(ui: UiContext, document: Document, onClose: () => void): HTMLElement {
  const h = builder(document);
  const view = document.defaultView!;
  return h(
    'div',
    { class: 'notice', 'data-cg': 'reload-notice' },
    h('p', {}, ui.texts.reloadText),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => view.location.reload() }, ui.texts.reload),
      h('button', { type: 'button', class: 'alt', onclick: onClose }, ui.texts.close),
    ),
  );
}

/**
 * After a withdrawal: scripts that already ran cannot be stopped, so the visitor is offered a
 * reload. The `reload-notice` part: only a visitor who withdraws needs it. Its CSS
 * (./styles/notice) keeps it clear of the settings button and the banner.
 */
import notice from '../i18n/english/notice';
import type { UiContext } from './context';
import { builder } from './dom';
import { NOTICE_CSS } from './styles/notice';

const styled = new WeakSet<ShadowRoot>();

/** The notice, for `root` (inside the interface's shadow root, whose CSS it completes). */
export function createReloadNotice(ui: UiContext, root: HTMLElement, onClose: () => void): HTMLElement {
  const shadow = root.getRootNode() as ShadowRoot;
  if (!styled.has(shadow)) {
    styled.add(shadow);
    ui.adopt(shadow, NOTICE_CSS);
  }
  const document = root.ownerDocument;
  const h = builder(document);
  // English underneath the locale's and the site's texts, as for the other parts.
  const texts = { ...notice, ...ui.texts };
  return h(
    'div',
    { class: 'notice', 'data-cg': 'reload-notice' },
    h('p', {}, texts.reloadText),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => document.defaultView!.location.reload() }, texts.reload),
      h('button', { type: 'button', class: 'alt', onclick: onClose }, texts.close),
    ),
  );
}

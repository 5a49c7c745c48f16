import { afterEach, describe, expect, it } from 'vitest';
import { createReloadNotice } from '../../src/ui/reload-notice';
import { resetPage, setup } from './support';

afterEach(resetPage);

/** A root inside a shadow root, as the shell places the interface. */
function shadowRoot(): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  const root = document.createElement('div');
  host.attachShadow({ mode: 'open' }).append(root);
  return root;
}

describe('the offer to reload after a withdrawal', () => {
  it('says why, and offers to reload or close, in the visitor\u2019s language with English underneath', () => {
    const { ui } = setup({ categories: { analytics: {} } }, { locale: { reload: 'Neu laden' } });
    const notice = createReloadNotice(ui, shadowRoot(), () => undefined);
    const [reload, close] = [...notice.querySelectorAll('button')];
    expect(notice.getAttribute('data-cg')).toBe('reload-notice');
    expect(notice.querySelector('p')!.textContent).toBe('Reload the page to stop the features you switched off.');
    expect(reload!.textContent).toBe('Neu laden');
    expect(close!.textContent).toBe('Close');
  });

  it('closes through the given callback', () => {
    const { ui } = setup();
    let closed = 0;
    const notice = createReloadNotice(ui, shadowRoot(), () => closed++);
    notice.querySelectorAll('button')[1]!.click();
    expect(closed).toBe(1);
  });

  it('adds its stylesheet to a shadow root once, however many notices it shows', () => {
    const { ui } = setup();
    const adopted: unknown[] = [];
    const counting = { ...ui, adopt: (root: ShadowRoot | Document, css: string) => (adopted.push(root), ui.adopt(root, css)) };
    const root = shadowRoot();
    createReloadNotice(counting, root, () => undefined);
    createReloadNotice(counting, root, () => undefined);
    createReloadNotice(counting, shadowRoot(), () => undefined);
    expect(adopted).toHaveLength(2);
  });
});

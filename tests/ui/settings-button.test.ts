import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsButton } from '../../src/ui/settings-button';
import { resetPage, setup } from './support';

afterEach(resetPage);

function button(config = {}, locale = {}) {
  const { ui } = setup({ categories: { analytics: {} }, ...config }, { locale });
  const calls: string[] = [];
  const element = createSettingsButton(ui, document, () => calls.push('open'), () => calls.push('intent'));
  document.body.append(element);
  return { element, calls };
}

describe('the floating cookie settings button', () => {
  it('is a button named by the localised "Cookie settings", with an icon and no visible text', () => {
    const { element } = button({}, { settings: 'Cookie-Einstellungen' });
    expect(element.type).toBe('button');
    expect(element.getAttribute('aria-label')).toBe('Cookie-Einstellungen');
    expect(element.querySelector('svg')).not.toBeNull();
    expect(element.textContent).toBe('');
  });

  it('sits in the configured corner', () => {
    expect(button().element.className).toBe('settings');
    resetPage();
    expect(button({ settingsButton: { position: 'bottom-right' } }).element.className).toBe('settings right');
  });

  it('opens on click, and announces the intent on hover or focus so the dialog can load early', () => {
    const { element, calls } = button();
    element.dispatchEvent(new PointerEvent('pointerenter'));
    element.dispatchEvent(new FocusEvent('focus'));
    element.click();
    expect(calls).toEqual(['intent', 'intent', 'open']);
  });

  it('hides its tooltip on Escape and shows it again on the next hover or focus (WCAG 1.4.13)', () => {
    const { element } = button();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(element.hasAttribute('data-quiet')).toBe(false);
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(element.hasAttribute('data-quiet')).toBe(true);
    element.dispatchEvent(new FocusEvent('blur'));
    expect(element.hasAttribute('data-quiet')).toBe(false);
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    element.dispatchEvent(new PointerEvent('pointerleave'));
    expect(element.hasAttribute('data-quiet')).toBe(false);
  });
});

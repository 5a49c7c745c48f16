import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentGateConfig } from '../../src/types';
import { mount, page, resetPage } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = {
  categories: {
    advertising: {},
    social: { vendors: [{ name: 'YouTube', domains: ['youtube-nocookie.com'] }] },
  },
};

const VIDEO = '<iframe id="video" data-consent="social" data-src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe>';
const MAP = '<iframe id="map" data-consent="social" data-src="https://maps.example.org/embed?q=1"></iframe>';

function placeholderOf(element: Element): HTMLElement | null {
  const before = element.previousElementSibling;
  return before?.getAttribute('data-cg') === 'placeholder' ? (before as HTMLElement) : null;
}

function inPlaceholder(element: Element) {
  const host = placeholderOf(element)!;
  return within(host.shadowRoot! as unknown as HTMLElement);
}

const byId = (id: string) => document.getElementById(id)!;

describe('placeholders for blocked embeds (contract section 4, GDPR-15)', () => {
  it('puts a placeholder right before a blocked iframe, in the page, with an open shadow root', () => {
    page(VIDEO);
    mount(SITE);
    const host = placeholderOf(byId('video'))!;
    expect(host).not.toBeNull();
    expect(host.closest('#consent-gate')).toBeNull();
    expect(host.shadowRoot!.mode).toBe('open');
  });

  it('names the vendor when the host matches a configured vendor domain, and the category', () => {
    page(VIDEO);
    mount(SITE);
    expect(placeholderOf(byId('video'))!.shadowRoot!.textContent).toContain('Content from YouTube is blocked: Social media cookies are not allowed.');
  });

  it('names the host when no configured vendor serves it', () => {
    page(MAP);
    mount(SITE);
    expect(placeholderOf(byId('map'))!.shadowRoot!.textContent).toContain('Content from maps.example.org is blocked: Social media cookies are not allowed.');
  });

  it('offers "Allow {category}" and "Load once" as buttons', () => {
    page(VIDEO);
    mount(SITE);
    const inside = inPlaceholder(byId('video'));
    expect(inside.getByRole('button', { name: 'Allow Social media' }).getAttribute('data-cg')).toBe('placeholder-allow');
    expect(inside.getByRole('button', { name: 'Load once' }).getAttribute('data-cg')).toBe('placeholder-once');
  });

  it('takes the iframe\'s declared size and hides the iframe while it stands in', () => {
    page(VIDEO);
    mount(SITE);
    const host = placeholderOf(byId('video'))!;
    expect(host.style.width).toBe('560px');
    expect(host.style.minHeight).toBe('315px');
    expect(byId('video').style.getPropertyValue('display')).toBe('none');
  });

  it('"Allow {category}" allows that category, records custom, loads the embed and goes away', () => {
    page(VIDEO);
    const { gate } = mount(SITE);
    fireEvent.click(inPlaceholder(byId('video')).getByRole('button', { name: 'Allow Social media' }));
    expect(gate.get()).toMatchObject({ decided: true, method: 'custom', categories: { social: true, advertising: false } });
    const video = byId('video');
    expect(video.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(placeholderOf(video)).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    expect(video.style.getPropertyValue('display')).toBe('');
  });

  it('restores the iframe\'s own inline display when the placeholder goes', () => {
    page('<iframe id="video" style="display: block" data-consent="social" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>');
    const { gate } = mount(SITE);
    expect(byId('video').style.getPropertyValue('display')).toBe('none');
    act(() => gate.set({ social: true }));
    expect(byId('video').style.getPropertyValue('display')).toBe('block');
    expect(byId('video').style.getPropertyPriority('display')).toBe('');
  });

  it('"Load once" loads just that iframe and records nothing', () => {
    page(VIDEO + MAP);
    const { gate, storage } = mount(SITE);
    fireEvent.click(inPlaceholder(byId('video')).getByRole('button', { name: 'Load once' }));
    expect(byId('video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(placeholderOf(byId('video'))).toBeNull();
    expect(byId('map').hasAttribute('src')).toBe(false);
    expect(placeholderOf(byId('map'))).not.toBeNull();
    expect(gate.get()).toMatchObject({ decided: false, categories: { social: false } });
    expect(storage.values).toEqual([]);
  });

  it('draws none for an element with data-consent-placeholder="off"', () => {
    page('<iframe id="quiet" data-consent="social" data-consent-placeholder="off" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>');
    mount(SITE);
    expect(placeholderOf(byId('quiet'))).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
  });

  it('draws one for any gated element marked data-consent-placeholder, not only iframes', () => {
    page('<img id="pixel" data-consent="advertising" data-consent-placeholder data-src="https://ads.example.net/p.gif"><img id="plain" data-consent="advertising" data-src="https://ads.example.net/q.gif">');
    mount(SITE);
    expect(placeholderOf(byId('pixel'))!.shadowRoot!.textContent).toContain('Content from ads.example.net is blocked: Advertising cookies are not allowed.');
    expect(placeholderOf(byId('plain'))).toBeNull();
  });

  it('goes away when the category is allowed from anywhere (the banner, the API)', () => {
    page(VIDEO + MAP);
    const { screen } = mount(SITE);
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(0);
  });

  it('stays while another category the element needs is still denied', () => {
    page('<iframe id="both" data-consent="advertising social" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>');
    const { gate } = mount(SITE);
    act(() => gate.set({ social: true }));
    expect(placeholderOf(byId('both'))!.shadowRoot!.textContent).toContain('Advertising cookies are not allowed.');
  });

  it('comes back when the category is withdrawn (GDPR-11)', () => {
    page(VIDEO);
    const { gate } = mount(SITE);
    act(() => gate.acceptAll());
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    act(() => gate.rejectAll());
    const video = byId('video');
    expect(video.hasAttribute('src')).toBe(false);
    expect(placeholderOf(video)).not.toBeNull();
  });

  it('appears for an embed the page adds later', async () => {
    mount(SITE);
    page(MAP);
    await waitFor(() => expect(placeholderOf(byId('map'))).not.toBeNull());
  });

  it('renders its texts in the interface language', () => {
    page(VIDEO);
    mount(SITE);
    expect(placeholderOf(byId('video'))!.shadowRoot!.querySelector('.placeholder')!.getAttribute('lang')).toBe('en');
  });
});

import { act, fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGateConfig } from '../../src/types';
import { mount, onReset, page, resetPage, setup } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { privacyPolicyUrl: '/privacy', categories: { functional: {}, advertising: {}, social: {} } };

/** Storage holding a decision made on an earlier visit. */
function returningVisitor(config: ConsentGateConfig, decide: (gate: ReturnType<typeof setup>['gate']) => void) {
  const storage = createMemoryStorage();
  const earlier = setup(config, { storage });
  decide(earlier.gate);
  earlier.gate.destroy();
  return storage;
}

describe('the interface as a whole (contract section 10)', () => {
  it('lives in an open shadow root of #consent-gate at the start of <body> (A11Y-13)', () => {
    page('<main><a href="/">Home</a></main>');
    const { host, shadow } = mount(SITE);
    expect(document.body.firstElementChild).toBe(host);
    expect(shadow.mode).toBe('open');
    expect(document.querySelectorAll('#consent-gate')).toHaveLength(1);
  });

  it('brings its styles inside the shadow root', () => {
    const { shadow } = mount(SITE);
    const styled = shadow.adoptedStyleSheets.length > 0 || shadow.querySelector('style') !== null;
    expect(styled).toBe(true);
  });

  it('shows the banner and no settings button on a first visit', () => {
    const { shadow, screen } = mount(SITE);
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
    expect(shadow.querySelector('[data-cg="settings-button"]')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows no banner to a returning visitor whose decision is stored', () => {
    const storage = returningVisitor(SITE, (gate) => gate.rejectAll());
    const { gate, screen } = mount(SITE, { storage });
    expect(gate.get()).toMatchObject({ decided: true, method: 'reject-all' });
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
  });

  it('"Manage preferences" replaces the banner with the dialog', () => {
    const { screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Manage preferences' }));
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  });

  it('returns focus to "Manage preferences" when the dialog closes without a decision (A11Y-2)', () => {
    const { shadow, screen } = mount(SITE);
    const manage = screen.getByRole('button', { name: 'Manage preferences' });
    manage.focus();
    fireEvent.click(manage);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(shadow.activeElement).toBe(screen.getByRole('button', { name: 'Manage preferences' }));
  });

  it('hides the banner after a decision and shows the "Cookie settings" button (GDPR-10)', () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    const settings = screen.getByRole('button', { name: 'Cookie settings' });
    expect(settings.getAttribute('data-cg')).toBe('settings-button');
    expect(shadow.querySelectorAll('[data-cg="settings-button"]')).toHaveLength(1);
  });

  it('opens the dialog from the settings button, and focus returns to it on close (GDPR-10, A11Y-2)', () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    const settings = screen.getByRole('button', { name: 'Cookie settings' });
    settings.focus();
    fireEvent.click(settings);
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Advertising' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(shadow.activeElement).toBe(screen.getByRole('button', { name: 'Cookie settings' }));
  });

  it('shows no settings button with settingsButton: false', () => {
    const { shadow, screen } = mount({ ...SITE, settingsButton: false });
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(shadow.querySelector('[data-cg="settings-button"]')).toBeNull();
  });

  it('opens the dialog from any [data-consent-open] element in the page, and focus returns to it', () => {
    page('<footer><button type="button" id="open"><span>Cookie choices</span></button><a id="link" href="#cookies" data-consent-open>Cookies</a></footer>');
    document.getElementById('open')!.setAttribute('data-consent-open', '');
    const { screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));

    const opener = document.getElementById('open')!;
    opener.focus();
    fireEvent.click(opener.querySelector('span')!);
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(document.activeElement).toBe(opener);

    const link = document.getElementById('link')!;
    const followed = fireEvent.click(link);
    expect(followed).toBe(false); // the link's navigation is prevented
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
  });

  it('opens the dialog from a [data-consent-open] element before any decision too', () => {
    page('<a id="link" href="#" data-consent-open>Cookies</a>');
    const { screen } = mount(SITE);
    fireEvent.click(document.getElementById('link')!);
    expect(screen.getByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
  });

  it('shows the banner again after reset()', () => {
    const { gate, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    act(() => gate.reset());
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('offers a page reload after a category is withdrawn (accept all, then reject all) (GDPR-11)', () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(screen.queryByRole('button', { name: 'Reload page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    const reload = screen.getByRole('button', { name: 'Reload page' });
    expect(reload.closest('.notice')!.textContent).toContain('Reload the page to stop the features you switched off.');
    expect(shadow.querySelector('.notice')).not.toBeNull();
  });

  it('reloads the page from the notice\'s "Reload page" button', () => {
    const reloadPage = vi.spyOn(window.location, 'reload').mockImplementation(() => undefined);
    onReset(() => reloadPage.mockRestore());
    const { gate, screen } = mount(SITE);
    act(() => gate.acceptAll());
    act(() => gate.set({ advertising: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Reload page' }));
    expect(reloadPage).toHaveBeenCalledOnce();
  });

  it('lets the visitor dismiss the reload notice', () => {
    const { shadow, gate } = mount(SITE);
    act(() => gate.acceptAll());
    act(() => gate.rejectAll());
    const notice = shadow.querySelector('.notice')!;
    fireEvent.click(Array.from(notice.querySelectorAll('button')).find((button) => button.textContent === 'Close')!);
    expect(shadow.querySelector('.notice')).toBeNull();
  });

  it('offers no reload when nothing was withdrawn (a first "Reject all")', () => {
    const { screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(screen.queryByRole('button', { name: 'Reload page' })).toBeNull();
  });

  it('sets lang, dir and theme on its root', () => {
    const { shadow } = mount({ ...SITE, theme: 'dark' }, { language: 'de', dir: 'rtl' });
    const root = shadow.querySelector('.cg')!;
    expect(root.getAttribute('lang')).toBe('de');
    expect(root.getAttribute('dir')).toBe('rtl');
    expect(root.getAttribute('data-theme')).toBe('dark');
  });

  it('follows the system colour scheme by default', () => {
    const { shadow } = mount(SITE);
    expect(shadow.querySelector('.cg')!.getAttribute('data-theme')).toBe('auto');
  });
});

describe('texts in the interface (contract section 10)', () => {
  it('uses the site\'s texts.en overrides', () => {
    const { screen } = mount({ ...SITE, texts: { en: { acceptAll: 'Allow everything', bannerTitle: 'Cookies on Example News' } } });
    expect(screen.getByRole('button', { name: 'Allow everything' }).getAttribute('data-cg')).toBe('accept-all');
    expect(screen.getByRole('heading', { name: 'Cookies on Example News' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reject all' })).toBeTruthy();
  });

  it('ignores texts given for another language', () => {
    const { screen } = mount({ ...SITE, texts: { de: { acceptAll: 'Alle akzeptieren' } } });
    expect(screen.getByRole('button', { name: 'Accept all' })).toBeTruthy();
  });

  it('uses a category\'s configured label and description over the built-in ones', () => {
    const { gate, screen } = mount({ categories: { advertising: { label: 'Partner ads', description: 'Ads chosen by our partners.' } } });
    act(() => gate.showPreferences());
    const toggle = screen.getByRole('switch', { name: 'Partner ads' });
    expect(toggle.closest('li')!.textContent).toContain('Ads chosen by our partners.');
    expect(screen.queryByText('Let ad networks show and measure ads, here and elsewhere.')).toBeNull();
  });

  it('renders config and translation strings as text, never HTML (SEC-5)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    page('<iframe id="video" data-consent="social" data-src="https://video.example/embed/1"></iframe>');
    const { gate, shadow, screen } = mount({
      controller: { name: hostile },
      categories: { social: { label: hostile, description: hostile, cookies: [{ name: 'vid', purpose: hostile }], vendors: [{ name: hostile }] } },
      texts: { en: { bannerTitle: hostile, acceptAll: hostile, bannerText: `${hostile} {purposes}` } },
    });
    expect(screen.getByRole('heading', { name: hostile })).toBeTruthy();
    expect(screen.getByRole('button', { name: hostile }).getAttribute('data-cg')).toBe('accept-all');
    expect(shadow.querySelector('img')).toBeNull();

    act(() => gate.showPreferences());
    expect(screen.getByRole('switch', { name: hostile })).toBeTruthy();
    expect(shadow.querySelector('[data-cg="preferences"]')!.textContent).toContain(`Responsible: ${hostile}`);
    expect(shadow.querySelector('img')).toBeNull();

    const placeholder = document.querySelector('[data-cg="placeholder"]')!.shadowRoot!;
    expect(placeholder.textContent).toContain(`${hostile} cookies are not allowed`);
    expect(placeholder.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});

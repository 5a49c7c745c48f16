import { act, fireEvent, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGateConfig } from '../../src/types';
import { mountUi } from '../../src/ui/shell';
import { fakeResizeObserver, mount, onReset, page, partsWithout, resetPage, setup, spiedParts, takeWarnings } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { privacyPolicyUrl: '/privacy', categories: { functional: {}, advertising: {}, social: {} } };
const VIDEO = '<iframe id="video" data-consent="social" data-src="https://video.example/embed/1"></iframe>';

/** Storage holding a decision made on an earlier visit. */
function returningVisitor(config: ConsentGateConfig, decide: (gate: ReturnType<typeof setup>['gate']) => void) {
  const storage = createMemoryStorage();
  const earlier = setup(config, { storage });
  decide(earlier.gate);
  earlier.gate.destroy();
  return storage;
}

/** Lets pending promises (a part that would load) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the interface as a whole', () => {
  it('lives in an open shadow root of #consent-gate at the start of <body> (WCAG 1.3.2)', () => {
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

  it('"Manage preferences" replaces the banner with the dialog', async () => {
    const { screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Manage preferences' }));
    expect(await screen.findByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
  });

  it('returns focus to "Manage preferences" when the dialog closes without a decision (WAI-ARIA APG dialog, WCAG 2.4.3)', async () => {
    const { screen } = mount(SITE);
    const manage = screen.getByRole('button', { name: 'Manage preferences' });
    manage.focus();
    fireEvent.click(manage);
    await screen.findByRole('dialog', { name: 'Cookie preferences' });
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    // The banner is in the host's light DOM (crawlers read it there), so the document holds its focus.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Manage preferences' }));
  });

  it('hides the banner after a decision and shows the "Cookie settings" button (GDPR Art. 7(3))', () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    const settings = screen.getByRole('button', { name: 'Cookie settings' });
    expect(settings.getAttribute('data-cg')).toBe('settings-button');
    expect(shadow.querySelectorAll('[data-cg="settings-button"]')).toHaveLength(1);
  });

  it('opens the dialog from the settings button, and focus returns to it on close (GDPR Art. 7(3); WAI-ARIA APG dialog, WCAG 2.4.3)', async () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    const settings = screen.getByRole('button', { name: 'Cookie settings' });
    settings.focus();
    fireEvent.click(settings);
    expect(await screen.findByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Advertising' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(shadow.activeElement).toBe(screen.getByRole('button', { name: 'Cookie settings' }));
  });

  it('puts the settings button in the corner settingsButton.position names, bottom-left by default', () => {
    const corner = (config: ConsentGateConfig) => {
      const { shadow, screen } = mount(config);
      fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
      const className = shadow.querySelector('[data-cg="settings-button"]')!.className;
      resetPage();
      return className;
    };
    expect(corner(SITE)).toBe('settings');
    expect(corner({ ...SITE, settingsButton: { position: 'bottom-left' } })).toBe('settings');
    expect(corner({ ...SITE, settingsButton: { position: 'bottom-right' } })).toBe('settings right');
  });

  it('gives the page room after its end for the settings button (its height and 24 px), and takes it back with the button', async () => {
    const sizes = fakeResizeObserver();
    const { gate, shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    const button = shadow.querySelector('[data-cg="settings-button"]')!;
    sizes.resize(button, 48);
    expect(document.documentElement.style.paddingBottom).toBe('72px');
    expect(document.documentElement.style.scrollPaddingBottom).toBe('72px');
    act(() => gate.showPreferences());
    await waitFor(() => expect(shadow.querySelector('[data-cg="settings-button"]')).toBeNull());
    expect(document.documentElement.style.paddingBottom).toBe('');
  });

  it('names the settings button by aria-label, shown as a CSS tooltip (no title: it would show a second one); Escape hides the tooltip until the pointer or focus leaves (WCAG 1.4.13)', () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    const button = shadow.querySelector<HTMLElement>('[data-cg="settings-button"]')!;
    expect(button.getAttribute('aria-label')).toBe('Cookie settings');
    expect(button.hasAttribute('title')).toBe(false);
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(button.hasAttribute('data-quiet')).toBe(true);
    fireEvent.blur(button);
    expect(button.hasAttribute('data-quiet')).toBe(false);
  });

  it('shows no settings button with settingsButton: false', () => {
    const { shadow, screen } = mount({ ...SITE, settingsButton: false });
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    expect(shadow.querySelector('[data-cg="settings-button"]')).toBeNull();
  });

  it('opens the dialog from any [data-consent-open] element in the page, and focus returns to it', async () => {
    page('<footer><button type="button" id="open"><span>Cookie choices</span></button><a id="link" href="#cookies" data-consent-open>Cookies</a></footer>');
    document.getElementById('open')!.setAttribute('data-consent-open', '');
    const { screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));

    const opener = document.getElementById('open')!;
    opener.focus();
    fireEvent.click(opener.querySelector('span')!);
    expect(await screen.findByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);

    const link = document.getElementById('link')!;
    const followed = fireEvent.click(link);
    expect(followed).toBe(false); // the link's navigation is prevented
    expect(await screen.findByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
  });

  it('opens the dialog from a [data-consent-open] element before any decision too', async () => {
    page('<a id="link" href="#" data-consent-open>Cookies</a>');
    const { screen } = mount(SITE);
    fireEvent.click(document.getElementById('link')!);
    expect(await screen.findByRole('dialog', { name: 'Cookie preferences' })).toBeTruthy();
  });

  it('shows the banner again after reset()', () => {
    const { gate, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(screen.queryByRole('region', { name: 'Cookie consent' })).toBeNull();
    act(() => gate.reset());
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('offers a page reload after a category is withdrawn (accept all, then reject all) (GDPR Art. 7(3))', async () => {
    const { shadow, screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(screen.queryByRole('button', { name: 'Reload page' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    await screen.findByRole('dialog', { name: 'Cookie preferences' });
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    // The notice is a part: it comes once loaded.
    const reload = await screen.findByRole('button', { name: 'Reload page' });
    expect(reload.closest('[data-cg="reload-notice"]')!.textContent).toContain('Reload the page to stop the features you switched off.');
    expect(shadow.querySelectorAll('[data-cg="reload-notice"]')).toHaveLength(1);
  });

  it('reloads the page from the notice\'s "Reload page" button', async () => {
    const reloadPage = vi.spyOn(window.location, 'reload').mockImplementation(() => undefined);
    onReset(() => reloadPage.mockRestore());
    const { gate, screen } = mount(SITE);
    act(() => gate.acceptAll());
    act(() => gate.set({ advertising: false }));
    expect(reloadPage).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole('button', { name: 'Reload page' }));
    expect(reloadPage).toHaveBeenCalledOnce();
  });

  it('lets the visitor dismiss the reload notice', async () => {
    const { shadow, gate } = mount(SITE);
    act(() => gate.acceptAll());
    act(() => gate.rejectAll());
    const notice = await vi.waitFor(() => {
      const shown = shadow.querySelector('[data-cg="reload-notice"]');
      if (!shown) throw new Error('no reload notice yet');
      return shown;
    });
    fireEvent.click(Array.from(notice.querySelectorAll('button')).find((button) => button.textContent === 'Close')!);
    expect(shadow.querySelector('[data-cg="reload-notice"]')).toBeNull();
  });

  it('offers the reload once, however many withdrawals follow', async () => {
    const { shadow, gate } = mount(SITE);
    act(() => gate.acceptAll());
    act(() => gate.set({ advertising: false }));
    act(() => gate.set({ social: false }));
    await vi.waitFor(() => expect(shadow.querySelector('[data-cg="reload-notice"]')).not.toBeNull());
    // Both withdrawals have had their turn at the part's promise.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shadow.querySelectorAll('[data-cg="reload-notice"]')).toHaveLength(1);
  });

  it('when the reload-notice part cannot be loaded, the withdrawal stands and one warning is logged', async () => {
    const { gate, logger, shadow } = mount(SITE, { parts: partsWithout('reload-notice') });
    act(() => gate.acceptAll());
    act(() => gate.rejectAll());
    await vi.waitFor(() => expect(takeWarnings(logger)).toEqual([[expect.stringMatching(/reload-notice part could not be loaded/), expect.any(Error)]]));
    expect(shadow.querySelector('[data-cg="reload-notice"]')).toBeNull();
    expect(gate.get()).toMatchObject({ decided: true, method: 'reject-all' });
  });

  it('offers no reload when nothing was withdrawn (a first "Reject all")', async () => {
    const { screen } = mount(SITE);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(screen.getByRole('button', { name: 'Cookie settings' })).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(screen.queryByRole('button', { name: 'Reload page' })).toBeNull();
  });

  it('keeps focused elements clear of the banner with scroll padding, and removes it after a decision (WCAG 2.4.11)', () => {
    const sizes = fakeResizeObserver();
    const { screen } = mount({ ...SITE, layout: 'bar' });
    sizes.resize(screen.getByRole('region', { name: 'Cookie consent' }), 140);
    expect(document.documentElement.style.scrollPaddingBottom).toBe('140px');
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    expect(document.documentElement.style.paddingBottom).toBe('');
  });

  it('reserves the box layout\'s gap to the viewport\'s edge as well, on a wide screen', () => {
    const sizes = fakeResizeObserver();
    const { screen } = mount(SITE);
    expect(window.matchMedia('(min-width:601px)').matches).toBe(true);
    sizes.resize(screen.getByRole('region', { name: 'Cookie consent' }), 140);
    expect(document.documentElement.style.scrollPaddingBottom).toBe('156px');
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

describe('the dialog is a part, fetched on the visitor\'s first intent to open it', () => {
  it('is not fetched for a first view, however long the visitor stays', async () => {
    const parts = spiedParts();
    const { screen } = mount(SITE, { parts });
    await settle();
    expect(screen.getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
    expect(parts).not.toHaveBeenCalledWith('dialog');
  });

  it('is fetched when the pointer enters "Manage preferences", before the press', () => {
    const parts = spiedParts();
    const { gate, screen } = mount(SITE, { parts });
    fireEvent.pointerEnter(screen.getByRole('button', { name: 'Manage preferences' }));
    expect(parts).toHaveBeenCalledWith('dialog');
    // Fetching is not opening.
    expect(gate.$surface.get()).toBe('banner');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is fetched when "Manage preferences" gets keyboard focus', () => {
    const parts = spiedParts();
    const { screen } = mount(SITE, { parts });
    fireEvent.focus(screen.getByRole('button', { name: 'Manage preferences' }));
    expect(parts).toHaveBeenCalledWith('dialog');
  });

  it('is fetched when the pointer enters the settings button', () => {
    const storage = returningVisitor(SITE, (gate) => gate.acceptAll());
    const parts = spiedParts();
    const { screen } = mount(SITE, { storage, parts });
    expect(parts).not.toHaveBeenCalledWith('dialog');
    fireEvent.pointerEnter(screen.getByRole('button', { name: 'Cookie settings' }));
    expect(parts).toHaveBeenCalledWith('dialog');
  });

  it('is fetched when the settings button gets keyboard focus', () => {
    const storage = returningVisitor(SITE, (gate) => gate.acceptAll());
    const parts = spiedParts();
    const { screen } = mount(SITE, { storage, parts });
    expect(parts).not.toHaveBeenCalledWith('dialog');
    fireEvent.focus(screen.getByRole('button', { name: 'Cookie settings' }));
    expect(parts).toHaveBeenCalledWith('dialog');
  });

  it('is fetched when the pointer moves over a [data-consent-open] element in the page', () => {
    page('<footer><a id="link" href="#cookies" data-consent-open><span>Cookies</span></a></footer>');
    const parts = spiedParts();
    mount(SITE, { parts });
    expect(parts).not.toHaveBeenCalledWith('dialog');
    fireEvent.pointerOver(document.querySelector('#link span')!);
    expect(parts).toHaveBeenCalledWith('dialog');
  });

  it('when it cannot be loaded, the banner comes back with every choice, and one warning is logged', async () => {
    const { gate, logger, screen } = mount(SITE, { parts: partsWithout('dialog') });
    const manage = screen.getByRole('button', { name: 'Manage preferences' });
    fireEvent.pointerEnter(manage);
    fireEvent.click(manage);
    await waitFor(() => expect(gate.$surface.get()).toBe('banner'));
    expect(screen.queryByRole('dialog')).toBeNull();
    // A second attempt fails the same way and is not reported again.
    fireEvent.click(screen.getByRole('button', { name: 'Manage preferences' }));
    expect(gate.$surface.get()).toBe('preferences');
    await waitFor(() => expect(gate.$surface.get()).toBe('banner'));
    expect(takeWarnings(logger)).toEqual([[expect.stringMatching(/dialog.*could not be loaded.*showing the banner/), expect.any(Error)]]);
    // The banner still records a choice in one click.
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(gate.get()).toMatchObject({ decided: true, method: 'reject-all' });
  });

  it('when it cannot be loaded, the settings button brings back the banner, so withdrawing stays one click', async () => {
    const storage = returningVisitor(SITE, (gate) => gate.acceptAll());
    const { gate, logger, screen } = mount(SITE, { storage, parts: partsWithout('dialog') });
    fireEvent.click(screen.getByRole('button', { name: 'Cookie settings' }));
    const banner = await screen.findByRole('region', { name: 'Cookie consent' });
    expect(takeWarnings(logger)).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(gate.get()).toMatchObject({ method: 'reject-all', categories: { functional: false, advertising: false, social: false } });
    expect(banner.isConnected).toBe(false);
  });

  it('when it cannot be loaded, the banner that comes back leaves no scroll padding behind once it goes (WCAG 2.4.11)', async () => {
    const sizes = fakeResizeObserver();
    const { gate, logger, screen } = mount({ ...SITE, layout: 'bar' }, { parts: partsWithout('dialog') });
    sizes.resize(screen.getByRole('region', { name: 'Cookie consent' }), 140);
    fireEvent.click(screen.getByRole('button', { name: 'Manage preferences' }));
    await waitFor(() => expect(gate.$surface.get()).toBe('banner'));
    takeWarnings(logger);
    sizes.resize(screen.getByRole('region', { name: 'Cookie consent' }), 150);
    expect(document.documentElement.style.scrollPaddingBottom).toBe('150px');
    fireEvent.click(screen.getByRole('button', { name: 'Reject all' }));
    expect(document.documentElement.style.scrollPaddingBottom).toBe('');
    expect(document.documentElement.style.paddingBottom).toBe('');
  });

  it('when it cannot be loaded, keyboard focus stays in the interface, on the banner that replaces it (WAI-ARIA APG dialog, WCAG 2.4.3)', async () => {
    const { gate, logger, screen } = mount(SITE, { parts: partsWithout('dialog') });
    const manage = screen.getByRole('button', { name: 'Manage preferences' });
    manage.focus();
    fireEvent.click(manage);
    await waitFor(() => expect(gate.$surface.get()).toBe('banner'));
    takeWarnings(logger);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Manage preferences' }));
  });
});

describe('mountUi clean-up', () => {
  it('destroy() removes #consent-gate, the placeholders and the cookie tables, and restores the embeds', async () => {
    page(`${VIDEO}<div id="declaration" data-consent-cookie-table></div>`);
    const { host, destroy } = mount({ categories: { social: { cookies: ['vid'] } } });
    expect(host.isConnected).toBe(true);
    await waitFor(() => expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull());
    await waitFor(() => expect(document.querySelector('#declaration table')).not.toBeNull());
    expect(document.getElementById('video')!.style.getPropertyValue('display')).toBe('none');

    destroy();
    expect(document.getElementById('consent-gate')).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    expect(document.querySelector('#declaration table')).toBeNull();
    expect(document.getElementById('video')!.style.getPropertyValue('display')).toBe('');
  });

  it('destroy() before the parts arrive leaves nothing behind when they do', async () => {
    page(`${VIDEO}<div id="declaration" data-consent-cookie-table></div>`);
    const parts = spiedParts();
    const { destroy } = mount({ categories: { social: { cookies: ['vid'] } } }, { parts });
    expect(parts).toHaveBeenCalledWith('placeholders');
    expect(parts).toHaveBeenCalledWith('cookie-table');
    destroy();
    await Promise.all(parts.mock.results.map((result) => result.value));
    await settle();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    expect(document.querySelector('#declaration table')).toBeNull();
    expect(document.getElementById('video')!.style.getPropertyValue('display')).toBe('');
  });

  it('destroy() while the dialog is loading opens nothing when it arrives', async () => {
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    onReset(() => showModal.mockRestore());
    const parts = spiedParts();
    const { gate, shadow, destroy } = mount(SITE, { parts });
    act(() => gate.showPreferences());
    expect(parts).toHaveBeenCalledWith('dialog');
    destroy();
    await Promise.all(parts.mock.results.map((result) => result.value));
    await settle();
    expect(shadow.querySelector('[data-cg="preferences"]')).toBeNull();
    expect(showModal).not.toHaveBeenCalled();
  });

  it('after destroy(), [data-consent-open] elements no longer open anything', () => {
    page('<button id="open" data-consent-open>Cookies</button>');
    const { gate, destroy } = mount(SITE);
    act(() => gate.rejectAll());
    destroy();
    fireEvent.click(document.getElementById('open')!);
    expect(gate.$surface.get()).toBeNull();
  });

  it('waits for <body> when mounted from <head> before the parser created it', async () => {
    const body = document.body;
    body.remove();
    onReset(() => {
      if (!document.body) document.documentElement.append(body);
    });
    const { ui } = setup(SITE);
    onReset(mountUi(ui, document));
    const host = () => document.getElementById('consent-gate');
    expect(host()).toBeNull();
    document.documentElement.append(body);
    await waitFor(() => expect(host()).not.toBeNull());
    expect(document.body.firstElementChild).toBe(host());
  });

  it('reads no layout while it mounts and draws placeholders (no forced layout during parsing)', async () => {
    const reads = [
      vi.spyOn(Element.prototype, 'getBoundingClientRect'),
      vi.spyOn(Element.prototype, 'getClientRects'),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get'),
      vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get'),
    ];
    onReset(() => reads.forEach((read) => read.mockRestore()));
    page('<iframe id="video" data-consent="social" data-src="https://video.example/embed/1" width="560" height="315"></iframe>');
    mount(SITE);
    await waitFor(() => expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull());
    for (const read of reads) expect(read).not.toHaveBeenCalled();
  });
});

describe('texts in the interface', () => {
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

  it('uses the site\'s texts.en overrides in the dialog too, over its own English', async () => {
    const { gate, screen } = mount({ ...SITE, texts: { en: { save: 'Keep my choices', preferencesTitle: 'Your privacy' } } });
    act(() => gate.showPreferences());
    expect(await screen.findByRole('dialog', { name: 'Your privacy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Keep my choices' }).getAttribute('data-cg')).toBe('save');
  });

  it('uses a category\'s configured label and description over the built-in ones', async () => {
    const { gate, screen } = mount({ categories: { advertising: { label: 'Partner ads', description: 'Ads chosen by our partners.' } } });
    act(() => gate.showPreferences());
    const toggle = await screen.findByRole('switch', { name: 'Partner ads' });
    expect(toggle.closest('li')!.textContent).toContain('Ads chosen by our partners.');
    expect(screen.queryByText('Let ad networks show and measure ads, here and elsewhere.')).toBeNull();
  });

  it('renders config and translation strings as text, never HTML (no XSS)', async () => {
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
    expect(await screen.findByRole('switch', { name: hostile })).toBeTruthy();
    expect(shadow.querySelector('[data-cg="preferences"]')!.textContent).toContain(`Responsible: ${hostile}`);
    expect(shadow.querySelector('img')).toBeNull();

    await waitFor(() => expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull());
    const placeholder = document.querySelector('[data-cg="placeholder"]')!.shadowRoot!;
    expect(placeholder.textContent).toContain(`Allow ${hostile}`);
    expect(placeholder.querySelector('img')).toBeNull();
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });
});

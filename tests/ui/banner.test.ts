import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentGateConfig } from '../../src/types';
import { createBanner } from '../../src/ui/banner';
import { resetPage, setup } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { categories: { functional: {}, advertising: {}, social: {} } };

/** The banner as the interface builds it, in the page, with spies for what it asks of the interface. */
function renderBanner(config: ConsentGateConfig) {
  const made = setup(config);
  const onManage = vi.fn();
  const onIntent = vi.fn();
  document.body.append(createBanner(made.ui, document, { onManage, onIntent }));
  const banner = screen.getByRole('region', { name: 'Cookie consent' });
  return { ...made, onManage, onIntent, banner, inBanner: within(banner) };
}

function buttonNames(banner: HTMLElement): string[] {
  return within(banner)
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('banner, opt-in mode', () => {
  it('is a region landmark named "Cookie consent" (WCAG 4.1.2)', () => {
    const { banner } = renderBanner(SITE);
    expect(banner.getAttribute('data-cg')).toBe('banner');
    expect(banner.localName).toBe('section');
  });

  it('offers "Accept all", "Reject all" and "Manage preferences" as buttons side by side on the first layer (EDPB cookie banner taskforce)', () => {
    const { banner, inBanner } = renderBanner(SITE);
    expect(buttonNames(banner)).toEqual(['Accept all', 'Reject all', 'Manage preferences']);
    const accept = inBanner.getByRole('button', { name: 'Accept all' });
    const reject = inBanner.getByRole('button', { name: 'Reject all' });
    expect(accept.getAttribute('data-cg')).toBe('accept-all');
    expect(reject.getAttribute('data-cg')).toBe('reject-all');
    expect(inBanner.getByRole('button', { name: 'Manage preferences' }).getAttribute('data-cg')).toBe('manage');
    // Same element, same container, same class: equal size and weight come from the same CSS.
    expect(accept.parentElement).toBe(reject.parentElement);
    expect(accept.className).toBe(reject.className);
    expect(banner.querySelector('[data-cg="acknowledge"]')).toBeNull();
  });

  it('gives every button an accessible name equal to its visible text (WCAG 2.5.3)', () => {
    const { inBanner } = renderBanner({ ...SITE, closeButton: true });
    for (const button of inBanner.getAllByRole('button')) {
      expect(inBanner.getByRole('button', { name: button.textContent! })).toBe(button);
    }
  });

  it('says what the cookies of the configured categories are for', () => {
    const { banner } = renderBanner(SITE);
    expect(banner.textContent).toContain('cookies for site features, advertising, and social media features.');
  });

  it('lists only the purposes of the categories the site configured', () => {
    const { banner } = renderBanner({ categories: { analytics: {} } });
    expect(banner.textContent).toContain('cookies for usage statistics.');
    expect(banner.textContent).not.toContain('advertising');
    expect(banner.textContent).not.toContain('social media features');
  });

  it('names a custom category by its configured label in lower case', () => {
    const { banner } = renderBanner({ categories: { chat: { label: 'Live Chat' }, advertising: {} } });
    expect(banner.textContent).toContain('cookies for live chat and advertising.');
  });

  it('says that ad and social networks are involved and how to change or withdraw the choice later (GDPR Art. 13)', () => {
    const { banner } = renderBanner(SITE);
    expect(banner.textContent).toContain('We and our partners, including ad and social networks, would like');
    expect(banner.textContent).toContain('You can change or withdraw your choice at any time in “Cookie settings”.');
  });

  it('links the privacy policy when privacyPolicyUrl is set, with that href', () => {
    const { inBanner } = renderBanner({ ...SITE, privacyPolicyUrl: '/privacy' });
    expect(inBanner.getByRole('link', { name: 'Privacy policy' }).getAttribute('href')).toBe('/privacy');
  });

  it('has no privacy link when privacyPolicyUrl is not set', () => {
    const { inBanner } = renderBanner(SITE);
    expect(inBanner.queryByRole('link')).toBeNull();
  });

  it('"Accept all" allows every optional category in one click, recorded as accept-all', () => {
    const { gate, inBanner } = renderBanner(SITE);
    fireEvent.click(inBanner.getByRole('button', { name: 'Accept all' }));
    expect(gate.get()).toMatchObject({
      decided: true,
      method: 'accept-all',
      categories: { necessary: true, functional: true, advertising: true, social: true },
    });
    expect(gate.$surface.get()).toBeNull();
  });

  it('"Reject all" denies every optional category in one click, recorded as reject-all (EDPB cookie banner taskforce)', () => {
    const { gate, storage, inBanner } = renderBanner(SITE);
    fireEvent.click(inBanner.getByRole('button', { name: 'Reject all' }));
    expect(gate.get()).toMatchObject({
      decided: true,
      method: 'reject-all',
      categories: { necessary: true, functional: false, advertising: false, social: false },
    });
    expect(storage.values).toHaveLength(1);
    expect(gate.$surface.get()).toBeNull();
  });

  it('"Manage preferences" asks for the dialog and records nothing', () => {
    const { gate, storage, onManage, inBanner } = renderBanner(SITE);
    fireEvent.click(inBanner.getByRole('button', { name: 'Manage preferences' }));
    expect(onManage).toHaveBeenCalledOnce();
    expect(gate.get().decided).toBe(false);
    expect(storage.values).toEqual([]);
  });

  it('"Manage preferences" signals intent on hover and on focus, so the dialog can be fetched before the press', () => {
    const { gate, storage, onManage, onIntent, inBanner } = renderBanner(SITE);
    const manage = inBanner.getByRole('button', { name: 'Manage preferences' });
    expect(onIntent).not.toHaveBeenCalled();
    fireEvent.pointerEnter(manage);
    expect(onIntent).toHaveBeenCalledTimes(1);
    fireEvent.focus(manage);
    expect(onIntent).toHaveBeenCalledTimes(2);
    // Intent is not a choice: nothing opens and nothing is recorded.
    expect(onManage).not.toHaveBeenCalled();
    expect(gate.get().decided).toBe(false);
    expect(storage.values).toEqual([]);
  });

  it('signals no intent from the other buttons', () => {
    const { onIntent, inBanner } = renderBanner({ ...SITE, closeButton: true });
    for (const name of ['Accept all', 'Reject all', 'Continue without accepting']) {
      const button = inBanner.getByRole('button', { name });
      fireEvent.pointerEnter(button);
      fireEvent.focus(button);
    }
    expect(onIntent).not.toHaveBeenCalled();
  });

  it('has no "Continue without accepting" unless closeButton is true', () => {
    const { banner } = renderBanner(SITE);
    expect(banner.querySelector('[data-cg="continue"]')).toBeNull();
    expect(banner.textContent).not.toContain('Continue without accepting');
  });

  it('closeButton: "Continue without accepting" records reject-all in opt-in mode (GDPR Recital 32)', () => {
    const { gate, inBanner } = renderBanner({ ...SITE, closeButton: true });
    const button = inBanner.getByRole('button', { name: 'Continue without accepting' });
    expect(button.getAttribute('data-cg')).toBe('continue');
    fireEvent.click(button);
    expect(gate.get()).toMatchObject({ decided: true, method: 'reject-all', categories: { functional: false, advertising: false, social: false } });
  });

  it('sits at the bottom by default and at the top with position: "top"', () => {
    expect(renderBanner(SITE).banner.classList.contains('bottom')).toBe(true);
    resetPage();
    const { banner } = renderBanner({ ...SITE, position: 'top' });
    expect(banner.classList.contains('top')).toBe(true);
    expect(banner.classList.contains('bottom')).toBe(false);
  });

  it('renders for a custom category whose id is also an Object.prototype member ("constructor")', () => {
    // "constructor" matches the category id pattern, so the config is valid; the banner must
    // still render and name it.
    const { banner } = renderBanner({ categories: { constructor: { label: 'Constructor' } } });
    expect(banner.textContent).toContain('cookies for constructor.');
  });
});

describe('banner, opt-out mode', () => {
  const OPT_OUT: ConsentGateConfig = { mode: 'opt-out', categories: { functional: {}, analytics: { default: false }, advertising: {}, social: {} } };

  it('offers "Got it", the one-click opt-out and "Manage preferences", and no "Accept all"', () => {
    const { banner, inBanner } = renderBanner(OPT_OUT);
    expect(buttonNames(banner)).toEqual(['Got it', 'Do not sell or share my personal information', 'Manage preferences']);
    expect(inBanner.getByRole('button', { name: 'Got it' }).getAttribute('data-cg')).toBe('acknowledge');
    expect(inBanner.getByRole('button', { name: 'Do not sell or share my personal information' }).getAttribute('data-cg')).toBe('reject-all');
    expect(banner.querySelector('[data-cg="accept-all"]')).toBeNull();
  });

  it('is a region landmark named "Cookie consent" in opt-out mode too (WCAG 4.1.2)', () => {
    expect(renderBanner(OPT_OUT).banner.getAttribute('data-cg')).toBe('banner');
  });

  it('shows the notice text with the purposes, and describes "Got it" by it (WCAG 2.5.3)', () => {
    const { banner, inBanner } = renderBanner(OPT_OUT);
    const got = inBanner.getByRole('button', { name: 'Got it' });
    const text = banner.querySelector(`#${got.getAttribute('aria-describedby')}`)!;
    expect(text.textContent).toContain('use cookies for site features, usage statistics, advertising, and social media features, and may sell or share your personal information. You can opt out at any time');
  });

  it('"Do not sell or share my personal information" denies every optional category, recorded as reject-all', () => {
    const { gate, inBanner } = renderBanner(OPT_OUT);
    expect(gate.get().categories).toMatchObject({ functional: true, advertising: true, social: true });
    fireEvent.click(inBanner.getByRole('button', { name: 'Do not sell or share my personal information' }));
    expect(gate.get()).toMatchObject({
      decided: true,
      method: 'reject-all',
      categories: { necessary: true, functional: false, analytics: false, advertising: false, social: false },
    });
  });

  it('"Got it" keeps the current state, recorded as acknowledge', () => {
    const { gate, inBanner } = renderBanner(OPT_OUT);
    fireEvent.click(inBanner.getByRole('button', { name: 'Got it' }));
    expect(gate.get()).toMatchObject({
      decided: true,
      method: 'acknowledge',
      categories: { necessary: true, functional: true, analytics: false, advertising: true, social: true },
    });
  });

  it('"Got it" never grants a category that was denied', () => {
    const { gate, inBanner } = renderBanner({ mode: 'opt-out', categories: { analytics: { default: false }, advertising: { default: false } } });
    fireEvent.click(inBanner.getByRole('button', { name: 'Got it' }));
    expect(gate.get().categories).toEqual({ necessary: true, analytics: false, advertising: false });
  });

  it('closeButton: "Continue without accepting" records acknowledge in opt-out mode and keeps the state', () => {
    const { gate, inBanner } = renderBanner({ ...OPT_OUT, closeButton: true });
    fireEvent.click(inBanner.getByRole('button', { name: 'Continue without accepting' }));
    expect(gate.get()).toMatchObject({ method: 'acknowledge', categories: { functional: true, analytics: false, advertising: true } });
  });
});

describe('banner on a site with only necessary cookies', () => {
  for (const mode of ['opt-in', 'opt-out'] as const) {
    it(`is a plain notice with only "Got it" in ${mode} mode`, () => {
      const { gate, banner, inBanner } = renderBanner({ mode });
      expect(buttonNames(banner)).toEqual(['Got it']);
      expect(banner.textContent).toContain('This site only uses the cookies it needs to work.');
      expect(banner.querySelector('[data-cg="manage"]')).toBeNull();
      const got = inBanner.getByRole('button', { name: 'Got it' });
      expect(got.getAttribute('data-cg')).toBe('acknowledge');
      fireEvent.click(got);
      expect(gate.get()).toMatchObject({ decided: true, method: 'acknowledge', categories: { necessary: true } });
    });
  }

  it('counts an explicitly configured necessary category as necessary-only', () => {
    const { banner } = renderBanner({ categories: { necessary: { cookies: ['session'] } } });
    expect(buttonNames(banner)).toEqual(['Got it']);
  });
});

describe('banner, the third parties it names (GDPR Art. 13(1)(e))', () => {
  const vendor = (name: string) => ({ name, domains: [] });
  const withVendors = (...names: string[][]): ConsentGateConfig => ({
    categories: { analytics: { vendors: (names[0] ?? []).map(vendor) }, advertising: { vendors: (names[1] ?? []).map(vendor) } },
  });

  it('names up to three vendors of the optional categories in place of the general words', () => {
    expect(renderBanner(withVendors(['Google'])).banner.textContent).toContain('We and our partners, including Google, would like');
    resetPage();
    expect(renderBanner(withVendors(['Google'], ['Meta'])).banner.textContent).toContain('including Google and Meta, would like');
    resetPage();
    expect(renderBanner(withVendors(['Google', 'Hotjar'], ['Meta'])).banner.textContent).toContain('including Google, Hotjar, and Meta, would like');
  });

  it('names each vendor once, in config order, and not the vendors of necessary', () => {
    const { banner } = renderBanner({
      categories: { necessary: { vendors: [vendor('Stripe')] }, analytics: { vendors: [vendor('Google')] }, advertising: { vendors: [vendor('Google'), vendor('Meta')] } },
    });
    expect(banner.textContent).toContain('including Google and Meta, would like');
    expect(banner.textContent).not.toContain('Stripe');
  });

  it('from four vendors on, names two and "N others", and one press lists the others in place', () => {
    const { banner, inBanner } = renderBanner(withVendors(['Google', 'Hotjar'], ['Meta', 'TikTok', 'Criteo']));
    const more = inBanner.getByRole('button', { name: '3 others' });
    expect(banner.textContent).toContain('including Google, Hotjar, and 3 others, would like');
    expect(more.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(banner.textContent).toContain('including Google, Hotjar, and 3 others (Meta, TikTok, and Criteo), would like');
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(banner.textContent).not.toContain('Criteo');
  });

  it('joins the names the way the visitor\u2019s language does', () => {
    const { banner } = renderBanner({ ...withVendors(['Google'], ['Meta', 'TikTok', 'Criteo']), language: 'en', texts: { en: { others: '{n} more' } } });
    expect(banner.textContent).toContain('including Google, Meta, and 2 more');
  });

  it('keeps a site\u2019s own banner text without {partners} as it is', () => {
    const { banner } = renderBanner({ ...withVendors(['Google']), texts: { en: { bannerText: 'Our own words about {purposes}.' } } });
    expect(banner.textContent).toContain('Our own words about usage statistics and advertising.');
    expect(banner.textContent).not.toContain('Google');
  });

  it('fills {partners} once even when a category label contains the placeholder itself', () => {
    const { banner } = renderBanner({ categories: { chat: { label: 'Chat {partners}', vendors: [vendor('Intercom')] } } });
    expect(banner.textContent).toContain('including Intercom, would like to use cookies for chat {partners}.');
  });

  it('renders vendor names as text, never as markup (no XSS)', () => {
    const { banner } = renderBanner(withVendors(['<img src=x onerror=alert(1)>']));
    expect(banner.querySelector('img')).toBeNull();
    expect(banner.textContent).toContain('including <img src=x onerror=alert(1)>, would like');
  });
});

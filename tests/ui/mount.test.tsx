import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentGate } from '../../src/consent-gate';
import { startConsentGate, type ConsentGateOptions } from '../../src/create-consent-gate';
import type { LocaleLoader } from '../../src/i18n/load-locale';
import type { Texts } from '../../src/i18n/locales/en';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGateConfig } from '../../src/types';
import { recordingLogger } from '../support/logger';
import { mountUi } from '../../src/ui/mount';
import { mount, onReset, page, resetPage, setup } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { categories: { functional: {}, social: {} } };
const VIDEO = '<iframe id="video" data-consent="social" data-src="https://video.example/embed/1"></iframe>';

const host = () => document.getElementById('consent-gate');
const shadowQueries = () => within(host()!.shadowRoot! as unknown as HTMLElement);

/** The full factory with memory storage and a loader the test controls. */
function start(config: ConsentGateConfig, loader: LocaleLoader = () => Promise.resolve({}), options: ConsentGateOptions = {}): ConsentGate {
  let gate!: ConsentGate;
  act(() => {
    gate = startConsentGate(config, { storage: createMemoryStorage(), document, logger: recordingLogger(), ...options }, loader);
  });
  onReset(() => gate.destroy());
  return gate;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('mountUi clean-up', () => {
  it('destroy() removes #consent-gate, the placeholders and the cookie tables, and restores the embeds', () => {
    page(`${VIDEO}<div id="declaration" data-consent-cookie-table></div>`);
    const { destroy } = mount({ categories: { social: { cookies: ['vid'] } } });
    expect(host()).not.toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull();
    expect(document.querySelector('#declaration table')).not.toBeNull();

    destroy();
    expect(host()).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    expect(document.querySelector('#declaration table')).toBeNull();
    expect(document.getElementById('video')!.style.getPropertyValue('display')).toBe('');
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
    onReset(mountUi(ui, { document }));
    expect(host()).toBeNull();
    document.documentElement.append(body);
    await waitFor(() => expect(host()).not.toBeNull());
    expect(document.body.firstElementChild).toBe(host());
  });
});

describe('startConsentGate: the core with its interface', () => {
  it('shows the English interface at once', () => {
    start(SITE);
    expect(shadowQueries().getByRole('region', { name: 'Cookie consent' })).toBeTruthy();
  });

  it('shows the page\'s language from locales given up front, without loading', () => {
    document.documentElement.lang = 'de';
    const loader = vi.fn<LocaleLoader>();
    start(SITE, loader, { locales: { de: { acceptAll: 'Alle akzeptieren', bannerLabel: 'Cookie-Einwilligung' } } });
    const region = shadowQueries().getByRole('region', { name: 'Cookie-Einwilligung' });
    expect(within(region).getByRole('button', { name: 'Alle akzeptieren' })).toBeTruthy();
    expect(host()!.shadowRoot!.querySelector('.cg')!.getAttribute('lang')).toBe('de');
    expect(loader).not.toHaveBeenCalled();
  });

  it('shows nothing until a missing locale has loaded: no flash of English', async () => {
    const locale = deferred<Partial<Texts>>();
    const loader = vi.fn<LocaleLoader>(() => locale.promise);
    start({ ...SITE, language: 'fr' }, loader);
    expect(loader).toHaveBeenCalledWith('fr');
    expect(host()).toBeNull();
    locale.resolve({ rejectAll: 'Tout refuser' });
    await waitFor(() => expect(host()).not.toBeNull());
    expect(shadowQueries().getByRole('button', { name: 'Tout refuser' })).toBeTruthy();
  });

  it('falls back to English, with a warning, when the locale cannot be loaded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    onReset(() => warn.mockRestore());
    start({ ...SITE, language: 'ja' }, () => Promise.reject(new Error('offline')));
    await waitFor(() => expect(host()).not.toBeNull());
    expect(shadowQueries().getByRole('button', { name: 'Accept all' })).toBeTruthy();
    expect(warn).toHaveBeenCalledWith('[consent-gate]', expect.stringContaining('"ja"'), expect.any(Error));
  });

  it('mounts nothing when destroyed before the locale arrives', async () => {
    const locale = deferred<Partial<Texts>>();
    const gate = start({ ...SITE, language: 'es' }, () => locale.promise);
    gate.destroy();
    locale.resolve({});
    await locale.promise;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host()).toBeNull();
  });

  it('follows a right-to-left page', () => {
    document.documentElement.dir = 'rtl';
    start(SITE);
    expect(host()!.shadowRoot!.querySelector('.cg')!.getAttribute('dir')).toBe('rtl');
  });

  it('destroy() removes #consent-gate and the placeholders', () => {
    page(VIDEO);
    const gate = start(SITE);
    expect(host()).not.toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull();
    gate.destroy();
    expect(host()).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
  });
});

import { act, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConsentGate } from '../src/consent-gate';
import { startConsentGate, type ConsentGateOptions } from '../src/create-consent-gate';
import * as activation from '../src/gating/activation';
import type { LocaleLoader } from '../src/i18n/load-locale';
import type { Texts } from '../src/i18n/locales/en';
import type { PartLoader } from '../src/parts/loader';
import { createMemoryStorage } from '../src/storage/decision-storage';
import { TEXT_KEYS } from '../src/config/text-keys';
import type { ConsentGateConfig } from '../src/types';
import { npmParts } from '../src/ui/npm-parts';
import { checkedLogger, interfaceQueries, onReset, page, resetPage, spiedParts, takeWarnings } from './ui/support';

afterEach(resetPage);

const SITE: ConsentGateConfig = { categories: { functional: {}, social: {} } };
const VIDEO = '<iframe id="video" data-consent="social" data-src="https://video.example/embed/1"></iframe>';

const host = () => document.getElementById('consent-gate');
const shadowQueries = () => interfaceQueries(host()!);

/** The full factory with memory storage, the npm build's parts and a locale loader the test controls. */
function start(config: ConsentGateConfig, loadLocale: LocaleLoader = () => Promise.resolve({}), options: ConsentGateOptions = {}, parts: PartLoader = npmParts()) {
  const logger = checkedLogger();
  let gate!: ConsentGate;
  act(() => {
    gate = startConsentGate(config, { storage: createMemoryStorage(), document, logger, ...options }, { loadLocale, parts, activation });
  });
  onReset(() => gate.destroy());
  return { gate, logger };
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
    const { logger } = start({ ...SITE, language: 'ja' }, () => Promise.reject(new Error('offline')));
    await waitFor(() => expect(host()).not.toBeNull());
    expect(shadowQueries().getByRole('button', { name: 'Accept all' })).toBeTruthy();
    expect(takeWarnings(logger)).toEqual([[expect.stringContaining('"ja"'), expect.any(Error)]]);
  });

  it('warns about a language with no built-in locale, naming the built-in ones, and shows the page\'s language', async () => {
    const { logger } = start({ ...SITE, language: 'pl' });
    expect(shadowQueries().getByRole('button', { name: 'Accept all' })).toBeTruthy();
    await waitFor(() => expect(logger.warnings).toHaveLength(1));
    const [message] = takeWarnings(logger)[0]!;
    expect(message).toContain('"language": "pl" has no built-in locale (built in: en, es, it, de, pt, fr, ru, ja)');
    expect(message).toContain('bannerLabel, bannerTitle');
  });

  it('shows a language the site wrote every text for, without a warning', async () => {
    const pl = Object.fromEntries(TEXT_KEYS.map((key) => [key, `pl:${key}`]));
    const parts = spiedParts();
    start({ ...SITE, language: 'pl', texts: { pl } }, undefined, {}, parts);
    expect(shadowQueries().getByRole('button', { name: 'pl:acceptAll' })).toBeTruthy();
    expect(host()!.shadowRoot!.querySelector('.cg')!.getAttribute('lang')).toBe('pl');
    await waitFor(() => expect(parts).toHaveBeenCalledWith('messages'));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

  it('mounts nothing when destroyed before the locale arrives', async () => {
    const locale = deferred<Partial<Texts>>();
    const { gate } = start({ ...SITE, language: 'es' }, () => locale.promise);
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

  it('destroy() removes #consent-gate and the placeholders', async () => {
    page(VIDEO);
    const { gate } = start(SITE);
    expect(host()).not.toBeNull();
    await waitFor(() => expect(document.querySelector('[data-cg="placeholder"]')).not.toBeNull());
    gate.destroy();
    expect(host()).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
  });

  it('classify() reads the cookie catalogue from its part, and resolves (a promise: the catalogue loads on demand)', async () => {
    const parts = spiedParts();
    const { gate } = start({ categories: { advertising: { cookies: ['_fbp'] } } }, undefined, {}, parts);
    await expect(gate.classify('_fbp')).resolves.toMatchObject({ vendor: 'Meta' });
    expect(parts).toHaveBeenCalledWith('catalogue');
  });
});

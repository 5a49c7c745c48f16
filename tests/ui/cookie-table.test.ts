import { waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentGateConfig } from '../../src/types';
import { renderCookieTables } from '../../src/ui/cookie-table';
import { mount, onReset, page, resetPage, setup } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = {
  categories: {
    necessary: { cookies: [{ name: 'session', purpose: 'Keeps you signed in', lifetime: 'Session', provider: 'Example News' }] },
    analytics: { cookies: ['/^_ga_/', { name: '_ga', purpose: 'Visitor ID', lifetime: '2 years' }] },
    advertising: { label: 'Partner ads', cookies: ['_fbp', { name: 'ad_pref', provider: 'Our ad server' }, 'unknown_ad'] },
  },
};

function rows(table: HTMLElement): string[][] {
  return Array.from(table.querySelectorAll('tbody tr'), (row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? ''));
}

/** Mounts the interface on a page with a declaration and waits for the table (a part, drawn once the catalogue is at hand). */
async function mountedTable(config: ConsentGateConfig = SITE): Promise<HTMLElement> {
  page('<main><h2>Cookies we use</h2><div id="declaration" data-consent-cookie-table></div></main>');
  mount(config);
  return within(document.getElementById('declaration')!).findByRole('table');
}

/** The table `renderCookieTables` drew into `#declaration`, once it is there. */
async function drawnTable(): Promise<HTMLElement> {
  return within(document.getElementById('declaration')!).findByRole('table');
}

describe('cookie declaration table', () => {
  it('renders a table into [data-consent-cookie-table] with category, cookie, provider, purpose and lifetime columns', async () => {
    const table = await mountedTable();
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Category', 'Cookie', 'Provider', 'Purpose', 'Lifetime']);
    expect(table.closest('#consent-gate')).toBeNull();
  });

  it('lists every declared cookie from the config, category by category, necessary first', async () => {
    expect(rows(await mountedTable())).toEqual([
      ['Necessary', 'consent_gate', location.hostname, 'Remembers your cookie choice.', '182 days'],
      ['Necessary', 'session', 'Example News', 'Keeps you signed in', 'Session'],
      ['Analytics', '_ga_*', '', '', ''],
      ['Analytics', '_ga', 'Google Analytics', 'Visitor ID', '2 years'],
      ['Partner ads', '_fbp', 'Meta', '', ''],
      ['Partner ads', 'ad_pref', 'Our ad server', '', ''],
      ['Partner ads', 'unknown_ad', '', '', ''],
    ]);
  });

  it('falls back to the built-in catalogue\'s vendor for the provider (_fbp → Meta), the config winning', async () => {
    const table = await mountedTable({ categories: { advertising: { cookies: ['_fbp', { name: '_gcl_au', provider: 'Our agency' }] } } });
    expect(rows(table).map((row) => [row[1], row[2]])).toEqual([
      ['consent_gate', location.hostname],
      ['_fbp', 'Meta'],
      ['_gcl_au', 'Our agency'],
    ]);
  });

  it('shows regex names in a readable form (/^_ga_/ → _ga_*)', async () => {
    const cell = within(await mountedTable()).getByText('_ga_*');
    expect(cell.localName).toBe('code');
  });

  it('renders into every marked element on the page', async () => {
    page('<div id="one" data-consent-cookie-table></div><footer><div id="two" data-consent-cookie-table></div></footer>');
    mount(SITE);
    await waitFor(() => expect(document.querySelectorAll('#one table, #two table')).toHaveLength(2));
    expect(rows(document.querySelector<HTMLElement>('#two table')!)).toEqual(rows(document.querySelector<HTMLElement>('#one table')!));
  });

  it('lists only the consent cookie for a site that declares no cookies', async () => {
    expect(rows(await mountedTable({ categories: { advertising: {} } })).map((row) => row[1])).toEqual(['consent_gate']);
  });

  it('lists the library\'s own consent cookie as necessary, with its configured name, the controller as provider, its purpose and lifetime', async () => {
    const table = await mountedTable({ controller: { name: 'Example News Ltd' }, cookie: { name: 'site_consent', days: 30 }, categories: { analytics: { cookies: ['_ga'] } } });
    expect(rows(table)).toEqual([
      ['Necessary', 'site_consent', 'Example News Ltd', 'Remembers your cookie choice.', '30 days'],
      ['Analytics', '_ga', 'Google Analytics', '', ''],
    ]);
  });

  it('keeps the site\'s own declaration of the consent cookie instead of adding a second row', async () => {
    const table = await mountedTable({ categories: { necessary: { cookies: [{ name: 'consent_gate', purpose: 'Stores consent', lifetime: '6 months' }] } } });
    expect(rows(table)).toEqual([['Necessary', 'consent_gate', '', 'Stores consent', '6 months']]);
  });

  it.each([
    ['de', '182 Tage'],
    ['es', '182 días'],
    ['fr', '182 jours'],
    ['it', '182 giorni'],
    ['ja', '182 日'],
    ['pt', '182 dias'],
    ['ru', '182 дня'],
  ])('names the consent cookie\'s purpose and lifetime in %s', async (language, lifetime) => {
    const locale = (await import(`../../src/i18n/locales/${language}.ts`)) as { default: Record<string, string> };
    page('<div id="declaration" data-consent-cookie-table></div>');
    const { ui } = setup({}, { language, locale: locale.default });
    onReset(renderCookieTables(document, ui));
    // Intl puts a no-break space between number and unit in some languages ("182 jours").
    const row = rows(await drawnTable())[0]!.map((cell) => cell.replace(/\s/g, ' '));
    expect(row).toEqual([locale.default['necessary'], 'consent_gate', location.hostname, locale.default['choiceCookie'], lifetime]);
    expect(row[3]).not.toBe('Remembers your cookie choice.');
  });

  it('renders config strings as text, never HTML (no XSS)', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const table = await mountedTable({ categories: { advertising: { label: hostile, cookies: [{ name: 'ad', purpose: hostile, provider: hostile, lifetime: hostile }] } } });
    expect(table.querySelector('img')).toBeNull();
    expect(rows(table)[1]).toEqual([hostile, 'ad', hostile, hostile, hostile]);
  });

  it('uses the interface language\'s texts for its headings and category names', async () => {
    page('<div id="declaration" data-consent-cookie-table></div>');
    const { ui } = setup({ categories: { advertising: { cookies: ['_fbp'] } } }, { language: 'de', locale: { category: 'Kategorie', cookie: 'Cookie', provider: 'Anbieter', purpose: 'Zweck', lifetime: 'Laufzeit', advertising: 'Werbung' } });
    onReset(renderCookieTables(document, ui));
    const table = await drawnTable();
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Kategorie', 'Cookie', 'Anbieter', 'Zweck', 'Laufzeit']);
    expect(rows(table)[1]![0]).toBe('Werbung');
  });

  it('shows its English headings although the first view\'s texts do not carry them', async () => {
    page('<div id="declaration" data-consent-cookie-table></div>');
    const { ui } = setup(SITE);
    expect(ui.texts).not.toHaveProperty('category');
    onReset(renderCookieTables(document, ui));
    const table = await drawnTable();
    expect(within(table).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Category', 'Cookie', 'Provider', 'Purpose', 'Lifetime']);
  });

  it('removes the tables again when its clean-up runs', async () => {
    page('<div id="declaration" data-consent-cookie-table></div>');
    const { ui } = setup(SITE);
    const remove = renderCookieTables(document, ui);
    await drawnTable();
    remove();
    expect(document.querySelector('#declaration table')).toBeNull();
  });

  it('draws nothing when its clean-up runs before the rows were ready', async () => {
    page('<div id="declaration" data-consent-cookie-table></div>');
    const { ui } = setup(SITE);
    renderCookieTables(document, ui)();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(document.querySelector('#declaration table')).toBeNull();
  });
});

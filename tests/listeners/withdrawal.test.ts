import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { createEmitter } from '../../src/core/emitter';
import type { StoredDecision } from '../../src/core/record';
import { createStores } from '../../src/core/stores';
import type { CatalogueEntry } from '../../src/cookies/catalogue';
import { catalogueSource, type CatalogueOption } from '../../src/cookies/catalogue-source';
import { cleanUpOnWithdrawal } from '../../src/listeners/withdrawal';
import type { CleanupReport, ConsentEvents } from '../../src/types';
import { cookiePage } from '../support/cookie-model';
import { recordingLogger } from '../support/logger';

const ENTRIES: CatalogueEntry[] = [
  { pattern: '_ga', category: 'analytics', vendor: 'Google Analytics' },
  { pattern: '_fbp', category: 'advertising', vendor: 'Meta' },
];

const config = resolveConfig({
  categories: {
    analytics: { cookies: ['_pk_id', '/^_hj/'], storage: ['/^_hj/'] },
    advertising: { cookies: ['_uetsid'] },
  },
});

const decision = (allowed: string[], denied: string[]): StoredDecision => ({
  revision: 0,
  timestamp: 1_790_000_000,
  id: '0b7e4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  method: 'custom',
  gpc: false,
  allowed,
  denied,
});

function setUp(catalogue: CatalogueOption = ENTRIES) {
  const page = cookiePage('https://www.example.test/shop');
  const stores = createStores(config, decision(['analytics', 'advertising'], []), false);
  const logger = recordingLogger();
  const emitter = createEmitter<ConsentEvents>(logger);
  const reports: CleanupReport[] = [];
  emitter.on('reload-required', (report: CleanupReport) => reports.push(report));
  const stop = cleanUpOnWithdrawal({ config, stores, document: page.document, emitter, logger, catalogue: catalogueSource(catalogue) });
  const names = () => page.jar.map((cookie) => cookie.name).sort();
  return { page, stores, logger, reports, stop, names };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('clean-up when consent is withdrawn', () => {
  it("deletes a withdrawn category's declared cookies and storage keys at once, and only those", () => {
    const { page, stores, names, reports } = setUp();
    for (const name of ['_pk_id', '_hjSession', '_uetsid', 'session']) page.seed({ name, domain: 'example.test', hostOnly: false });
    page.localStorage.setItem('_hjTLDTest', '1');
    stores.$decision.set(decision(['advertising'], ['analytics']));
    expect(names()).toEqual(['_uetsid', 'session']);
    expect(page.localStorage.length).toBe(0);
    expect(reports).toEqual([{ categories: ['analytics'], deleted: ['_pk_id', '_hjSession'], remaining: [], storage: ['_hjTLDTest'] }]);
  });

  it("deletes the catalogue's well-known cookies of the withdrawn category that the site forgot to declare", () => {
    const { page, stores, names } = setUp();
    page.seed({ name: '_ga', domain: 'example.test', hostOnly: false });
    page.seed({ name: '_fbp' });
    stores.$decision.set(decision(['advertising'], ['analytics']));
    expect(names()).toEqual(['_fbp']);
  });

  it('does nothing and emits nothing when no category went from allowed to denied', () => {
    const { page, stores, reports } = setUp();
    page.seed({ name: '_pk_id' });
    stores.$decision.set(decision(['analytics', 'advertising'], []));
    expect(page.writes).toEqual([]);
    expect(reports).toEqual([]);
  });

  it('cleans up once per withdrawal: a later decision that keeps a category denied deletes nothing again', () => {
    const { page, stores, reports } = setUp();
    stores.$decision.set(decision(['advertising'], ['analytics']));
    page.seed({ name: '_pk_id' });
    stores.$decision.set(decision([], ['analytics', 'advertising']));
    expect(reports.map((report) => report.categories)).toEqual([['analytics'], ['advertising']]);
    expect(page.jar.map((cookie) => cookie.name)).toEqual(['_pk_id']);
  });

  it('reports every withdrawn category in one clean-up, and asks for a reload with the report', () => {
    const { stores, reports } = setUp();
    stores.$decision.set(decision([], ['analytics', 'advertising']));
    expect(reports.map((report) => report.categories)).toEqual([['analytics', 'advertising']]);
  });

  it('warns once about cookies JavaScript could not delete', () => {
    const { page, stores, logger } = setUp();
    page.seed({ name: '_pk_id', locked: true });
    stores.$decision.set(decision(['advertising'], ['analytics']));
    expect(logger.warnings).toEqual([['these cookies could not be deleted from JavaScript (set for another path or domain):', ['_pk_id']]]);
  });

  it('loads the catalogue when it is not at hand, then deletes the catalogued cookies of categories still denied', async () => {
    let load!: (entries: CatalogueEntry[]) => void;
    const { page, stores, names } = setUp(() => new Promise((resolve) => (load = resolve)));
    page.seed({ name: '_ga' });
    page.seed({ name: '_fbp' });
    stores.$decision.set(decision([], ['analytics', 'advertising']));
    expect(names()).toEqual(['_fbp', '_ga']);
    stores.$decision.set(decision(['advertising'], ['analytics']));
    load(ENTRIES);
    await settle();
    expect(names()).toEqual(['_fbp']);
  });

  it('keeps the declared clean-up and warns once when the catalogue cannot be loaded', async () => {
    const { page, stores, logger, names } = setUp(() => Promise.reject(new Error('offline')));
    page.seed({ name: '_pk_id' });
    page.seed({ name: '_ga' });
    stores.$decision.set(decision(['advertising'], ['analytics']));
    await settle();
    expect(names()).toEqual(['_ga']);
    expect(logger.warnings.map((details) => details[0])).toEqual([
      'the catalogue part could not be loaded (offline, blocked, or not the file this build made); only declared cookies were deleted.',
    ]);
  });

  it('stops cleaning up once stopped', () => {
    const { page, stores, stop } = setUp();
    page.seed({ name: '_pk_id' });
    stop();
    stores.$decision.set(decision([], ['analytics', 'advertising']));
    expect(page.jar).toHaveLength(1);
  });
});

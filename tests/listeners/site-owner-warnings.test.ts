import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import type { CatalogueEntry } from '../../src/cookies/catalogue';
import { catalogueSource } from '../../src/cookies/catalogue-source';
import { warnSiteOwner } from '../../src/listeners/site-owner-warnings';
import { recordingLogger } from '../support/logger';

const ENTRIES: CatalogueEntry[] = [
  { pattern: '_ga', category: 'analytics', vendor: 'Google Analytics' },
  { pattern: '_fbp', category: 'advertising', vendor: 'Meta' },
  { pattern: 'cart', category: 'functional', vendor: 'Shop' },
];

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllEnvs());

describe('warnings for the site owner about the configuration', () => {
  it('warns once about each catalogued tracking cookie declared necessary, naming the category it belongs in', () => {
    const logger = recordingLogger();
    const config = resolveConfig({ categories: { necessary: { cookies: ['_ga', '_fbp', 'cart', 'session'] }, advertising: {} } });
    warnSiteOwner(config, catalogueSource(ENTRIES), logger);
    warnSiteOwner(config, catalogueSource(ENTRIES), logger);
    expect(logger.warnings).toEqual([
      ['"_ga" is declared necessary, but Google Analytics uses it for analytics; necessary cookies need no consent, so declare it under "analytics (or functional)".'],
      ['"_fbp" is declared necessary, but Meta uses it for advertising; necessary cookies need no consent, so declare it under "advertising".'],
    ]);
  });

  it('loads the catalogue when it is not at hand, then warns', async () => {
    const logger = recordingLogger();
    const config = resolveConfig({ categories: { necessary: { cookies: ['_fbp'] } } });
    warnSiteOwner(config, catalogueSource(async () => ENTRIES), logger);
    expect(logger.warnings).toEqual([]);
    await settle();
    expect(logger.warnings).toHaveLength(1);
  });

  it('stays quiet when the catalogue cannot be loaded', async () => {
    const logger = recordingLogger();
    const config = resolveConfig({ categories: { necessary: { cookies: ['_fbp'] } } });
    warnSiteOwner(config, catalogueSource(() => Promise.reject(new Error('offline'))), logger);
    await settle();
    expect(logger.warnings).toEqual([]);
    expect(logger.errors).toEqual([]);
  });

  it('says nothing in production builds, and never loads the catalogue for it', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const logger = recordingLogger();
    const load = vi.fn(async () => ENTRIES);
    warnSiteOwner(resolveConfig({ categories: { necessary: { cookies: ['_fbp'] } } }), catalogueSource(load), logger);
    expect(load).not.toHaveBeenCalled();
    expect(logger.warnings).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCatalogues, OUTPUTS } from '../../scripts/build-catalogues.mjs';

const CATEGORIES = ['necessary', 'functional', 'analytics', 'advertising', 'social'];
const generated = generateCatalogues();

function full<T>(file: string, key: string): T[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, T[]>)[key]!;
}

describe('generated catalogue files', () => {
  it.each(Object.keys(generated))('%s is what `npm run catalogues` produces now', (file) => {
    expect(readFileSync(file, 'utf8'), `${file} is stale: run npm run catalogues`).toBe(generated[file]);
  });

  it('the generator is deterministic', () => {
    expect(generateCatalogues()).toEqual(generated);
  });

  it('every vendor row and cookie entry has a valid consent category', () => {
    const hosts = full<{ category: string }>(OUTPUTS.vendorsFull, 'hosts');
    const cookies = full<{ category: string }>(OUTPUTS.cookiesFull, 'entries');
    for (const row of [...hosts, ...cookies]) expect(CATEGORIES).toContain(row.category);
  });

  it('every cookie pattern in the full table compiles', () => {
    for (const { pattern } of full<{ pattern: string }>(OUTPUTS.cookiesFull, 'entries')) {
      if (pattern.startsWith('/')) expect(() => new RegExp(pattern.slice(1, -1))).not.toThrow();
    }
  });

  it('records the pinned Open Cookie Database commit', () => {
    const source = (JSON.parse(readFileSync(OUTPUTS.cookiesFull, 'utf8')) as { sources: Array<{ commit: string }> }).sources[0]!;
    expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(readFileSync('data/open-cookie-database/SOURCE.md', 'utf8')).toContain(source.commit);
  });
});

describe('inputs', () => {
  // Ghostery TrackerDB, DuckDuckGo Tracker Radar and Disconnect are under non-commercial or
  // share-alike terms, which an MIT package cannot take in: none of them may feed a catalogue.
  const FORBIDDEN = /ghostery|trackerdb|tracker-radar|tracker_radar|duckduckgo|disconnect/i;

  it('every row comes from an allowed source', () => {
    const hosts = full<{ source: string }>(OUTPUTS.vendorsFull, 'hosts');
    const cookies = full<{ source: string }>(OUTPUTS.cookiesFull, 'entries');
    expect(new Set(hosts.map((row) => row.source))).toEqual(new Set(['third-party-web', 'override']));
    expect(new Set(cookies.map((row) => row.source))).toEqual(new Set(['hand-made', 'open-cookie-database']));
  });

  it('no non-commercial dataset is a dependency or read by the generator', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string> | undefined>;
    const dependencies = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    expect(dependencies.filter((name) => FORBIDDEN.test(name))).toEqual([]);
    for (const file of ['scripts/build-catalogues.mjs', 'scripts/catalogues/vendors.mjs', 'scripts/catalogues/cookies.mjs']) {
      expect(readFileSync(file, 'utf8')).not.toMatch(FORBIDDEN);
    }
  });

  it('third-party-web is pinned to an exact version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    expect(pkg.devDependencies['third-party-web']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

/** A missing optional peer dependency names the install command. */
import { describe, expect, it } from 'vitest';
import { importOptional, importOptionals, MissingDependencyError } from '../../src/node/optional-dependency.js';

describe('importOptional', () => {
  it('turns a missing package into the npm install command', async () => {
    const attempt = importOptional('consent-gate-no-such-package', () => import('consent-gate-no-such-package' as string), 'The thing');
    await expect(attempt).rejects.toThrow(MissingDependencyError);
    await expect(attempt).rejects.toThrow('The thing needs consent-gate-no-such-package, which is not installed. Run: npm install consent-gate-no-such-package');
  });

  it('passes other errors through', async () => {
    await expect(importOptional('pg', () => Promise.reject(new Error('boom')), 'x')).rejects.toThrow('boom');
  });

  it('loads an installed package', async () => {
    const pg = await importOptional('pg', () => import('pg'), 'x');
    expect(typeof pg.default.Pool).toBe('function');
  });
});

describe('importOptionals', () => {
  it('names every missing package in one message and one install command', async () => {
    const attempt = importOptionals(
      [
        { name: 'consent-gate-missing-a', load: () => import('consent-gate-missing-a' as string) },
        { name: 'pg', load: () => import('pg') },
        { name: 'consent-gate-missing-b', load: () => import('consent-gate-missing-b' as string) },
        { name: 'consent-gate-missing-c', load: () => import('consent-gate-missing-c' as string) },
      ],
      'The thing',
    );
    await expect(attempt).rejects.toThrow(
      'The thing needs consent-gate-missing-a, consent-gate-missing-b and consent-gate-missing-c, which are not installed. Run: npm install consent-gate-missing-a consent-gate-missing-b consent-gate-missing-c',
    );
    await expect(attempt).rejects.toMatchObject({ packages: ['consent-gate-missing-a', 'consent-gate-missing-b', 'consent-gate-missing-c'] });
  });

  it('resolves to the modules in order when all are there, and passes other errors through', async () => {
    const [pg, util] = await importOptionals([{ name: 'pg', load: () => import('pg') }, { name: 'node:util', load: () => import('node:util') }], 'x');
    expect(typeof pg.default.Pool).toBe('function');
    expect(typeof util.parseArgs).toBe('function');
    await expect(importOptionals([{ name: 'pg', load: () => Promise.reject(new Error('boom')) }], 'x')).rejects.toThrow('boom');
  });
});

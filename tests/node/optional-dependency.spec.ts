/** A missing optional peer dependency names the install command (contract section 11). */
import { describe, expect, it } from 'vitest';
import { importOptional, MissingDependencyError } from '../../src/node/optional-dependency.js';

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

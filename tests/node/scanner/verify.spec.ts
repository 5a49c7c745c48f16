/** `consent-gate scan --verify`: exit 1 on a leaky page, 0 on the fixed one, with Consent Gate injected too. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';
import { cli, DIST, requireBuild } from './support.js';

let fixture: Fixture;
beforeAll(async () => {
  requireBuild();
  fixture = await startFixture(DIST);
});
afterAll(() => fixture?.close());

const verify = (page: string, ...more: string[]) => cli('scan', '--verify', `${fixture.origin}${page}`, '--pages', '1', '--delay', '0', `--browser-arg=${fixture.resolverRules}`, '--watch', '500ms', ...more);

describe('consent-gate scan --verify', () => {
  it('fails (exit 1) on a page whose tag runs before consent, naming the request and the cookie', async () => {
    const result = await verify('/leaky.html');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('FAIL before consent: request http://static.hotjar.com/c/hotjar-1.js?sv=6');
    expect(result.stdout).toContain('FAIL before consent: cookie _hjSessionUser_1 on 127.0.0.1');
    // The reload as a visitor who rejected loads it again.
    expect(result.stdout).toContain('FAIL after reject all: request http://static.hotjar.com/c/hotjar-1.js?sv=6');
  });

  it('passes (exit 0) on the fixed page: nothing before consent, nothing after "Reject all"', async () => {
    const hotjar = () => fixture.requests.filter((request) => request.startsWith('static.hotjar.com')).length;
    const before = hotjar();
    const result = await verify('/fixed.html');
    expect(result.stdout).toBe('Clean: nothing before consent or after "Reject all" on 1 page verified; 0 consent records answered by the verifier, none sent to the site\'s store.\n');
    expect(result.code).toBe(0);
    expect(hotjar()).toBe(before);
  });

  it('injects Consent Gate with --config into a page without it, and fails where no banner appears', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-verify-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ mode: 'opt-in', categories: { analytics: { cookies: ['/^_hj/'] } } }));
    try {
      const bare = await verify('/bare.html');
      // Nothing to reject with: nothing verified, which is never clean.
      expect(bare.code).toBe(2);
      expect(bare.stdout).toContain('no Consent Gate banner with "Reject all" and no window.consentGate');
      expect(bare.stdout).toContain('NOT VERIFIED');
      const injected = await verify('/bare.html', '--config', file);
      expect(injected.stdout, injected.stderr).toContain('Clean');
      expect(injected.code).toBe(0);
      writeFileSync(file, '{"categorys": {}}');
      const invalid = await verify('/bare.html', '--config', file);
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain('categorys: unknown key: did you mean "categories"?');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

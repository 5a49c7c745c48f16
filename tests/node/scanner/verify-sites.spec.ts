/**
 * `consent-gate scan --verify` on every kind of site Consent Gate supports: a headless interface
 * (the page's instance, or the site's own button), opt-out pages with and without Global Privacy
 * Control, and `--accept` against the declarations; verifying never writes consent records into
 * the site's store.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, type Fixture } from './fixture.js';
import { cli, DIST, requireBuild } from './support.js';

let fixture: Fixture;
let dir: string;
beforeAll(async () => {
  requireBuild();
  fixture = await startFixture(DIST);
  dir = mkdtempSync(path.join(tmpdir(), 'consent-gate-verify-sites-'));
});
afterAll(async () => {
  await fixture?.close();
  rmSync(dir, { recursive: true, force: true });
});

const verify = (page: string, ...more: string[]) => cli('scan', '--verify', `${fixture.origin}${page}`, '--pages', '1', '--delay', '0', `--browser-arg=${fixture.resolverRules}`, '--watch', '500ms', ...more);

describe('a headless interface', () => {
  it('passes through the page instance (window.consentGate) when clean', async () => {
    const result = await verify('/headless.html');
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Clean: nothing before consent or after "Reject all" on 1 page verified');
  }, 90_000);

  it('fails when leaky', async () => {
    const result = await verify('/headless-leaky.html');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL before consent: request http://static.hotjar.com/c/hotjar-1.js?sv=6');
    expect(result.stdout).toContain('FAIL after reject all: request http://static.hotjar.com/c/hotjar-1.js?sv=6');
  }, 90_000);

  it('uses the site\'s own button with --reject-selector; without it, says so and verifies nothing (exit 2)', async () => {
    const own = await verify('/own-buttons.html', '--reject-selector', '#reject');
    expect(own.code, own.stdout + own.stderr).toBe(0);
    const none = await verify('/own-buttons.html');
    expect(none.code).toBe(2);
    expect(none.stdout).toContain('name the site\'s own button with --reject-selector');
  }, 90_000);
});

describe('opt-out pages', () => {
  it('with --gpc: clean when nothing of an advertising vendor loads, a failure when it does', async () => {
    const clean = await verify('/opt-out.html', '--gpc');
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const leaky = await verify('/opt-out-leaky.html', '--gpc');
    expect(leaky.code).toBe(1);
    expect(leaky.stdout).toMatch(/FAIL with GPC: request http:\/\/static\.criteo\.net\/js\/ld\/publishertag\.js \(http:\/\/127\.0\.0\.1:\d+\/opt-out-leaky\.html\)/);
    expect(leaky.stdout).toContain('FAIL with GPC: cookie cto_bundle on 127.0.0.1');
  }, 90_000);

  it('without --gpc: tags before a decision are by design; after the one-click opt-out nothing may load', async () => {
    const records = fixture.records.length;
    const clean = await verify('/opt-out.html');
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const leaky = await verify('/opt-out-leaky.html');
    expect(leaky.code).toBe(1);
    expect(leaky.stdout).toContain('FAIL after opt-out: request http://static.criteo.net/js/ld/publishertag.js');
    expect(leaky.stdout).not.toContain('FAIL before consent');
    expect(fixture.records.length).toBe(records);
  }, 90_000);
});

describe('the site\'s store', () => {
  it('keeps its record count: the records the pages post are answered by the verifier, not sent', async () => {
    const records = fixture.records.length;
    const result = await verify('/accept.html', '--accept');
    expect(result.stdout).toMatch(/; [2-9] consent records answered by the verifier, none sent to the site's store\.\n$/);
    expect(fixture.records.length).toBe(records);
  }, 90_000);
});

describe('--accept', () => {
  it('flags a cookie and a vendor the config does not declare, not the declared ones', async () => {
    const result = await verify('/accept.html', '--accept');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL after accept all: undeclared cookie ajs_anonymous_id on 127.0.0.1');
    expect(result.stdout).toContain('FAIL after accept all: undeclared vendor cdn.segment.com (http://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js)');
    expect(result.stdout).not.toMatch(/undeclared (cookie _hj|vendor static\.hotjar\.com)/);
    expect(result.stdout).not.toMatch(/FAIL (before consent|after reject all)/);
  }, 90_000);
});

describe('--accept on a page whose config cannot be read', () => {
  it('says why everything counts as undeclared', async () => {
    const result = await verify('/headless.html', '--accept');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('FAIL after accept all: undeclared vendor static.hotjar.com (http://static.hotjar.com/c/hotjar-1.js?sv=6); the page has no readable config');
  }, 90_000);
});

describe('output for CI', () => {
  it('prints JSON and JUnit with the page URL and its query; --baseline prints what appeared and exits 1 on a change', async () => {
    const file = path.join(dir, 'previous.json');
    const json = await verify('/headless-leaky.html?utm=1', '--format', 'json', '--out', file);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { verified: number; pages: Array<{ url: string }>; violations: Array<{ page: string }>; inventory: string[] };
    expect(parsed.verified).toBe(1);
    expect(parsed.pages[0]!.url).toBe(`${fixture.origin}/headless-leaky.html?utm=1`);
    expect(parsed.violations[0]!.page).toBe(`${fixture.origin}/headless-leaky.html?utm=1`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(parsed);

    const same = await verify('/headless-leaky.html?utm=1', '--baseline', file);
    expect(same.stdout).toContain('No change since the baseline.');
    // The site was fixed: the leak disappeared, which is a change too.
    const fixed = await verify('/headless.html?utm=1', '--baseline', file, '--format', 'junit');
    expect(fixed.code).toBe(1);
    expect(fixed.stdout).toContain('<testsuite name="consent-gate scan --verify"');
    expect(fixed.stdout).toContain(`<testcase classname="consent-gate.verify" name="${fixture.origin}/headless.html?utm=1">`);
    expect(fixed.stdout).toContain('<failure message="disappeared: problem before consent: request http://static.hotjar.com/c/hotjar-1.js?sv=6');
    writeFileSync(file, '{}');
    const wrong = await verify('/headless.html', '--baseline', file);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not the JSON of a previous run');
  }, 90_000);
});

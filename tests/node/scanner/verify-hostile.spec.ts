/**
 * `consent-gate scan --verify` against hostile sites, each run as the built command in its own
 * process: every run ends in bounded time, with the right exit code, and the process's peak RSS
 * stays under 300 MB. Never "clean" without having verified a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_ROBOTS_BYTES, startFixture, type Fixture } from './fixture.js';
import { DIST, requireBuild, runBuilt, type ChildRun } from './support.js';

let fixture: Fixture;
beforeAll(async () => {
  requireBuild();
  fixture = await startFixture(DIST);
});
afterAll(() => fixture?.close());

const verify = (page: string, ...more: string[]) =>
  runBuilt(['scan', '--verify', `${fixture.origin}${page}`, '--pages', '1', '--delay', '0', `--browser-arg=${fixture.resolverRules}`, '--watch', '500ms', ...more]);

function bounded(run: ChildRun, seconds: number): void {
  expect(run.seconds, run.stderr).toBeLessThan(seconds);
  expect(run.peakRssMb, run.stderr).toBeLessThan(300);
}

describe('scan --verify never reports clean without verifying', () => {
  it('robots.txt "Disallow: /": exit 2, said plainly, the page never requested; --ignore-robots verifies it', async () => {
    fixture.robots = 'disallow-all';
    const before = fixture.requests.filter((request) => request.endsWith('/fixed.html')).length;
    const run = await verify('/fixed.html');
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain('NOT VERIFIED: 0 pages verified: robots.txt disallows the start page (use --ignore-robots for your own site)');
    expect(run.stdout).not.toContain('Clean');
    expect(fixture.requests.filter((request) => request.endsWith('/fixed.html')).length).toBe(before);
    bounded(run, 30);
    const own = await verify('/fixed.html', '--ignore-robots');
    expect(own.code, own.stdout + own.stderr).toBe(0);
    expect(own.stdout).toContain('Clean: nothing before consent or after "Reject all" on 1 page verified');
  }, 120_000);

  it('robots.txt answering 503 is a full disallow (RFC 9309 2.3.1.3): exit 2', async () => {
    fixture.robots = '503';
    const run = await verify('/fixed.html');
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toContain('NOT VERIFIED');
    bounded(run, 30);
  }, 120_000);

  it('a 22 MB robots.txt: the first 500 KiB are read (its rules apply), the run ends clean', async () => {
    fixture.robots = 'huge';
    const run = await verify('/fixed.html');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('Clean');
    bounded(run, 30);
    // The browser hung up after the first 500 KiB: most of the 22 MB was never sent.
    expect(fixture.robotsBytesSent).toBeLessThan(HUGE_ROBOTS_BYTES / 4);
    const disallowed = await verify('/private/secret.html');
    expect(disallowed.code).toBe(2);
    bounded(disallowed, 30);
  }, 120_000);

  it('a page that busy-loops after load is reported and skipped at its deadline: exit 2, not a hang', async () => {
    fixture.robots = 'normal';
    const run = await verify('/busy.html', '--timeout', '6s');
    expect(run.code, run.stdout + run.stderr).toBe(2);
    expect(run.stdout).toMatch(/FAIL before consent: page did not finish within 6 s \(a busy page\?\): skipped \(http:\/\/127\.0\.0\.1:\d+\/busy\.html\)/);
    expect(run.stdout).toContain('NOT VERIFIED');
    bounded(run, 40);
  }, 120_000);

  it('a tracker firing 4 s after load is caught within the --watch window: exit 1', async () => {
    fixture.robots = 'normal';
    const run = await verify('/late.html', '--watch', '5s');
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('FAIL before consent: request http://pixel.unknown-tracker.test/late.gif');
    bounded(run, 60);
  }, 120_000);

  it('robots.txt applies to every document on the host that loads: a redirect and a frame into /private/ are aborted and reported', async () => {
    fixture.robots = 'normal';
    const secret = () => fixture.requests.filter((request) => request.includes('/private/')).length;
    const before = secret();
    const redirect = await verify('/go');
    expect(redirect.code, redirect.stdout + redirect.stderr).toBe(2);
    expect(redirect.stdout).toMatch(/FAIL before consent: robots robots\.txt disallows http:\/\/127\.0\.0\.1:\d+\/private\/secret\.html: not loaded/);
    const framed = await verify('/framed.html');
    expect(framed.stdout).toMatch(/robots\.txt disallows http:\/\/127\.0\.0\.1:\d+\/private\/secret\.html: not loaded \(http:\/\/127\.0\.0\.1:\d+\/framed\.html\)/);
    expect(framed.code).not.toBe(0);
    expect(secret()).toBe(before);
  }, 120_000);
});

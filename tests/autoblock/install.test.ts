import { atom } from 'nanostores';
import { afterEach, describe, expect, it } from 'vitest';
import { startAutoBlock, type AutoBlocker } from '../../src/autoblock/install';
import type { ConsentState } from '../../src/types';
import { recordingLogger } from '../support/logger';

// The patches stay on this file's window: automatic blocking is installed once, as on a page.
// Browsers define Request's `url` as a prototype getter, which refusing requests reads; happy-dom
// keeps it on each instance (no Request is made in this file).
Object.defineProperty(window.Request.prototype, 'url', { configurable: true, get: () => undefined });
const logger = recordingLogger();
const config = { categories: { analytics: {}, advertising: { vendors: [{ name: 'Tracker', domains: ['tracker.example'] }] } } };
const report = () => Promise.reject(new Error('not in this spec'));
const blocker: AutoBlocker = startAutoBlock(config, { logger, debug: false, report });

const state = (categories: Record<string, boolean>): ConsentState => ({
  decided: true,
  categories: { necessary: true, ...categories },
  method: 'custom',
  revision: 0,
  id: null,
  timestamp: null,
  gpc: false,
});

afterEach(() => {
  document.body.replaceChildren();
  logger.warnings.length = 0;
});

const script = (src: string) => Object.assign(document.createElement('script'), { src });

describe('installing automatic blocking', () => {
  it('is installed once per window: a second call returns the first blocker', () => {
    expect(startAutoBlock(config, { logger, debug: false, report })).toBe(blocker);
  });

  it('allows only necessary until it follows an instance, then releases what the instance allows', () => {
    const tag = script('https://tracker.example/t.js');
    document.body.append(tag);
    expect(tag.isConnected).toBe(false);
    expect(blocker.held()).toBe(1);
    const $consent = atom(state({ analytics: true, advertising: false }));
    const stop = blocker.connect({ $consent });
    expect(tag.isConnected).toBe(false);
    $consent.set(state({ analytics: true, advertising: true }));
    expect(tag.isConnected).toBe(true);
    expect(blocker.held()).toBe(0);
    stop();
  });

  it("lets an element's data-consent name the categories it needs", () => {
    const $consent = atom(state({ analytics: true, advertising: false }));
    const stop = blocker.connect({ $consent });
    const tag = script('https://tracker.example/t.js');
    tag.setAttribute('data-consent', 'analytics');
    document.body.append(tag);
    expect(tag.isConnected).toBe(true);
    stop();
  });

  it('holds a catalogued vendor of a category the site did not configure, and says so once (fail closed)', () => {
    const $consent = atom(state({ analytics: true, advertising: true }));
    const stop = blocker.connect({ $consent });
    const first = script('https://platform.twitter.com/widgets.js');
    const second = script('https://platform.twitter.com/widgets.js?2');
    document.body.append(first, second);
    expect(first.isConnected || second.isConnected).toBe(false);
    expect(logger.warnings).toHaveLength(1);
    expect(String(logger.warnings[0]![0])).toContain('platform.twitter.com');
    stop();
  });

  it('leaves first-party and unknown hosts alone', () => {
    const own = script('/app.js');
    const other = script('https://cdn.unknown-vendor.example/lib.js');
    document.body.append(own, other);
    expect(own.isConnected && other.isConnected).toBe(true);
  });
});

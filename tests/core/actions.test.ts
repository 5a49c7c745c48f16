import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { createActions } from '../../src/core/actions';
import type { StoredDecision } from '../../src/core/record';
import { createStores } from '../../src/core/stores';
import type { ConsentGateConfig } from '../../src/types';
import { recordingLogger } from '../support/logger';

const NOW = 1_790_000_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setUp(config: ConsentGateConfig = {}, options: { decision?: StoredDecision | null; signal?: boolean } = {}) {
  const resolved = resolveConfig({ revision: 3, categories: { functional: {}, analytics: {}, advertising: {} }, ...config });
  const stores = createStores(resolved, options.decision ?? null, options.signal ?? false);
  const logger = recordingLogger();
  let now = NOW;
  const actions = createActions({ config: resolved, stores, signal: options.signal ?? false, logger, now: () => now });
  return { stores, logger, actions, tick: (seconds: number) => (now += seconds) };
}

describe('the actions, the only writers of the decision', () => {
  it('accept all records every optional category as allowed, with the revision, the time and a new consent id', () => {
    const { stores, actions } = setUp();
    actions.acceptAll();
    const decision = stores.$decision.get()!;
    expect(decision).toMatchObject({ revision: 3, timestamp: NOW, method: 'accept-all', gpc: false, allowed: ['functional', 'analytics', 'advertising'], denied: [] });
    expect(decision.id).toMatch(UUID);
  });

  it('reject all records every optional category as denied', () => {
    const { stores, actions } = setUp();
    actions.rejectAll();
    expect(stores.$decision.get()).toMatchObject({ method: 'reject-all', allowed: [], denied: ['functional', 'analytics', 'advertising'] });
  });

  it('keeps the consent id across decisions, so the log can follow one visitor (GDPR 7(1))', () => {
    const { stores, actions, tick } = setUp();
    actions.acceptAll();
    const id = stores.$decision.get()!.id;
    tick(60);
    actions.rejectAll();
    expect(stores.$decision.get()).toMatchObject({ id, timestamp: NOW + 60 });
  });

  it('closes whatever surface is open once a decision is recorded', () => {
    const { stores, actions } = setUp();
    stores.$surface.set('preferences');
    actions.rejectAll();
    expect(stores.$surface.get()).toBeNull();
  });

  it('set changes only the named categories and keeps the current state of the others, as custom', () => {
    const { stores, actions } = setUp();
    actions.acceptAll();
    actions.set({ analytics: false });
    expect(stores.$decision.get()).toMatchObject({ method: 'custom', allowed: ['functional', 'advertising'], denied: ['analytics'] });
  });

  it('set grants only for true: any other value denies', () => {
    const { stores, actions } = setUp();
    actions.set({ functional: 'yes' as unknown as boolean, analytics: true });
    expect(stores.$decision.get()).toMatchObject({ allowed: ['analytics'], denied: ['functional', 'advertising'] });
  });

  it('set reports an unknown id once, names the configured ones, and records the rest', () => {
    const { stores, actions, logger } = setUp();
    actions.set({ ads: true, analytics: true });
    actions.set({ ads: true });
    expect(logger.warnings).toEqual([['set(): "ads" is not a configurable category; configured: functional, analytics, advertising']]);
    expect(stores.$decision.get()).toMatchObject({ allowed: ['analytics'] });
    expect(stores.$decision.get()!.allowed).not.toContain('ads');
  });

  it('set reads only its own keys: an inherited "advertising: true" grants nothing', () => {
    const { stores, actions } = setUp();
    actions.set(Object.create({ advertising: true }) as Record<string, boolean>);
    expect(stores.$decision.get()).toMatchObject({ allowed: [], denied: ['functional', 'analytics', 'advertising'] });
  });

  it('acknowledge keeps the current state and never grants a denied category (opt-out defaults stay)', () => {
    const { stores, actions } = setUp({ mode: 'opt-out', categories: { functional: {}, advertising: { default: false } } });
    actions.acknowledge();
    expect(stores.$decision.get()).toMatchObject({ method: 'acknowledge', allowed: ['functional'], denied: ['advertising'] });
  });

  it('acknowledge under a privacy signal keeps advertising denied and records the signal', () => {
    const { stores, actions } = setUp({ mode: 'opt-out', categories: { functional: {}, advertising: {} } }, { signal: true });
    actions.acknowledge();
    expect(stores.$decision.get()).toMatchObject({ gpc: true, allowed: ['functional'], denied: ['advertising'] });
  });

  it('reset forgets the decision and shows the banner again', () => {
    const { stores, actions } = setUp();
    actions.acceptAll();
    actions.reset();
    expect(stores.$decision.get()).toBeNull();
    expect(stores.$surface.get()).toBe('banner');
    expect(stores.$consent.get()).toMatchObject({ decided: false, categories: { necessary: true, functional: false, analytics: false, advertising: false } });
  });

  it('a decision after a reset gets a new consent id', () => {
    const { stores, actions } = setUp();
    actions.acceptAll();
    const first = stores.$decision.get()!.id;
    actions.reset();
    actions.acceptAll();
    expect(stores.$decision.get()!.id).not.toBe(first);
  });
});

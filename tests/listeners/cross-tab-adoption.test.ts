import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { encodeDecision, type StoredDecision } from '../../src/core/record';
import { createStores } from '../../src/core/stores';
import { adoptOtherTabs } from '../../src/listeners/cross-tab-adoption';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import { fakeChannelView as fakeView } from '../support/broadcast-channel';

const NOW = 1_790_000_000;
const config = resolveConfig({ categories: { analytics: {}, advertising: {} } });
const currency = () => ({ now: NOW, revision: 0, days: 182, categories: config.optional });
const decision = (allowed: string[], denied: string[], extra: Partial<StoredDecision> = {}): StoredDecision => ({
  revision: 0,
  timestamp: NOW - 10,
  id: '0b7e4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  method: 'custom',
  gpc: false,
  allowed,
  denied,
  ...extra,
});

function setUp(mine: StoredDecision | null = null) {
  const stores = createStores(config, mine, false);
  const storage = createMemoryStorage(mine ? [encodeDecision(mine)] : []);
  const { view, channels, deliver } = fakeView();
  const crossTab = adoptOtherTabs(view, 'consent-gate:consent_gate', stores, storage, currency);
  return { stores, storage, channels, deliver, crossTab };
}

describe('adopting a decision made in another tab', () => {
  it("adopts what the cookie now says and hides this tab's banner", () => {
    const { stores, storage, deliver } = setUp();
    stores.$surface.set('banner');
    const theirs = decision(['analytics'], ['advertising']);
    storage.write(encodeDecision(theirs));
    deliver();
    expect(stores.$decision.get()).toEqual(theirs);
    expect(stores.$surface.get()).toBeNull();
  });

  it('reads the cookie, never the message: a hostile message can at most trigger a re-read', () => {
    const mine = decision([], ['analytics', 'advertising']);
    const { stores, deliver } = setUp(mine);
    let changes = 0;
    stores.$decision.listen(() => changes++);
    deliver({ allowed: ['analytics', 'advertising'] });
    expect(stores.$decision.get()).toBe(mine);
    expect(changes).toBe(0);
  });

  it('shows the banner again when another tab forgot the decision', () => {
    const { stores, storage, deliver } = setUp(decision(['analytics'], ['advertising']));
    storage.clear();
    deliver();
    expect(stores.$decision.get()).toBeNull();
    expect(stores.$surface.get()).toBe('banner');
  });

  it('treats a cookie that is not current (another revision, other categories) as no decision', () => {
    for (const stale of [decision(['analytics'], ['advertising'], { revision: 1 }), decision(['analytics'], [])]) {
      const { stores, storage, deliver } = setUp(decision(['analytics'], ['advertising']));
      storage.write(encodeDecision(stale));
      deliver();
      expect(stores.$decision.get()).toBeNull();
      expect(stores.$surface.get()).toBe('banner');
    }
  });

  it('adopts the newest current copy when several are visible', () => {
    const { stores, storage, deliver } = setUp();
    const older = decision([], ['analytics', 'advertising'], { timestamp: NOW - 100 });
    const newer = decision(['analytics', 'advertising'], [], { timestamp: NOW - 5 });
    storage.values = [encodeDecision(newer), encodeDecision(older)];
    deliver();
    expect(stores.$decision.get()).toEqual(newer);
  });

  it('announces on the channel named for the consent cookie and closes it', () => {
    const { channels, crossTab } = setUp();
    crossTab.announce();
    crossTab.close();
    expect(channels).toMatchObject([{ name: 'consent-gate:consent_gate', posted: ['changed'], closed: true }]);
  });

  it('does nothing where the browser has no BroadcastChannel', () => {
    const stores = createStores(config, null, false);
    const crossTab = adoptOtherTabs({} as Window, 'c', stores, createMemoryStorage(), currency);
    expect(() => (crossTab.announce(), crossTab.close())).not.toThrow();
  });
});

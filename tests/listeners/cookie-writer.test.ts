import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { encodeDecision, type StoredDecision } from '../../src/core/record';
import { createStores } from '../../src/core/stores';
import { writeDecisions } from '../../src/listeners/cookie-writer';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import { recordingLogger } from '../support/logger';

const config = resolveConfig({ categories: { analytics: {}, advertising: {} } });
const decision = (allowed: string[], denied: string[], timestamp = 1_790_000_000): StoredDecision => ({
  revision: 0,
  timestamp,
  id: '0b7e4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  method: 'custom',
  gpc: false,
  allowed,
  denied,
});

function setUp(initial: string[] = [], start: StoredDecision | null = null) {
  const stores = createStores(config, start, false);
  const storage = createMemoryStorage(initial);
  const logger = recordingLogger();
  let announced = 0;
  const crossTab = { announce: () => void announced++, close: () => undefined };
  const stop = writeDecisions(stores, storage, crossTab, logger);
  return { stores, storage, logger, stop, announced: () => announced };
}

describe('the consent cookie writer', () => {
  it('stores every new decision, encoded, and tells the other tabs', () => {
    const { stores, storage, announced } = setUp();
    stores.$decision.set(decision(['analytics'], ['advertising']));
    expect(storage.values).toEqual([encodeDecision(decision(['analytics'], ['advertising']))]);
    expect(announced()).toBe(1);
  });

  it('does not write or announce a decision the cookie already holds, so tabs never echo each other', () => {
    const adopted = decision(['analytics'], ['advertising']);
    const { stores, storage, announced } = setUp([encodeDecision(adopted)]);
    let writes = 0;
    const write = storage.write.bind(storage);
    storage.write = (value) => (writes++, write(value));
    stores.$decision.set(adopted);
    expect(writes).toBe(0);
    expect(announced()).toBe(0);
  });

  it('replaces several visible copies with the one decision in force', () => {
    const current = decision(['analytics'], ['advertising']);
    const { stores, storage } = setUp([encodeDecision(current), encodeDecision(decision([], ['analytics', 'advertising'], 1))]);
    stores.$decision.set(current);
    expect(storage.values).toEqual([encodeDecision(current)]);
  });

  it('clears the cookie when the decision is forgotten, and tells the other tabs', () => {
    const start = decision(['analytics'], ['advertising']);
    const { stores, storage, announced } = setUp([encodeDecision(start)], start);
    stores.$decision.set(null);
    expect(storage.values).toEqual([]);
    expect(announced()).toBe(1);
  });

  it('does nothing on a reset when nothing is stored', () => {
    const { stores, announced } = setUp([], decision(['analytics'], ['advertising']));
    stores.$decision.set(null);
    expect(announced()).toBe(0);
  });

  it('reports a cookie the browser refused: the decision then holds for this page only', () => {
    const { stores, storage, logger } = setUp();
    storage.write = () => false;
    stores.$decision.set(decision([], ['analytics', 'advertising']));
    expect(logger.errors).toEqual([['the browser refused the consent cookie; the decision holds for this page only.']]);
  });

  it('has written the cookie when listeners added after it see the change', () => {
    const { stores, storage } = setUp();
    const seen: string[][] = [];
    stores.$consent.listen(() => seen.push(storage.read()));
    stores.$decision.set(decision(['analytics', 'advertising'], []));
    expect(seen).toEqual([[encodeDecision(decision(['analytics', 'advertising'], []))]]);
  });

  it('stops writing once stopped', () => {
    const { stores, storage, stop } = setUp();
    stop();
    stores.$decision.set(decision(['analytics'], ['advertising']));
    expect(storage.values).toEqual([]);
  });
});

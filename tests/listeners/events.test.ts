import { afterEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import { createEmitter } from '../../src/core/emitter';
import type { StoredDecision } from '../../src/core/record';
import { createStores } from '../../src/core/stores';
import { emitEvents } from '../../src/listeners/events';
import type { ConsentEvents, ConsentState, Surface } from '../../src/types';
import { recordingLogger } from '../support/logger';

const config = resolveConfig({ categories: { analytics: {} } });
const decision: StoredDecision = {
  revision: 0,
  timestamp: 1_790_000_000,
  id: '0b7e4a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  method: 'accept-all',
  gpc: false,
  allowed: ['analytics'],
  denied: [],
};

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function setUp() {
  const stores = createStores(config, null, false);
  const emitter = createEmitter<ConsentEvents>(recordingLogger());
  const seen: Array<[string, unknown?]> = [];
  emitter.on('change', (state: ConsentState) => seen.push(['change', state.categories.analytics]));
  emitter.on('show', (surface: Exclude<Surface, null>) => seen.push(['show', surface]));
  emitter.on('hide', () => seen.push(['hide']));
  const onDomEvent = (event: Event) => seen.push(['dom', (event as CustomEvent<ConsentState>).detail.categories.analytics]);
  document.addEventListener('consent-gate:change', onDomEvent);
  const stop = emitEvents(stores, emitter, document);
  stops.push(stop, () => document.removeEventListener('consent-gate:change', onDomEvent));
  return { stores, seen, stop };
}

describe("the instance's events", () => {
  it('emits change and then the consent-gate:change DOM event with the new state on every decision', () => {
    const { stores, seen } = setUp();
    stores.$decision.set(decision);
    stores.$decision.set(null);
    expect(seen).toEqual([
      ['change', true],
      ['dom', true],
      ['change', false],
      ['dom', false],
    ]);
  });

  it('dispatches the DOM event on the document, where a page without the npm API can listen', () => {
    const { stores } = setUp();
    let target: EventTarget | null = null;
    document.addEventListener('consent-gate:change', (event) => (target = event.target), { once: true });
    stores.$decision.set(decision);
    expect(target).toBe(document);
  });

  it('emits show with the surface that opened, and hide when it closed', () => {
    const { stores, seen } = setUp();
    stores.$surface.set('banner');
    stores.$surface.set('preferences');
    stores.$surface.set(null);
    expect(seen).toEqual([['show', 'banner'], ['show', 'preferences'], ['hide']]);
  });

  it('emits nothing once stopped', () => {
    const { stores, seen, stop } = setUp();
    stop();
    stores.$decision.set(decision);
    stores.$surface.set('banner');
    expect(seen).toEqual([]);
  });
});

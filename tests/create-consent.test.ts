import { afterEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../src/create-consent';
import { ConsentGateConfigError } from '../src/config/errors';
import { encodeDecision, type StoredDecision } from '../src/core/record';
import { createMemoryStorage } from '../src/storage/decision-storage';
import type { ConsentGate } from '../src/consent-gate';
import { recordingLogger } from './support/logger';

const NOW = 1_800_000_000;
const config = { revision: 2, categories: { functional: {}, advertising: { cookies: ['_fbp'] }, social: {} } };
const instances: ConsentGate<string>[] = [];

function start(overrides: { storage?: ReturnType<typeof createMemoryStorage>; config?: object } = {}) {
  const storage = overrides.storage ?? createMemoryStorage();
  const logger = recordingLogger();
  const gate = createConsent((overrides.config ?? config) as typeof config, { storage, logger, now: () => NOW });
  instances.push(gate);
  return { gate, storage, logger };
}

function stored(overrides: Partial<StoredDecision> = {}): string {
  return encodeDecision({
    revision: 2,
    timestamp: NOW - 100,
    id: '11111111-1111-4111-8111-111111111111',
    method: 'accept-all',
    gpc: false,
    allowed: ['functional', 'advertising', 'social'],
    denied: [],
    ...overrides,
  });
}

afterEach(() => {
  for (const gate of instances.splice(0)) gate.destroy();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('createConsent', () => {
  it('throws ConsentGateConfigError for an invalid config', () => {
    expect(() => createConsent({ mode: 'nope' } as never)).toThrow(ConsentGateConfigError);
  });

  it('starts undecided in opt-in mode, with the banner surface and only necessary allowed', () => {
    const { gate } = start();
    expect(gate.get()).toEqual({
      decided: false,
      categories: { necessary: true, functional: false, advertising: false, social: false },
      method: null,
      revision: 2,
      id: null,
      timestamp: null,
      gpc: false,
    });
    expect(gate.$surface.get()).toBe('banner');
    expect(gate.allowed('necessary')).toBe(true);
  });

  it('records accept-all in the storage and hides the banner', () => {
    const { gate, storage } = start();
    gate.acceptAll();
    expect(gate.get()).toMatchObject({ decided: true, method: 'accept-all', timestamp: NOW, revision: 2 });
    expect(gate.allowed('advertising')).toBe(true);
    expect(storage.values).toHaveLength(1);
    expect(storage.values[0]).toMatch(/^1\.2\./);
    expect(gate.$surface.get()).toBeNull();
  });

  it('keeps the consent id across later changes until reset', () => {
    const { gate } = start();
    gate.acceptAll();
    const id = gate.get().id;
    gate.set({ advertising: false });
    expect(gate.get().id).toBe(id);
    expect(gate.get().method).toBe('custom');
    gate.reset();
    expect(gate.get().id).toBeNull();
    gate.rejectAll();
    expect(gate.get().id).not.toBe(id);
  });

  it('set() changes only the named categories and warns about unknown ones', () => {
    const { gate, logger } = start();
    gate.set({ social: true, marketing: true } as never);
    expect(gate.get().categories).toEqual({ necessary: true, functional: false, advertising: false, social: true });
    expect(String(logger.warnings[0]![0])).toContain('"marketing" is not a configurable category');
  });

  it('acknowledge() never grants a denied category', () => {
    const { gate } = start();
    gate.acknowledge();
    expect(gate.get()).toMatchObject({ decided: true, method: 'acknowledge' });
    expect(gate.get().categories).toEqual({ necessary: true, functional: false, advertising: false, social: false });
  });

  it('restores a stored decision without showing the banner', () => {
    const { gate } = start({ storage: createMemoryStorage([stored()]) });
    expect(gate.get()).toMatchObject({ decided: true, method: 'accept-all', id: '11111111-1111-4111-8111-111111111111' });
    expect(gate.$surface.get()).toBeNull();
  });

  it('treats a decision from another revision as none and clears it (EDPB Guidelines 05/2020)', () => {
    const storage = createMemoryStorage([stored({ revision: 1 })]);
    const { gate } = start({ storage });
    expect(gate.get().decided).toBe(false);
    expect(storage.values).toEqual([]);
  });

  it('treats a malformed cookie as no decision, and the next save overwrites it (RFC 6265 §4.1.1)', () => {
    const storage = createMemoryStorage(['1.2.garbage']);
    const { gate } = start({ storage });
    expect(gate.get().decided).toBe(false);
    gate.rejectAll();
    expect(storage.values).toHaveLength(1);
    expect(storage.values[0]).toMatch(/^1\.2\..*\.r0\./);
  });

  it('keeps only the newest of several valid cookies (RFC 6265 §5.4)', () => {
    const newer = stored({ timestamp: NOW - 10, method: 'reject-all', allowed: [], denied: ['functional', 'advertising', 'social'] });
    const storage = createMemoryStorage([stored({ timestamp: NOW - 500 }), newer]);
    const { gate } = start({ storage });
    expect(gate.get().method).toBe('reject-all');
    expect(storage.values).toEqual([newer]);
  });

  it('in opt-out mode with GPC, denies advertising and social without a banner and records it (W3C GPC, 11 CCR §7025, 11 CCR §7025(c)(6))', () => {
    Object.defineProperty(window.navigator, 'globalPrivacyControl', { value: true, configurable: true });
    const storage = createMemoryStorage();
    const { gate } = start({ storage, config: { ...config, mode: 'opt-out' } });
    expect(gate.get()).toMatchObject({ decided: true, method: 'gpc', gpc: true });
    expect(gate.get().categories).toEqual({ necessary: true, functional: true, advertising: false, social: false });
    expect(gate.$surface.get()).toBeNull();
    expect(storage.values[0]).toMatch(/\.g1\.functional\.advertising~social$/);
    Reflect.deleteProperty(window.navigator, 'globalPrivacyControl');
  });

  it('emits change, show and hide, and dispatches consent-gate:change on the document', () => {
    const { gate } = start();
    const changes: unknown[] = [];
    const surfaces: unknown[] = [];
    const domEvents: unknown[] = [];
    gate.on('change', (state) => changes.push(state.method));
    gate.on('show', (surface) => surfaces.push(surface));
    gate.on('hide', () => surfaces.push('hidden'));
    const listener = (event: Event) => domEvents.push((event as CustomEvent).detail.method);
    document.addEventListener('consent-gate:change', listener);
    gate.showPreferences();
    gate.rejectAll();
    document.removeEventListener('consent-gate:change', listener);
    expect(changes).toEqual(['reject-all']);
    expect(domEvents).toEqual(['reject-all']);
    expect(surfaces).toEqual(['preferences', 'hidden']);
  });

  it('keeps running other listeners when one throws', () => {
    const { gate, logger } = start();
    const seen: string[] = [];
    gate.on('change', () => {
      throw new Error('site bug');
    });
    gate.on('change', () => seen.push('second'));
    gate.acceptAll();
    expect(seen).toEqual(['second']);
    expect(logger.errors).toHaveLength(1);
  });

  it('unsubscribes with the function on() returns', () => {
    const { gate } = start();
    const seen: unknown[] = [];
    const off = gate.on('change', (state) => seen.push(state));
    off();
    gate.acceptAll();
    expect(seen).toEqual([]);
  });

  it('emits reload-required with a report when a category is withdrawn (GDPR Art. 7(3))', () => {
    const { gate } = start();
    gate.acceptAll();
    const reports: unknown[] = [];
    gate.on('reload-required', (report) => reports.push(report));
    gate.set({ functional: true });
    expect(reports).toEqual([]);
    gate.set({ advertising: false });
    expect(reports).toEqual([expect.objectContaining({ categories: ['advertising'] })]);
  });

  it('gates the page through the instance and activates on consent', () => {
    document.body.replaceChildren(document.createRange().createContextualFragment('<img data-consent="advertising" data-src="https://ads.example/p.gif">'));
    const { gate } = start();
    const img = document.querySelector('img')!;
    expect(img.hasAttribute('src')).toBe(false);
    expect(gate.$blocked.get()).toHaveLength(1);
    gate.acceptAll();
    expect(img.getAttribute('src')).toBe('https://ads.example/p.gif');
  });

  it('keeps two instances apart: no shared state', () => {
    const a = start();
    const b = start();
    a.gate.acceptAll();
    expect(a.gate.get().decided).toBe(true);
    expect(b.gate.get().decided).toBe(false);
    expect(b.storage.values).toEqual([]);
  });

  it('stops emitting after destroy()', () => {
    const { gate } = start();
    const seen: unknown[] = [];
    gate.on('change', (state) => seen.push(state));
    gate.destroy();
    gate.acceptAll();
    expect(seen).toEqual([]);
  });
});

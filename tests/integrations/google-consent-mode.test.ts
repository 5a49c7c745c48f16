import { afterEach, describe, expect, it } from 'vitest';
import { createConsent } from '../../src/create-consent';
import { encodeDecision } from '../../src/core/record';
import { googleConsentMode } from '../../src/integrations/google-consent-mode';
import { explainProblem } from '../../src/config/messages';
import { checkConfig } from '../../src/config/checks';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGate } from '../../src/consent-gate';
import type { ConsentGateConfig } from '../../src/types';
import { recordingLogger } from '../support/logger';

const NOW = 1_800_000_000;
const SITE = { googleConsentMode: true, categories: { analytics: {}, advertising: {}, functional: {} } } as ConsentGateConfig;
let gate: ConsentGate | undefined;
const view = window as unknown as Record<string, unknown>;

function start(config: ConsentGateConfig = SITE, stored: string[] = []) {
  gate = createConsent(config, { storage: createMemoryStorage(stored), logger: recordingLogger(), now: () => NOW, features: [googleConsentMode()] }) as ConsentGate;
  return gate;
}

/** The dataLayer as [kind, name, params] for gtag calls, or the pushed object. */
function layer(name = 'dataLayer'): unknown[] {
  return ((view[name] ?? []) as unknown[]).map((entry) => (Object.prototype.toString.call(entry) === '[object Arguments]' ? ['args', ...Array.from(entry as ArrayLike<unknown>)] : entry));
}

const denied = { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied', analytics_storage: 'denied', functionality_storage: 'denied', personalization_storage: 'denied', security_storage: 'granted' };
const granted = { ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted', analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted', security_storage: 'granted' };

afterEach(() => {
  gate?.destroy();
  gate = undefined;
  delete view['dataLayer'];
  delete view['gtag'];
  delete view['myLayer'];
});

describe('Google Consent Mode v2', () => {
  it('pushes consent default for all seven types as an arguments object, after what the page pushed and keeping its gtag', () => {
    const earlier = { event: 'page-pushed-first' };
    view['dataLayer'] = [earlier];
    const pageGtag = () => undefined;
    view['gtag'] = pageGtag;
    start();
    expect(layer()).toEqual([earlier, ['args', 'consent', 'default', denied]]);
    expect(view['gtag']).toBe(pageGtag);
  });

  it('pushes consent update and a consent_gate_update event on every decision, and denied after a withdrawal', () => {
    start();
    gate!.acceptAll();
    gate!.set({ advertising: false });
    const entries = layer();
    expect(entries[1]).toEqual(['args', 'consent', 'update', granted]);
    expect(entries[2]).toEqual({ event: 'consent_gate_update', consent_gate: { categories: { necessary: true, analytics: true, advertising: true, functional: true }, method: 'accept-all' } });
    expect(entries[3]).toEqual(['args', 'consent', 'update', { ...granted, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }]);
  });

  it('for a returning visitor, pushes the update right after the default, before anything else can run', () => {
    const stored = encodeDecision({ revision: 0, timestamp: NOW - 10, id: '11111111-1111-4111-8111-111111111111', method: 'accept-all', gpc: false, allowed: ['analytics', 'advertising', 'functional'], denied: [] });
    start(SITE, [stored]);
    expect(layer()).toEqual([['args', 'consent', 'default', denied], ['args', 'consent', 'update', granted], expect.objectContaining({ event: 'consent_gate_update' })]);
  });

  describe('with no functional category, no type is stuck after "Accept all"', () => {
    const OPTIONAL = ['functional', 'analytics', 'advertising', 'social'] as const;
    // Every set of optional categories a site can configure (at least one, or there is nothing to accept).
    const sets = Array.from({ length: 2 ** OPTIONAL.length - 1 }, (_, bits) => OPTIONAL.filter((_, i) => (bits + 1) & (1 << i)));

    it.each(sets.map((set) => [set.join('+'), set] as const))('%s', (_, set) => {
      start({ googleConsentMode: true, categories: Object.fromEntries(set.map((id) => [id, {}])) } as ConsentGateConfig);
      const has = (id: string) => (set as readonly string[]).includes(id);
      const before = (layer()[0] as unknown[])[3] as Record<string, string>;
      gate!.acceptAll();
      const after = (layer()[1] as unknown[])[3] as Record<string, string>;
      // Granted after "Accept all" unless the site has no category for the purpose at all (no ads, no statistics).
      expect(after).toEqual({
        ...granted,
        ...(has('advertising') ? {} : { ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' }),
        ...(has('analytics') || has('functional') ? {} : { analytics_storage: 'denied' }),
      });
      // Before a decision only what needs no consent is granted: functional storage counts as
      // necessary when the site offers no optional functional category.
      expect(before).toEqual({ ...denied, functionality_storage: has('functional') ? 'denied' : 'granted' });
    });

    it('grants personalization_storage only while every optional category is allowed', () => {
      start({ googleConsentMode: true, categories: { analytics: {}, advertising: {} } } as ConsentGateConfig);
      const state = (index: number) => ((layer()[index] as unknown[])[3] as Record<string, string>)['personalization_storage'];
      gate!.set({ analytics: true });
      expect(state(1)).toBe('denied');
      gate!.set({ advertising: true });
      expect(state(3)).toBe('granted');
      gate!.rejectAll();
      expect(state(5)).toBe('denied');
      expect(((layer()[5] as unknown[])[3] as Record<string, string>)['functionality_storage']).toBe('granted');
    });

    it('leaves both to the site\'s map when it names them', () => {
      start({ googleConsentMode: { map: { social: ['personalization_storage'] } }, categories: { analytics: {}, social: {} } } as ConsentGateConfig);
      gate!.set({ analytics: true });
      expect(((layer()[1] as unknown[])[3] as Record<string, string>)['personalization_storage']).toBe('denied');
      gate!.set({ social: true });
      expect(((layer()[3] as unknown[])[3] as Record<string, string>)['personalization_storage']).toBe('granted');
    });
  });

  it('maps analytics to functional on a site without an analytics category', () => {
    start({ googleConsentMode: true, categories: { functional: {} } } as ConsentGateConfig);
    gate!.set({ functional: true });
    expect(layer()[1]).toEqual(['args', 'consent', 'update', { ...denied, analytics_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }]);
  });

  it('takes options: dataLayer name, wait_for_update, ads_data_redaction, url_passthrough, and a map per category', () => {
    start({
      googleConsentMode: { dataLayerName: 'myLayer', waitForUpdate: 800, adsDataRedaction: true, urlPassthrough: true, map: { marketing: ['ad_storage'] } },
      categories: { marketing: { label: 'Marketing' } },
    } as ConsentGateConfig);
    expect(layer('myLayer')).toEqual([
      // No functional category: functionality_storage counts as necessary.
      ['args', 'consent', 'default', { ...denied, functionality_storage: 'granted', wait_for_update: 800 }],
      ['args', 'set', 'ads_data_redaction', true],
      ['args', 'set', 'url_passthrough', true],
    ]);
    gate!.acceptAll();
    expect(layer('myLayer')[3]).toEqual(['args', 'consent', 'update', { ...denied, ad_storage: 'granted', functionality_storage: 'granted', personalization_storage: 'granted' }]);
    expect(view['dataLayer']).toBeUndefined();
  });

  it('in opt-out mode, defaults follow each category default', () => {
    start({ mode: 'opt-out', googleConsentMode: true, categories: { analytics: {}, advertising: { default: false } } } as ConsentGateConfig);
    expect(layer()[0]).toEqual(['args', 'consent', 'default', { ...denied, analytics_storage: 'granted', functionality_storage: 'granted' }]);
  });

  it('rejects bad options with a path, and is not known to a build without the feature', () => {
    const problems = checkConfig({ googleConsentMode: { waitForUpdate: -1, map: { ads: ['ad_storage', 'cookies'] } } }, { features: [googleConsentMode()] }).map(explainProblem);
    expect(problems.map((p) => p.path)).toEqual(['googleConsentMode.waitForUpdate', 'googleConsentMode.map.ads[1]']);
    const without = checkConfig({ googleConsentMode: true }).map(explainProblem);
    expect(without[0]!.message).toContain('consent-gate.gcm.iife.js');
  });
});

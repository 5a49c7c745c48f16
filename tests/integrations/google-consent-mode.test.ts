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

describe('Google Consent Mode v2 (contract section 9)', () => {
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

  it('maps analytics to functional on a site without an analytics category (contract section 2)', () => {
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
      ['args', 'consent', 'default', { ...denied, wait_for_update: 800 }],
      ['args', 'set', 'ads_data_redaction', true],
      ['args', 'set', 'url_passthrough', true],
    ]);
    gate!.acceptAll();
    expect(layer('myLayer')[3]).toEqual(['args', 'consent', 'update', { ...denied, ad_storage: 'granted' }]);
    expect(view['dataLayer']).toBeUndefined();
  });

  it('in opt-out mode, defaults follow each category default', () => {
    start({ mode: 'opt-out', googleConsentMode: true, categories: { analytics: {}, advertising: { default: false } } } as ConsentGateConfig);
    expect(layer()[0]).toEqual(['args', 'consent', 'default', { ...denied, analytics_storage: 'granted' }]);
  });

  it('rejects bad options with a path, and is not known to a build without the feature', () => {
    const problems = checkConfig({ googleConsentMode: { waitForUpdate: -1, map: { ads: ['ad_storage', 'cookies'] } } }, { fields: googleConsentMode().fields }).map(explainProblem);
    expect(problems.map((p) => p.path)).toEqual(['googleConsentMode.waitForUpdate', 'googleConsentMode.map.ads[1]']);
    const without = checkConfig({ googleConsentMode: true }).map(explainProblem);
    expect(without[0]!.message).toContain('consent-gate.gcm.iife.js');
  });
});

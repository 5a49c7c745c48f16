import { afterEach, describe, expect, it } from 'vitest';
import { createConsent } from '../src/create-consent';
import type { Feature, FeatureContext } from '../src/features';
import { installFeature } from '../src/features';
import { createMemoryStorage } from '../src/storage/decision-storage';
import type { ConsentGate } from '../src/consent-gate';
import type { ConsentGateConfig } from '../src/types';
import { recordingLogger } from './support/logger';

/** A feature on the `googleConsentMode` key that records what it was started with. */
function recorder(started: Array<FeatureContext<'googleConsentMode'>['options']>): Feature<'googleConsentMode'> {
  return {
    key: 'googleConsentMode',
    check: (value, path, problems) => {
      if (typeof value !== 'boolean' && typeof value !== 'object') problems.push({ path, code: 'boolean', value });
    },
    start: ({ options }) => {
      started.push(options);
      return () => undefined;
    },
  };
}

let gate: ConsentGate | undefined;
afterEach(() => {
  gate?.destroy();
  gate = undefined;
  delete (window as unknown as Record<symbol, unknown>)[Symbol.for('consent-gate.features')];
});

function start(config: ConsentGateConfig, features?: Feature[]) {
  gate = createConsent(config, { storage: createMemoryStorage(), logger: recordingLogger(), features });
}

describe('a feature joins an instance through its options', () => {
  it('has its key checked with the config, and starts with the validated value', () => {
    const started: Array<ConsentGateConfig['googleConsentMode']> = [];
    start({ googleConsentMode: true }, [recorder(started)]);
    start({ googleConsentMode: { dataLayerName: 'layer' } }, [recorder(started)]);
    expect(started).toEqual([true, { dataLayerName: 'layer' }]);
    expect(() => start({ googleConsentMode: 3 } as unknown as ConsentGateConfig, [recorder(started)])).toThrow(/googleConsentMode/);
  });

  it('is told when its key is unset or false, so it does nothing', () => {
    const started: Array<ConsentGateConfig['googleConsentMode']> = [];
    start({}, [recorder(started)]);
    start({ googleConsentMode: false }, [recorder(started)]);
    expect(started).toEqual([undefined, false]);
  });

  it('is unknown to an instance not given it', () => {
    expect(() => start({ googleConsentMode: true })).toThrow(/googleConsentMode/);
  });

  it('joins the npm instances of a window it was installed on (installAutoBlock)', () => {
    const started: Array<ConsentGateConfig['googleConsentMode']> = [];
    installFeature(window, recorder(started));
    installFeature(window, recorder(started));
    start({ googleConsentMode: true });
    expect(started).toEqual([true]);
  });
});

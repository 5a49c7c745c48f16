/**
 * Features: what must act before other scripts run (Google Consent Mode's defaults, the
 * automatic-blocking interceptor) and so cannot wait for a part. A feature joins in one way: it is
 * a {@link Feature}, listed in the array a drop-in entry passes to `startScriptTag`
 * (`auto-gcm.ts`, `auto-autoblock.ts`, `auto-full.ts`) or, with npm, in `options.features`.
 * Its config key is then checked with the rest of the config, and every other build reports the
 * key as unknown, naming the build that has it (`config/messages.ts`). A site downloads a
 * feature only by choosing a build or an import that carries it.
 */
import type { Check, FeatureKeyCheck } from './config/checks';
import type { ResolvedConfig } from './config/normalize';
import type { Logger } from './core/logger';
import type { Stores } from './core/stores';
import type { ConsentGateConfig } from './types';

/** A config key a feature can add: every one is typed, with its TSDoc, in `ConsentGateConfig`. */
export type FeatureKey = keyof ConsentGateConfig;

/** A config field's check, as `config/checks.ts` writes them. */
export type FieldCheck = Check;

/** What a feature sees when it starts. */
export interface FeatureContext<K extends FeatureKey = FeatureKey> {
  config: ResolvedConfig;
  /**
   * The value of the feature's key, already validated with the rest of the config (unset or
   * `false` when the site did not turn the feature on; the feature then does nothing).
   */
  options: ConsentGateConfig[K];
  stores: Pick<Stores, '$consent'>;
  document: Document;
  logger: Logger;
}

/** A start-time feature: its config key, that key's check, and what it does. */
export interface Feature<K extends FeatureKey = FeatureKey> extends FeatureKeyCheck {
  /** The top-level config key it adds (`googleConsentMode`), typed with its TSDoc in `ConsentGateConfig`. */
  key: K;
  /** The check of the key's value, run with the rest of the config's. */
  check: Check;
  /**
   * Runs when the drop-in script is evaluated, before the instance is created and before any
   * later script: for what must patch the page first (the automatic-blocking interceptor).
   * `config` is the page's config as read, not yet validated (the key may be unset).
   */
  install?(view: Window, config: ConsentGateConfig): void;
  /**
   * Runs when the instance starts, after the stored decision is read and before anything gated
   * is activated; listeners it adds run before gating on every later change. Returns its clean-up.
   */
  start(context: FeatureContext<K>): () => void;
}

/** @deprecated The former name of {@link Feature}. */
export type StartFeature = Feature;

const INSTALLED = Symbol.for('consent-gate.features');
type WithFeatures = Window & { [INSTALLED]?: Feature[] };

/**
 * Features installed on a window by an npm installer that must run before the instance exists
 * (`installAutoBlock`): npm instances created on that window add them to their `features`.
 */
export function installedFeatures(view: Window | null): readonly Feature[] {
  return (view as WithFeatures | null)?.[INSTALLED] ?? [];
}

/** Records a feature an npm installer put on a window, once per key (see {@link installedFeatures}). */
export function installFeature(view: Window, feature: Feature): void {
  const list = ((view as WithFeatures)[INSTALLED] ??= []);
  if (!list.some((known) => known.key === feature.key)) list.push(feature);
}

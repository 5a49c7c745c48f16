/**
 * Start-time features: what must act before other scripts run (Google Consent Mode's defaults,
 * later the automatic-blocking interceptor) and so cannot wait for a part. A site gets one in its
 * first view only by choosing the build that carries it (`consent-gate.gcm.iife.js`) or, with npm,
 * by passing it in `options.features`; every other site downloads none of it.
 */
import type { Check } from './config/checks';
import type { ResolvedConfig } from './config/normalize';
import type { Logger } from './core/logger';
import type { Stores } from './core/stores';
import type { ConsentGateConfig } from './types';

/** A config field's check, as `config/checks.ts` writes them. */
export type FieldCheck = Check;

/** What a feature sees when it starts. */
export interface FeatureContext {
  config: ResolvedConfig;
  stores: Pick<Stores, '$consent'>;
  document: Document;
  logger: Logger;
}

export interface StartFeature {
  /** The config keys the feature adds, with their checks. */
  fields: Record<string, FieldCheck>;
  /**
   * Runs when the instance starts, after the stored decision is read and before anything gated
   * is activated; listeners it adds run before gating on every later change. Returns its clean-up.
   */
  start(context: FeatureContext): () => void;
}

/** The raw value of a feature's config key. */
export function featureConfig<T>(config: ResolvedConfig, key: string): T | undefined {
  return (config.source as ConsentGateConfig & Record<string, unknown>)[key] as T | undefined;
}

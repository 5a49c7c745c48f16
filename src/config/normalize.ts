/**
 * Turns a validated configuration into the resolved form the core works with: defaults filled
 * in, `necessary` first, patterns compiled.
 */
import type { ConsentGateConfig, ConsentMode, ControllerConfig, CookieDescription, VendorConfig } from '../types';
import { checkConfig, describeProblem, type FeatureKeyCheck } from './checks';
import { ConsentGateConfigError } from './errors';
import { explainProblem } from './messages';
import { compilePattern, type NamePattern } from './patterns';
import { TEXT_KEYS } from './text-keys';

/** A category with every field resolved. */
export interface ResolvedCategory {
  id: string;
  label?: string;
  description?: string;
  /** The declared cookies, each with its compiled pattern. */
  cookies: Array<CookieDescription & { pattern: NamePattern }>;
  storage: NamePattern[];
  vendors: VendorConfig[];
  /** Starting state in opt-out mode. */
  default: boolean;
}

/**
 * The configuration with every default applied: the one place defaults live. Everything after
 * `resolveConfig` reads this, never the raw config.
 */
export interface ResolvedConfig {
  mode: ConsentMode;
  revision: number;
  /** Every category, `necessary` first. */
  categories: ResolvedCategory[];
  /** Ids of the categories a visitor can switch (all but `necessary`). */
  optional: string[];
  cookie: { name: string; days: number; domain?: string };
  respectDoNotTrack: boolean;
  allowInlineNecessary: boolean;
  /** The consent log, when the site has an endpoint. */
  log?: { endpoint: string; queueSize?: number };
  privacyPolicyUrl?: string;
  controller?: ControllerConfig;
  closeButton: boolean;
  /** The settings button's corner, or false for none. */
  settingsButton: false | 'bottom-left' | 'bottom-right';
  position: 'bottom' | 'top';
  layout: 'bar' | 'box';
  theme: 'auto' | 'light' | 'dark';
  language?: string;
  texts: Record<string, Record<string, string>>;
  /**
   * The configured category that gates a category id named in markup or by the catalogue, or
   * null when the site has none: `analytics` falls back to `functional` when the site has no
   * analytics category. Shared by gating, scanning and withdrawal.
   */
  categoryFor(id: string): string | null;
  /** The configuration as given (the instance's `config`). */
  source: ConsentGateConfig;
}

/** Days a decision is kept by default: CNIL's six months (CNIL deliberation 2020-091). */
export const DEFAULT_COOKIE_DAYS = 182;

function compile(value: string): NamePattern {
  const pattern = compilePattern(value);
  // Validation rejected every pattern that does not compile.
  return pattern instanceof Error ? value : pattern;
}

function resolveCategory(id: string, config: ConsentGateConfig['categories']): ResolvedCategory {
  const given = config?.[id] ?? {};
  return {
    id,
    label: given.label,
    description: given.description,
    cookies: (given.cookies ?? []).map((entry) => {
      const description = typeof entry === 'string' ? { name: entry } : entry;
      return { ...description, pattern: compile(description.name) };
    }),
    storage: (given.storage ?? []).map(compile),
    vendors: given.vendors ?? [],
    default: id === 'necessary' ? true : given.default !== false,
  };
}

export function categoryResolver(ids: readonly string[]): (id: string) => string | null {
  return (id) => {
    if (ids.includes(id)) return id;
    if (id === 'analytics' && ids.includes('functional')) return 'functional';
    return null;
  };
}

/** Throws the config error: in full words in development builds, tersely in production ones. */
function reject(config: unknown, problems: ReturnType<typeof checkConfig>): never {
  try {
    // Development builds explain every problem; production bundles drop this branch.
    if (process.env.NODE_ENV !== 'production') throw new ConsentGateConfigError(problems.map(explainProblem));
  } catch (error) {
    // No bundler replaced process.env and there is no `process`: a production page.
    if (error instanceof ConsentGateConfigError) throw error;
  }
  throw new ConsentGateConfigError(problems.map(describeProblem), config);
}

/** Development builds also check the keys of `texts`; production bundles drop the list. */
function developmentTextKeys(): readonly string[] | undefined {
  try {
    if (process.env.NODE_ENV !== 'production') return TEXT_KEYS;
  } catch {
    // No bundler replaced process.env and there is no `process`: a production page.
  }
  return undefined;
}

/**
 * Validates and resolves a configuration; each of `features` adds its config key.
 * @throws {ConsentGateConfigError} listing every problem found.
 */
export function resolveConfig(config: ConsentGateConfig = {}, features: readonly FeatureKeyCheck[] = []): ResolvedConfig {
  const problems = checkConfig(config, { features, textKeys: developmentTextKeys() });
  if (problems.length > 0) reject(config, problems);
  const ids = ['necessary', ...Object.keys(config.categories ?? {}).filter((id) => id !== 'necessary')];
  return {
    mode: config.mode ?? 'opt-in',
    revision: config.revision ?? 0,
    categories: ids.map((id) => resolveCategory(id, config.categories)),
    optional: ids.slice(1),
    cookie: {
      name: config.cookie?.name ?? 'consent_gate',
      days: config.cookie?.days ?? DEFAULT_COOKIE_DAYS,
      domain: config.cookie?.domain,
    },
    respectDoNotTrack: config.respectDoNotTrack ?? false,
    allowInlineNecessary: config.allowInlineNecessary ?? false,
    log: config.log,
    privacyPolicyUrl: config.privacyPolicyUrl,
    controller: config.controller,
    closeButton: config.closeButton ?? false,
    settingsButton: config.settingsButton === false ? false : (typeof config.settingsButton === 'object' && config.settingsButton.position) || 'bottom-left',
    position: config.position ?? 'bottom',
    layout: config.layout ?? 'box',
    theme: config.theme ?? 'auto',
    language: config.language,
    texts: config.texts ?? {},
    categoryFor: categoryResolver(ids),
    source: config,
  };
}

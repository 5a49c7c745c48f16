/**
 * Turns a validated configuration into the resolved form the core works with: defaults filled
 * in, `necessary` first, patterns compiled.
 */
import type { ConsentGateConfig, ConsentMode, CookieDescription, VendorConfig } from '../types';
import { ConsentGateConfigError } from './errors';
import { compilePattern, type NamePattern } from './patterns';
import { validateConfig } from './validate';

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

/** The configuration with defaults applied. */
export interface ResolvedConfig {
  mode: ConsentMode;
  revision: number;
  /** Every category, `necessary` first. */
  categories: ResolvedCategory[];
  /** Ids of the categories a visitor can switch (all but `necessary`). */
  optional: string[];
  cookie: { name: string; days: number; domain?: string };
  respectDoNotTrack: boolean;
  /** The configuration as given, for the UI's own fields. */
  source: ConsentGateConfig;
}

/** Days a decision is kept by default: CNIL's six months (standards GDPR-12). */
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

/**
 * Validates and resolves a configuration.
 * @throws {ConsentGateConfigError} listing every problem found.
 */
export function resolveConfig(config: ConsentGateConfig = {}): ResolvedConfig {
  const problems = validateConfig(config);
  if (problems.length > 0) throw new ConsentGateConfigError(problems);
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
    source: config,
  };
}

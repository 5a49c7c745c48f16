/**
 * The full configuration report: every problem in friendly words, with what is allowed and a
 * "did you mean" hint for unknown keys. Development builds use it directly; the script tag
 * loads it as its `messages` part only when the compact check failed.
 */
import { checkConfig, type CheckOptions, type CodedProblem, type FormatName } from './checks';
import { didYouMean } from './did-you-mean';
import type { ConfigProblem } from './errors';
import { TEXT_KEYS } from './text-keys';

const FORMATS: Record<FormatName | 'pattern', string> = {
  'category-id': 'a category id: lower-case letters, digits, "_" or "-", starting with a letter, at most 32 characters',
  'cookie-name': 'a cookie name: letters, digits, "_" or "-", at most 64 characters',
  language: 'a language tag such as "en" or "pt-BR"',
  host: 'a host name such as "ads.example.com"',
  domain: 'a domain such as "example.com"',
  pattern: 'a name or a "/regex/" string',
};

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/**
 * The feature keys, each with its drop-in build and its npm import. A feature acts before other
 * scripts run, so it ships in its own build and the default one does not carry it: there, its
 * key is unknown, and this says where it is.
 */
const FEATURE_HOMES: Record<string, [build: string, npm: string]> = {
  googleConsentMode: ['gcm', '`features: [googleConsentMode()]` from "consent-gate/google-consent-mode"'],
  autoBlock: ['autoblock', 'installAutoBlock(config) from "consent-gate/autoblock" before any other script'],
};

function unknownKey(path: string, known: string[]): string {
  const name = path.slice(path.lastIndexOf('.') + 1);
  const home = path === name ? FEATURE_HOMES[name] : undefined;
  if (home) {
    return `not in this build: ${name} needs dist/consent-gate.${home[0]}.iife.js (or consent-gate.full.iife.js) instead of consent-gate.iife.js, a drop-in with the same API, or with npm ${home[1]}`;
  }
  const hint = didYouMean(name, known);
  return `unknown key${hint ? `: did you mean "${hint}"?` : ''} Allowed: ${known.join(', ')}`;
}

/** One problem in words: what was wrong and what is allowed. */
export function explainProblem(problem: CodedProblem): ConfigProblem {
  const { path, code, value, detail } = problem;
  const shown = show(value);
  const messages: Record<CodedProblem['code'], () => string> = {
    object: () => `${shown} is not an object`,
    string: () => `${shown} is not a string`,
    boolean: () => `${shown} is not allowed: use true${detail ? `, false or ${String(detail)}` : ' or false'}`,
    array: () => `${shown} is not an array`,
    enum: () => `${shown} is not allowed: use ${(detail as string[]).map((a) => `"${a}"`).join(' or ')}`,
    range: () => `${shown} is out of range: use a whole number from ${(detail as number[])[0]} to ${(detail as number[])[1]}`,
    format: () => `${shown} is not ${FORMATS[detail as FormatName]}`,
    url: () =>
      detail === ''
        ? `${shown} is not a URL: use an http(s), mailto or relative URL`
        : `${shown} uses the "${String(detail)}:" scheme: only http(s), mailto and relative URLs are allowed`,
    endpoint: () =>
      `${shown} is not a consent log endpoint: use an http(s) URL or a relative one such as "/consent" (records are sent with fetch or sendBeacon, which speak only HTTP)`,
    regex: () => `${shown} is not a valid regex (${String(detail)})`,
    unknown: () => unknownKey(path, detail as string[]),
    required: () =>
      detail === 'custom-category'
        ? "is required for a custom category: visitors see it as the category's name (only the built-in categories have names in every language)"
        : 'is required',
    fixed: () => 'is not allowed: necessary is always allowed',
    'near-built-in': () =>
      `${shown} is one edit away from the built-in category "${String(detail)}": did you mean "${String(detail)}"? Rename it, or give a custom category an id clearly different from it`,
  };
  return { path, message: messages[code]() };
}

/**
 * Every problem in a configuration, in words; an empty list means it is valid. Unlike the
 * compact check production builds carry, it also names unknown keys in `texts`. `features` are
 * the features a build or instance carries (`[googleConsentMode()]`): each adds its config key.
 * @example validateConfig({ categores: {} }) // [{ path: 'categores', message: 'unknown key: did you mean "categories"? …' }]
 */
export function validateConfig(config: unknown, features?: CheckOptions['features']): ConfigProblem[] {
  return checkConfig(config, { features, textKeys: TEXT_KEYS }).map(explainProblem);
}

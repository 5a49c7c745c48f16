/**
 * The configuration's shape, as checks that report coded problems. One set of checks serves
 * both reports: the terse one every build carries (`describeProblem`) and the full one with
 * friendly wording and "did you mean" hints (`./messages`, development builds and the script
 * tag's messages part). Sharing the checks is what makes both accept exactly the same configs.
 */
import { withinOneEdit } from './did-you-mean';
import { compilePattern, isRegexForm } from './patterns';

/** What a check found wrong; `detail` depends on `code` (allowed values, bounds, known keys…). */
export interface CodedProblem {
  path: string;
  code: ProblemCode;
  value: unknown;
  detail?: unknown;
}

export type ProblemCode = 'object' | 'string' | 'boolean' | 'array' | 'enum' | 'range' | 'format' | 'url' | 'regex' | 'unknown' | 'required' | 'fixed' | 'near-built-in' | 'endpoint';

/** Named formats; the full report words each one. */
export type FormatName = 'category-id' | 'cookie-name' | 'language' | 'host' | 'domain';

/** Checks one value at a path, adding what it finds wrong to `problems`. */
export type Check = (value: unknown, path: string, problems: CodedProblem[]) => void;

/** Category ids: short, lower case, safe in markup, selectors and the cookie value. */
export const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const COOKIE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const HOST_NAME = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
/** Longest lifetime accepted: RFC 6265bis lets browsers cap cookies at 400 days. */
export const MAX_COOKIE_DAYS = 395;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeCheck(code: 'string' | 'boolean'): Check {
  return (value, path, problems) => {
    if (typeof value !== code) problems.push({ path, code, value });
  };
}

const isString = typeCheck('string');
export const isBoolean = typeCheck('boolean');

function oneOf(...allowed: string[]): Check {
  return (value, path, problems) => {
    if (typeof value !== 'string' || !allowed.includes(value)) problems.push({ path, code: 'enum', value, detail: allowed });
  };
}

function matching(pattern: RegExp, format: FormatName): Check {
  return (value, path, problems) => {
    if (typeof value !== 'string' || !pattern.test(value)) problems.push({ path, code: 'format', value, detail: format });
  };
}

/** The scheme of a URL when it is not one of `allowed`, '' for an empty URL, null when allowed or relative. */
export function unsafeScheme(value: unknown, allowed = ['http', 'https', 'mailto']): string | null {
  if (typeof value !== 'string' || value.trim() === '') return '';
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(value.replace(/[\u0000-\u0020]/g, '').toLowerCase())?.[1];
  return scheme && !allowed.includes(scheme) ? scheme : null;
}

/** Only http(s), mailto and relative URLs: `javascript:` or `data:` would run or smuggle code. */
const isSafeUrl: Check = (value, path, problems) => {
  const scheme = unsafeScheme(value);
  if (scheme !== null) problems.push({ path, code: 'url', value, detail: scheme });
};

/** Records are POSTed with fetch or sendBeacon, which speak only HTTP: a `mailto:` endpoint would drop every one. */
const isEndpoint: Check = (value, path, problems) => {
  const scheme = unsafeScheme(value, ['http', 'https']);
  if (scheme !== null) problems.push({ path, code: 'endpoint', value, detail: scheme });
};

function integerIn(min: number, max: number): Check {
  return (value, path, problems) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) problems.push({ path, code: 'range', value, detail: [min, max] });
  };
}

function arrayOf(item: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problems.push({ path, code: 'array', value });
      return;
    }
    value.forEach((entry, index) => item(entry, `${path}[${index}]`, problems));
  };
}

function recordOf(key: Check, item: Check): Check {
  return (value, path, problems) => {
    if (!isPlainObject(value)) {
      problems.push({ path, code: 'object', value });
      return;
    }
    for (const [name, entry] of Object.entries(value)) {
      key(name, `${path}.${name}`, problems);
      item(entry, `${path}.${name}`, problems);
    }
  };
}

/** An object with known fields; unknown keys are problems (the full report adds a hint). */
export function shape(fields: Record<string, Check>, required: string[] = []): Check {
  return (value, path, problems) => {
    if (!isPlainObject(value)) {
      problems.push({ path: path || '(config)', code: 'object', value });
      return;
    }
    const prefix = path ? `${path}.` : '';
    for (const name of required) {
      if (value[name] === undefined) problems.push({ path: `${prefix}${name}`, code: 'required', value: undefined });
    }
    for (const [name, entry] of Object.entries(value)) {
      const check = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
      if (!check) problems.push({ path: `${prefix}${name}`, code: 'unknown', value: entry, detail: Object.keys(fields) });
      else if (entry !== undefined) check(entry, `${prefix}${name}`, problems);
    }
  };
}

const namePattern: Check = (value, path, problems) => {
  if (typeof value !== 'string' || value === '') {
    problems.push({ path, code: 'format', value, detail: 'pattern' });
    return;
  }
  if (!isRegexForm(value)) return;
  const compiled = compilePattern(value);
  if (compiled instanceof Error) problems.push({ path, code: 'regex', value, detail: compiled.message });
};

const cookieDeclaration: Check = (value, path, problems) => {
  if (typeof value === 'string') namePattern(value, path, problems);
  else shape({ name: namePattern, purpose: isString, lifetime: isString, provider: isString }, ['name'])(value, path, problems);
};

const vendor = shape({ name: isString, domains: arrayOf(matching(HOST_NAME, 'host')), privacyUrl: isSafeUrl }, ['name']);

const category = shape({
  label: isString,
  description: isString,
  cookies: arrayOf(cookieDeclaration),
  storage: arrayOf(namePattern),
  vendors: arrayOf(vendor),
  default: isBoolean,
});

/** The categories the library names and describes in every language. */
export const BUILT_IN_CATEGORIES = ['necessary', 'functional', 'analytics', 'advertising', 'social'];

/**
 * A custom category is shown by the name and words its config gives, so it needs a `label`; an
 * id one edit away from a built-in one ("analytcs") is far more likely a typo than a new
 * category, and would otherwise show visitors the typo as a category name without a
 * description, while the built-in category it meant stays undeclared.
 */
const customCategory: Check = (value, path, problems) => {
  const id = path.slice(path.lastIndexOf('.') + 1);
  if (BUILT_IN_CATEGORIES.includes(id)) return;
  const near = BUILT_IN_CATEGORIES.find((builtIn) => withinOneEdit(id.toLowerCase(), builtIn));
  if (near) problems.push({ path, code: 'near-built-in', value: id, detail: near });
  else if (CATEGORY_ID.test(id) && isPlainObject(value) && value['label'] === undefined) problems.push({ path: `${path}.label`, code: 'required', value: undefined, detail: 'custom-category' });
};

const categories: Check = (value, path, problems) => {
  recordOf(matching(CATEGORY_ID, 'category-id'), (entry, at, found) => {
    category(entry, at, found);
    customCategory(entry, at, found);
  })(value, path, problems);
  const necessary = isPlainObject(value) ? value['necessary'] : undefined;
  if (isPlainObject(necessary) && necessary['default'] !== undefined) {
    problems.push({ path: `${path}.necessary.default`, code: 'fixed', value: necessary['default'] });
  }
};

/** A key of a fixed list; an unknown one is reported like an unknown config key, with a hint. */
function keyOf(known: readonly string[]): Check {
  return (value, path, problems) => {
    if (!known.includes(value as string)) problems.push({ path, code: 'unknown', value, detail: known });
  };
}

const textsOf = (textKeys?: readonly string[]) => recordOf(matching(LANGUAGE_TAG, 'language'), recordOf(textKeys ? keyOf(textKeys) : () => undefined, isString));

/** `true`, `false` or `{ "position": … }`: anything else is reported with all three forms. */
const settingsButton: Check = (value, path, problems) => {
  if (isPlainObject(value)) shape({ position: oneOf('bottom-left', 'bottom-right') })(value, path, problems);
  else if (typeof value !== 'boolean') problems.push({ path, code: 'boolean', value, detail: '{ "position": "bottom-left" | "bottom-right" }' });
};

/** The top-level keys every build accepts; the features an instance is given add theirs. */
const TOP_LEVEL: Record<string, Check> = {
  mode: oneOf('opt-in', 'opt-out'),
  revision: integerIn(0, 1_000_000),
  categories,
  privacyPolicyUrl: isSafeUrl,
  controller: shape({ name: isString, contact: isString }, ['name']),
  cookie: shape({
    name: matching(COOKIE_NAME, 'cookie-name'),
    days: integerIn(1, MAX_COOKIE_DAYS),
    domain: matching(HOST_NAME, 'domain'),
  }),
  log: shape({ endpoint: isEndpoint, queueSize: integerIn(1, 1000) }, ['endpoint']),
  respectDoNotTrack: isBoolean,
  allowInlineNecessary: isBoolean,
  closeButton: isBoolean,
  settingsButton: settingsButton,
  position: oneOf('bottom', 'top'),
  layout: oneOf('bar', 'box'),
  theme: oneOf('auto', 'light', 'dark'),
  language: matching(LANGUAGE_TAG, 'language'),
  texts: textsOf(),
};

/** A config key a feature adds, with its check (`Feature` in `features.ts` is one). */
export interface FeatureKeyCheck {
  key: string;
  check: Check;
}

/** What a build's check knows beyond the base fields. */
export interface CheckOptions {
  /** The features given to an instance: each adds its top-level key (`googleConsentMode`…). */
  features?: readonly FeatureKeyCheck[];
  /** With the list of text keys (the full report, development builds), unknown `texts` keys are problems too. */
  textKeys?: readonly string[];
}

/** Every problem in a configuration, coded; an empty list means it is valid. */
export function checkConfig(config: unknown, { features = [], textKeys }: CheckOptions = {}): CodedProblem[] {
  const problems: CodedProblem[] = [];
  const fields: Record<string, Check> = { ...TOP_LEVEL, ...(textKeys ? { texts: textsOf(textKeys) } : {}) };
  for (const feature of features) fields[feature.key] = feature.check;
  const check = shape(fields);
  check(config, '', problems);
  return problems;
}

export { shape as objectCheck, oneOf as enumCheck, integerIn as integerCheck, arrayOf as arrayCheck, recordOf as recordCheck, isString as stringCheck, isBoolean as booleanCheck, matching as formatCheck };

/**
 * The terse wording production builds carry: the path and why, in a few words. The full
 * wording is in `./messages`.
 */
export function describeProblem({ path, code, detail }: CodedProblem): { path: string; message: string } {
  const list = Array.isArray(detail) ? detail.join(code === 'range' ? '-' : '|') : detail;
  return { path, message: list === undefined || code === 'unknown' ? code : `${code} (${String(list)})` };
}

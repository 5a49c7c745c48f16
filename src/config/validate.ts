/**
 * Configuration validation: collects every problem with its path, the bad value and what is
 * allowed, so a site owner fixes a config in one go instead of one error at a time.
 */
import type { ConfigProblem } from './errors';
import { didYouMean } from './did-you-mean';
import { compilePattern, isRegexForm } from './patterns';

type Check = (value: unknown, path: string, problems: ConfigProblem[]) => void;

/** Category ids: short, lower case, safe in markup, selectors and the cookie value. */
export const CATEGORY_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const COOKIE_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const HOST_NAME = /^\.?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
/** Longest lifetime accepted: RFC 6265bis lets browsers cap cookies at 400 days (standards CK-3). */
export const MAX_COOKIE_DAYS = 395;

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function problem(problems: ConfigProblem[], path: string, message: string): void {
  problems.push({ path, message });
}

const isString: Check = (value, path, problems) => {
  if (typeof value !== 'string') problem(problems, path, `${show(value)} is not a string`);
};

const isBoolean: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') problem(problems, path, `${show(value)} is not allowed: use true or false`);
};

function oneOf(...allowed: string[]): Check {
  return (value, path, problems) => {
    if (typeof value === 'string' && allowed.includes(value)) return;
    problem(problems, path, `${show(value)} is not allowed: use ${allowed.map((a) => `"${a}"`).join(' or ')}`);
  };
}

function matching(pattern: RegExp, what: string): Check {
  return (value, path, problems) => {
    if (typeof value === 'string' && pattern.test(value)) return;
    problem(problems, path, `${show(value)} is not ${what}`);
  };
}

/** Only http(s), mailto and relative URLs: `javascript:` or `data:` would run or smuggle code. */
export const isSafeUrl: Check = (value, path, problems) => {
  if (typeof value !== 'string' || value.trim() === '') {
    problem(problems, path, `${show(value)} is not a URL: use an http(s), mailto or relative URL`);
    return;
  }
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const compact = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (scheme && !['http', 'https', 'mailto'].includes(scheme[1]!)) {
    problem(problems, path, `${show(value)} uses the "${scheme[1]}:" scheme: only http(s), mailto and relative URLs are allowed`);
  }
};

function integerIn(min: number, max: number): Check {
  return (value, path, problems) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return;
    problem(problems, path, `${show(value)} is out of range: use a whole number from ${min} to ${max}`);
  };
}

function arrayOf(item: Check): Check {
  return (value, path, problems) => {
    if (!Array.isArray(value)) {
      problem(problems, path, `${show(value)} is not an array`);
      return;
    }
    value.forEach((entry, index) => item(entry, `${path}[${index}]`, problems));
  };
}

function recordOf(key: Check, item: Check): Check {
  return (value, path, problems) => {
    if (!isPlainObject(value)) {
      problem(problems, path, `${show(value)} is not an object`);
      return;
    }
    for (const [name, entry] of Object.entries(value)) {
      key(name, `${path}.${name}`, problems);
      item(entry, `${path}.${name}`, problems);
    }
  };
}

/** An object with known fields; unknown keys are errors with a "did you mean" hint. */
function shape(fields: Record<string, Check>, required: string[] = []): Check {
  const known = Object.keys(fields);
  return (value, path, problems) => {
    if (!isPlainObject(value)) {
      problem(problems, path || '(config)', `${show(value)} is not an object`);
      return;
    }
    const prefix = path ? `${path}.` : '';
    for (const name of required) {
      if (value[name] === undefined) problem(problems, `${prefix}${name}`, 'is required');
    }
    for (const [name, entry] of Object.entries(value)) {
      const check = Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : undefined;
      if (!check) {
        const hint = didYouMean(name, known);
        problem(problems, `${prefix}${name}`, `unknown key${hint ? `: did you mean "${hint}"?` : ''} Allowed: ${known.join(', ')}`);
        continue;
      }
      if (entry !== undefined) check(entry, `${prefix}${name}`, problems);
    }
  };
}

const namePattern: Check = (value, path, problems) => {
  if (typeof value !== 'string' || value === '') {
    problem(problems, path, `${show(value)} is not a name or a "/regex/" string`);
    return;
  }
  if (!isRegexForm(value)) return;
  const compiled = compilePattern(value);
  if (compiled instanceof Error) problem(problems, path, `${show(value)} is not a valid regex (${compiled.message})`);
};

const cookieDeclaration: Check = (value, path, problems) => {
  if (typeof value === 'string') {
    namePattern(value, path, problems);
    return;
  }
  shape({ name: namePattern, purpose: isString, lifetime: isString, provider: isString }, ['name'])(value, path, problems);
};

const vendor = shape({ name: isString, domains: arrayOf(matching(HOST_NAME, 'a host name such as "ads.example.com"')), privacyUrl: isSafeUrl }, ['name']);

const category = shape({
  label: isString,
  description: isString,
  cookies: arrayOf(cookieDeclaration),
  storage: arrayOf(namePattern),
  vendors: arrayOf(vendor),
  default: isBoolean,
});

const categoryId = matching(CATEGORY_ID, 'a category id: lower-case letters, digits, "_" or "-", starting with a letter, at most 32 characters');

const categories: Check = (value, path, problems) => {
  recordOf(categoryId, category)(value, path, problems);
  if (!isPlainObject(value)) return;
  const necessary = value['necessary'];
  if (isPlainObject(necessary) && necessary['default'] !== undefined) {
    problem(problems, `${path}.necessary.default`, 'is not allowed: necessary is always allowed');
  }
};

const topLevel = shape({
  mode: oneOf('opt-in', 'opt-out'),
  revision: integerIn(0, 1_000_000),
  categories,
  privacyPolicyUrl: isSafeUrl,
  controller: shape({ name: isString, contact: isString }, ['name']),
  cookie: shape({
    name: matching(COOKIE_NAME, 'a cookie name: letters, digits, "_" or "-", at most 64 characters'),
    days: integerIn(1, MAX_COOKIE_DAYS),
    domain: matching(HOST_NAME, 'a domain such as "example.com"'),
  }),
  respectDoNotTrack: isBoolean,
  closeButton: isBoolean,
  settingsButton: isBoolean,
  position: oneOf('bottom', 'top'),
  theme: oneOf('auto', 'light', 'dark'),
  language: matching(LANGUAGE_TAG, 'a language tag such as "en" or "pt-BR"'),
  texts: recordOf(matching(LANGUAGE_TAG, 'a language tag such as "en" or "pt-BR"'), recordOf(() => undefined, isString)),
});

/** Every problem in a configuration; an empty list means it is valid. */
export function validateConfig(config: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  topLevel(config, '', problems);
  return problems;
}

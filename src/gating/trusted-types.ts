/**
 * Trusted Types (the W3C specification): under `require-trusted-types-for 'script'`, script URLs and
 * texts must be trusted values. One named policy, `consent-gate`, made once per page by the main
 * file and handed to what activates scripts and loads parts. It passes only the value the library
 * is assigning at that moment (a gated element being activated, one of its own parts), never any
 * other string, so holding the policy is no way around the page's policy.
 */
interface ScriptPolicy {
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript(s: string): string; createScriptURL(s: string): string }): ScriptPolicy;
}

/** Makes script URLs and texts the page's Trusted Types policy accepts. */
export interface ScriptTrust {
  url(url: string): string;
  text(text: string): string;
}

/** A policy name can be created only once per page, so instances on one page share it. */
const trusts = new WeakMap<Window, ScriptTrust>();

function createTrust(view: Window): ScriptTrust {
  const factory = (view as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  let expected: string | null = null;
  const only = (value: string) => {
    if (value !== expected) throw new TypeError('[consent-gate] the consent-gate policy only passes what the library is activating');
    return value;
  };
  let policy: ScriptPolicy | null = null;
  try {
    if (factory) policy = factory.createPolicy('consent-gate', { createScript: only, createScriptURL: only });
  } catch {
    // The CSP's trusted-types directive does not list our policy: plain strings it is.
  }
  const pass = (value: string, make: ((value: string) => unknown) | undefined) => {
    if (!policy || !make) return value;
    expected = value;
    try {
      return make.call(policy, value) as string;
    } finally {
      expected = null;
    }
  };
  return {
    url: (url) => pass(url, policy?.createScriptURL),
    text: (text) => pass(text, policy?.createScript),
  };
}

/** The page's one script trust (created on first use). */
export function scriptTrust(view: Window): ScriptTrust {
  let trust = trusts.get(view);
  if (!trust) {
    trust = createTrust(view);
    trusts.set(view, trust);
  }
  return trust;
}

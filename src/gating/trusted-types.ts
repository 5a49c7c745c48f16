/**
 * Trusted Types (standards SEC-4): under `require-trusted-types-for 'script'`, script URLs and
 * texts must be trusted values. One named policy, `consent-gate`, passes through values that
 * come from the site's own markup; the nonce rule decides which markup counts.
 */
interface ScriptPolicy {
  createScript(text: string): unknown;
  createScriptURL(url: string): unknown;
}

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript(s: string): string; createScriptURL(s: string): string }): ScriptPolicy;
}

/** A policy name can be created only once per page, so instances on one page share it. */
const policies = new WeakMap<Window, ScriptPolicy | null>();

function scriptPolicy(view: Window): ScriptPolicy | null {
  if (policies.has(view)) return policies.get(view)!;
  const factory = (view as unknown as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  let policy: ScriptPolicy | null = null;
  try {
    if (factory) policy = factory.createPolicy('consent-gate', { createScript: (s) => s, createScriptURL: (s) => s });
  } catch {
    // The CSP's trusted-types directive does not list our policy: plain strings it is.
  }
  policies.set(view, policy);
  return policy;
}

export function trustedScriptUrl(view: Window, url: string): string {
  return (scriptPolicy(view)?.createScriptURL(url) ?? url) as string;
}

export function trustedScriptText(view: Window, text: string): string {
  return (scriptPolicy(view)?.createScript(text) ?? text) as string;
}

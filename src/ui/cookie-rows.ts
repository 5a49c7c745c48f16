/** Rows of the cookie declaration, shared by the dialog and the declaration table. */
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentGate } from '../consent-gate';

export interface CookieRow {
  category: string;
  name: string;
  provider?: string;
  purpose?: string;
  lifetime?: string;
}

/** `/^_ga_/` reads as `_ga_*` to a visitor. */
export function displayName(name: string): string {
  const regex = /^\/(.*)\/i?$/.exec(name);
  if (!regex) return name;
  return regex[1]!.replace(/^\^/, '').replace(/\$$/, '').replace(/\\\./g, '.').replace(/(\.\*|\.\+)$/, '') + (regex[1]!.endsWith('$') ? '' : '*');
}

export function cookieRows(config: ResolvedConfig, gate: ConsentGate): CookieRow[] {
  return config.categories.flatMap((category) =>
    category.cookies.map((cookie) => ({
      category: category.id,
      name: displayName(cookie.name),
      provider: cookie.provider ?? (typeof cookie.pattern === 'string' ? gate.classify(cookie.pattern).vendor : undefined),
      purpose: cookie.purpose,
      lifetime: cookie.lifetime,
    })),
  );
}

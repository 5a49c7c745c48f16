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
  const source = regex[1]!;
  const open = !source.endsWith('$') || /(\.\*|\.\+)\$$/.test(source);
  const readable = source.replace(/^\^/, '').replace(/\$$/, '').replace(/(\.\*|\.\+)$/, '').replace(/\\\./g, '.');
  return open ? `${readable}*` : readable;
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

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

/** Who sets a declared cookie: the declaration's provider, else the catalogue's vendor. */
export async function cookieProvider(cookie: ResolvedConfig['categories'][number]['cookies'][number], gate: ConsentGate): Promise<string | undefined> {
  if (cookie.provider) return cookie.provider;
  return typeof cookie.pattern === 'string' ? (await gate.classify(cookie.pattern)).vendor : undefined;
}

/** Every declared cookie, with its provider (the catalogue loads if it has not yet). */
export function cookieRows(config: ResolvedConfig, gate: ConsentGate): Promise<CookieRow[]> {
  return Promise.all(
    config.categories.flatMap((category) =>
      category.cookies.map(async (cookie) => ({
        category: category.id,
        name: displayName(cookie.name),
        provider: await cookieProvider(cookie, gate),
        purpose: cookie.purpose,
        lifetime: cookie.lifetime,
      })),
    ),
  );
}

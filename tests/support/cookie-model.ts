/**
 * A page whose `document.cookie` behaves like a browser's jar (RFC 6265 section 5.3): a cookie is
 * identified by its name, domain, path and host-only flag, so a write replaces or deletes it only
 * when all of them match; reading shows the names and values whose domain and path match the
 * page. happy-dom keeps one flat jar, which cannot show why deletion must try every place.
 */

export interface ModelCookie {
  name: string;
  value: string;
  /** The host for a host-only cookie, else the Domain attribute without its leading dot. */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Set by the server and invisible to script (RFC 6265 section 5.3 step 10). */
  httpOnly?: boolean;
  /** The browser refuses script writes that would replace it (e.g. a cookie of another context). */
  locked?: boolean;
}

export interface CookiePage {
  document: Document;
  /** Every cookie in the jar, visible or not. */
  jar: ModelCookie[];
  /** Each raw `document.cookie` write, in order. */
  writes: string[];
  /** Puts a cookie in the jar as a server would (no script write is recorded). */
  seed(cookie: Partial<ModelCookie> & { name: string }): void;
  localStorage: Storage;
  sessionStorage: Storage;
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index: number) => [...items.keys()][index] ?? null,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, String(value)),
    removeItem: (key: string) => void items.delete(key),
    clear: () => items.clear(),
  };
}

function domainMatches(cookie: ModelCookie, hostname: string): boolean {
  return cookie.hostOnly ? cookie.domain === hostname : hostname === cookie.domain || hostname.endsWith(`.${cookie.domain}`);
}

function pathMatches(cookiePath: string, pathname: string): boolean {
  return pathname === cookiePath || (pathname.startsWith(cookiePath) && (cookiePath.endsWith('/') || pathname[cookiePath.length] === '/'));
}

/** A page at `url` with a modelled cookie jar and in-memory storages. */
export function cookiePage(url = 'https://www.example.test/shop/cart', options: { storage?: 'ok' | 'throws' } = {}): CookiePage {
  const { hostname, pathname } = new URL(url);
  const jar: ModelCookie[] = [];
  const writes: string[] = [];
  const local = memoryStorage();
  const session = memoryStorage();
  const same = (a: ModelCookie, b: ModelCookie) => a.name === b.name && a.domain === b.domain && a.path === b.path && a.hostOnly === b.hostOnly;

  function write(raw: string): void {
    writes.push(raw);
    const [pair, ...attributes] = raw.split(';').map((part) => part.trim());
    const index = pair!.indexOf('=');
    const cookie: ModelCookie = { name: pair!.slice(0, index), value: pair!.slice(index + 1), domain: hostname, hostOnly: true, path: '/' };
    let expired = false;
    for (const attribute of attributes) {
      const [key, value = ''] = attribute.split('=');
      const lower = key!.toLowerCase();
      if (lower === 'path') cookie.path = value;
      if (lower === 'domain') {
        const domain = value.replace(/^\./, '');
        // A Domain the page's host does not domain-match is ignored as a whole (section 5.3 step 6).
        if (hostname !== domain && !hostname.endsWith(`.${domain}`)) return;
        cookie.domain = domain;
        cookie.hostOnly = false;
      }
      if (lower === 'max-age' && Number(value) <= 0) expired = true;
    }
    const existing = jar.findIndex((other) => same(other, cookie));
    if (existing >= 0 && (jar[existing]!.httpOnly || jar[existing]!.locked)) return;
    if (existing >= 0) jar.splice(existing, 1);
    if (!expired) jar.push(cookie);
  }

  const view = {} as Window;
  const storageGetter = (storage: Storage) => () => {
    if (options.storage === 'throws') throw new DOMException('The operation is insecure.', 'SecurityError');
    return storage;
  };
  Object.defineProperty(view, 'localStorage', { get: storageGetter(local) });
  Object.defineProperty(view, 'sessionStorage', { get: storageGetter(session) });

  const doc = {
    location: { hostname, pathname },
    defaultView: view,
    get cookie() {
      return jar
        .filter((cookie) => !cookie.httpOnly && domainMatches(cookie, hostname) && pathMatches(cookie.path, pathname))
        .map((cookie) => `${cookie.name}=${cookie.value}`)
        .join('; ');
    },
    set cookie(raw: string) {
      write(raw);
    },
  };

  return {
    document: doc as unknown as Document,
    jar,
    writes,
    seed: (cookie) => jar.push({ value: 'x', domain: hostname, hostOnly: true, path: '/', ...cookie }),
    localStorage: local,
    sessionStorage: session,
  };
}

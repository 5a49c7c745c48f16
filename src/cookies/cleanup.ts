/**
 * Withdrawal (GDPR Art. 7(3)): when a category goes from allowed to denied, delete its declared
 * cookies and storage keys, then re-read to see what stayed. JavaScript cannot delete HttpOnly
 * cookies or third-party cookies; those are reported, never claimed as deleted.
 */
import { matchesPattern, type NamePattern } from '../config/patterns';
import { writeCookie } from '../storage/cookie-jar';
import type { CleanupReport } from '../types';
import { candidateDomains, candidatePaths, visibleCookieNames } from './locations';

/** What a withdrawn category declared. */
export interface Declared {
  cookies: NamePattern[];
  storage: NamePattern[];
}

function matchesAny(name: string, patterns: NamePattern[]): boolean {
  return patterns.some((pattern) => matchesPattern(name, pattern));
}

/** Deletes one cookie in every place it may live: host-only, each parent domain, each path prefix. */
export function deleteCookieEverywhere(document: Document, name: string): void {
  const { hostname, pathname } = document.location;
  // Browsers refuse any write of a `__Secure-` or `__Host-` cookie without `Secure`, deletions
  // included (RFC 6265bis §4.1.3), so those are deleted as they were set.
  const secure = /^__(secure|host)-/i.test(name);
  for (const domain of candidateDomains(hostname)) {
    for (const path of candidatePaths(pathname)) {
      writeCookie(document, name, '', { path, domain, maxAge: 0, secure });
    }
  }
}

function removeStorageKeys(storage: Storage | undefined, patterns: NamePattern[]): string[] {
  if (!storage || patterns.length === 0) return [];
  const removed: string[] = [];
  for (let i = storage.length - 1; i >= 0; i--) {
    const key = storage.key(i);
    if (key !== null && matchesAny(key, patterns)) {
      storage.removeItem(key);
      removed.push(key);
    }
  }
  return removed;
}

/** Storage can throw on access (disabled cookies, sandboxed frames); then there is nothing to do. */
function storageOf(view: Window | null, kind: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return view?.[kind] ?? undefined;
  } catch {
    return undefined;
  }
}

/** Deletes what the withdrawn categories declared and reports what could not be deleted. */
export function cleanUp(document: Document, categories: string[], declared: Declared): CleanupReport {
  const targets = visibleCookieNames(document.cookie).filter((name) => matchesAny(name, declared.cookies));
  for (const name of targets) deleteCookieEverywhere(document, name);
  const stillThere = new Set(visibleCookieNames(document.cookie));
  const view = document.defaultView;
  return {
    categories,
    deleted: targets.filter((name) => !stillThere.has(name)),
    remaining: targets.filter((name) => stillThere.has(name)),
    storage: [
      ...removeStorageKeys(storageOf(view, 'localStorage'), declared.storage),
      ...removeStorageKeys(storageOf(view, 'sessionStorage'), declared.storage),
    ],
  };
}

/**
 * Withdrawal clean-up: when categories go from allowed to denied, delete what they declared at once
 * (no part needed), then the catalogue's well-known cookies of those categories once the catalogue
 * is available, and report what could not be deleted.
 */
import type { ResolvedConfig } from '../config/normalize';
import type { Emitter } from '../core/emitter';
import type { Logger } from '../core/logger';
import type { Stores } from '../core/stores';
import type { CatalogueEntry } from '../cookies/catalogue';
import type { CatalogueSource } from '../cookies/catalogue-source';
import { cleanUp } from '../cookies/cleanup';
import { scanCookies } from '../cookies/scan';
import type { ConsentEvents, ConsentState } from '../types';
import { say } from '../core/wording';

export interface WithdrawalOptions {
  config: ResolvedConfig;
  stores: Stores;
  document: Document;
  emitter: Emitter<ConsentEvents>;
  logger: Logger;
  catalogue: CatalogueSource;
}

function withdrawnIds(config: ResolvedConfig, previous: ConsentState, next: ConsentState): string[] {
  return config.optional.filter((id) => previous.categories[id] && !next.categories[id]);
}

function warnAboutRemaining(logger: Logger, remaining: string[]): void {
  if (remaining.length === 0) return;
  logger.warnOnce(`remaining:${remaining.join()}`, say('cookies-remaining'), remaining);
}

export function cleanUpOnWithdrawal({ config, stores, document, emitter, logger, catalogue }: WithdrawalOptions): () => void {
  let previous = stores.$consent.get();

  const catalogued = (ids: string[], entries: readonly CatalogueEntry[] = []) =>
    scanCookies(document.cookie, config, entries).filter((cookie) => ids.includes(cookie.category)).map((cookie) => cookie.name);

  /** Catalogued cookies of categories still denied, once the catalogue has loaded. */
  async function deleteCatalogued(ids: string[]): Promise<void> {
    const entries = await catalogue.load();
    const stillDenied = ids.filter((id) => !stores.$consent.get().categories[id]);
    const names = catalogued(stillDenied, entries);
    if (names.length > 0) warnAboutRemaining(logger, cleanUp(document, stillDenied, { cookies: names, storage: [] }).remaining);
  }

  return stores.$consent.listen((next) => {
    const ids = withdrawnIds(config, previous, next);
    previous = next;
    if (ids.length === 0) return;
    const withdrawn = config.categories.filter((category) => ids.includes(category.id));
    const entries = catalogue.current();
    const report = cleanUp(document, ids, {
      cookies: [...withdrawn.flatMap((category) => category.cookies.map((cookie) => cookie.pattern)), ...catalogued(ids, entries)],
      storage: withdrawn.flatMap((category) => category.storage),
    });
    warnAboutRemaining(logger, report.remaining);
    emitter.emit('reload-required', report);
    if (!entries) deleteCatalogued(ids).catch((error: unknown) => logger.warnOnce('part:catalogue', say('catalogue-failed'), error));
  });
}

/**
 * Warnings for the site owner about the configuration itself, in development builds only
 * (production bundles drop this code): a catalogued tracking cookie declared as `necessary`
 * (EDPB cookie banner taskforce) needs consent and belongs in its real category.
 */
import type { ResolvedConfig } from '../config/normalize';
import type { Logger } from '../core/logger';
import type { CatalogueEntry } from '../cookies/catalogue';
import type { CatalogueSource } from '../cookies/catalogue-source';
import { necessaryConflicts } from '../cookies/scan';

function warnAboutNecessaryConflicts(config: ResolvedConfig, entries: readonly CatalogueEntry[], logger: Logger): void {
  for (const conflict of necessaryConflicts(config, entries)) {
    logger.warnOnce(
      `necessary:${conflict.cookie}`,
      `"${conflict.cookie}" is declared necessary, but ${conflict.vendor} uses it for ${conflict.category}; necessary cookies need no consent, so declare it under "${conflict.category === 'analytics' ? 'analytics (or functional)' : conflict.category}".`,
    );
  }
}

export function warnSiteOwner(config: ResolvedConfig, catalogue: CatalogueSource, logger: Logger): void {
  try {
    if (process.env.NODE_ENV !== 'production') {
      const entries = catalogue.current();
      if (entries) warnAboutNecessaryConflicts(config, entries, logger);
      else catalogue.load().then((loaded) => warnAboutNecessaryConflicts(config, loaded, logger), () => undefined);
    }
  } catch {
    // No bundler replaced process.env and there is no `process`: a production page.
  }
}

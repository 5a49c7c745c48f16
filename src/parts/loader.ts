/**
 * The parts: what the first view does not carry, loaded when the page or the visitor needs it.
 * The npm build imports them dynamically (bundlers split each into its own chunk); the script
 * tag loads `parts/<name>.<hash>.js` from its own directory, checked against an integrity hash.
 */
import type * as activation from './activation';
import type * as autoblockReport from './autoblock-report';
import type * as catalogue from './catalogue';
import type * as cookieTable from './cookie-table';
import type * as dialog from './dialog';
import type * as log from './log';
import type * as messages from './messages';
import type * as placeholders from './placeholders';
import type * as reloadNotice from './reload-notice';

/** Every part by name, with what it exports. */
export interface Parts {
  activation: typeof activation;
  dialog: typeof dialog;
  placeholders: typeof placeholders;
  'cookie-table': typeof cookieTable;
  catalogue: typeof catalogue;
  messages: typeof messages;
  log: typeof log;
  'autoblock-report': typeof autoblockReport;
  'reload-notice': typeof reloadNotice;
}

export type PartName = keyof Parts;

/** Loads a part (once; later calls get the same promise). Rejects when it cannot be loaded. */
export type PartLoader = <K extends PartName>(name: K) => Promise<Parts[K]>;

/** Remembers each part's promise, so a part is fetched once per page. */
export function cachedLoader(load: (name: PartName) => Promise<unknown>): PartLoader {
  const loading = new Map<PartName, Promise<unknown>>();
  return <K extends PartName>(name: K) => {
    let promise = loading.get(name);
    if (!promise) {
      promise = load(name);
      loading.set(name, promise);
      // A failed load may succeed later (the visitor came back online).
      promise.catch(() => loading.delete(name));
    }
    return promise as Promise<Parts[K]>;
  };
}

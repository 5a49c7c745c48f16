/**
 * Where an instance gets the cookie catalogue: a table given up front, or a loader (a dynamic
 * import, the script tag's catalogue part) called on first need and remembered.
 */
import type { CatalogueEntry } from './catalogue';

/** The catalogue option: the entries, or a function that loads them. */
export type CatalogueOption = readonly CatalogueEntry[] | (() => Promise<readonly CatalogueEntry[]>);

export interface CatalogueSource {
  /** The entries when they are already at hand. */
  current(): readonly CatalogueEntry[] | undefined;
  /** The entries, loading them on first call. */
  load(): Promise<readonly CatalogueEntry[]>;
}

export function catalogueSource(option: CatalogueOption = []): CatalogueSource {
  let entries = typeof option === 'function' ? undefined : option;
  let loading: Promise<readonly CatalogueEntry[]> | undefined;
  return {
    current: () => entries,
    load() {
      if (entries) return Promise.resolve(entries);
      loading ??= (option as () => Promise<readonly CatalogueEntry[]>)().then((loaded) => (entries = loaded));
      return loading;
    },
  };
}

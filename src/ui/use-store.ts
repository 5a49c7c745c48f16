/** The whole Preact glue: re-render when a nanostores store changes. */
import type { ReadableAtom } from 'nanostores';
import { useEffect, useState } from 'preact/hooks';

export function useStore<T>(store: ReadableAtom<T>): T {
  const [, rerender] = useState(0);
  useEffect(() => store.listen(() => rerender((n) => n + 1)), [store]);
  return store.get();
}

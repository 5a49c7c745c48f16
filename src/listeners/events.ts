/**
 * The instance's events: `change` and the `consent-gate:change` DOM event on every decision; `show`
 * and `hide` as the surface changes.
 */
import type { Emitter } from '../core/emitter';
import type { Stores } from '../core/stores';
import type { ConsentEvents } from '../types';

export function emitEvents(stores: Stores, emitter: Emitter<ConsentEvents>, document: Document): () => void {
  const view = document.defaultView!;
  const stopChange = stores.$consent.listen((state) => {
    emitter.emit('change', state);
    document.dispatchEvent(new view.CustomEvent('consent-gate:change', { detail: state }));
  });
  const stopSurface = stores.$surface.listen((surface) => {
    if (surface) emitter.emit('show', surface);
    else emitter.emit('hide');
  });
  return () => {
    stopChange();
    stopSurface();
  };
}

/**
 * A minimal typed event emitter. A listener that throws is logged and the others still run:
 * nothing a site's listener does may break consent handling.
 */
import type { Logger } from './logger';
import { say } from './wording';

type Listener = (...args: never[]) => void;

export interface Emitter<Events extends { [K in keyof Events]: Listener }> {
  on<K extends keyof Events>(event: K, listener: Events[K]): () => void;
  emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void;
  clear(): void;
}

export function createEmitter<Events extends { [K in keyof Events]: Listener }>(logger: Logger): Emitter<Events> {
  const listeners = new Map<keyof Events, Set<Listener>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(event, ...args) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as (...a: unknown[]) => void)(...args);
        } catch (error) {
          logger.error(say('listener-threw', { event: String(event) }), error);
        }
      }
    },
    clear() {
      listeners.clear();
    },
  };
}

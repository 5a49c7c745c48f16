/**
 * Where the decision is kept. The core talks to this interface so tests can swap the cookie
 * for memory and never touch the real `document.cookie`.
 */
export interface DecisionStorage {
  /** Every stored value (several consent cookies can be visible at once). */
  read(): string[];
  /** Stores a value; returns false when the browser refused it. */
  write(value: string): boolean;
  /** Removes every stored value, wherever it lives. */
  clear(): void;
}

/** Keeps the decision in memory: for tests and for server-side use. */
export function createMemoryStorage(initial: string[] = []): DecisionStorage & { values: string[] } {
  const storage = {
    values: [...initial],
    read: () => [...storage.values],
    write(value: string) {
      storage.values = [value];
      return true;
    },
    clear() {
      storage.values = [];
    },
  };
  return storage;
}

/**
 * The consent-record queue in localStorage: records wait there until the server answers 2xx, so
 * a decision made offline, refused, or just before the visitor left is delivered on a later
 * page view. Bounded: a full queue drops its oldest records (and says so). Whatever is read back
 * is validated: a tampered queue loses the records that do not look like records, nothing more.
 *
 * localStorage is shared with the site's other tabs, so it is the queue while it takes writes.
 * Once a write fails (quota exceeded, storage disabled or throwing), the queue lives on in memory
 * for the rest of the page view: what cannot be kept for later is still sent now.
 */
import type { ConsentRecord } from './record';

export interface RecordQueue {
  all(): ConsentRecord[];
  /** Adds a record (one that does not look like a record is ignored). */
  add(record: ConsentRecord): { dropped: number };
  remove(recordId: string): void;
}

function looksLikeRecord(value: unknown): value is ConsentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record['recordId'] === 'string' && typeof record['consentId'] === 'string' && typeof record['timestamp'] === 'string' && typeof record['choices'] === 'object';
}

export function recordQueue(storage: Storage | undefined, key: string, limit: number): RecordQueue {
  let inMemory = !storage;
  let memory: ConsentRecord[] = [];
  function all(): ConsentRecord[] {
    if (inMemory) return memory;
    try {
      const parsed: unknown = JSON.parse(storage!.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(looksLikeRecord) : [];
    } catch {
      return [];
    }
  }
  function save(records: ConsentRecord[]): void {
    memory = records;
    try {
      if (records.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify(records));
    } catch {
      inMemory = true;
    }
  }
  return {
    all,
    add(record) {
      if (!looksLikeRecord(record)) return { dropped: 0 };
      const records = [...all(), record];
      const dropped = Math.max(0, records.length - limit);
      save(records.slice(dropped));
      return { dropped };
    },
    remove(recordId) {
      save(all().filter((record) => record.recordId !== recordId));
    },
  };
}

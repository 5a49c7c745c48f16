import { afterEach, describe, expect, it } from 'vitest';
import { recordQueue } from '../../src/log/queue';
import type { ConsentRecord } from '../../src/log/record';

const record = (id: string) => ({ recordId: id, consentId: 'c', timestamp: 't', choices: {} }) as unknown as ConsentRecord;

afterEach(() => localStorage.clear());

describe('the consent-record queue in localStorage', () => {
  it('keeps records in order until each is removed', () => {
    const queue = recordQueue(localStorage, 'q', 10);
    queue.add(record('a'));
    queue.add(record('b'));
    queue.remove('a');
    expect(queue.all().map((r) => r.recordId)).toEqual(['b']);
    queue.remove('b');
    expect(localStorage.getItem('q')).toBeNull();
  });

  it('is bounded: a full queue drops its oldest records and says how many', () => {
    const queue = recordQueue(localStorage, 'q', 2);
    queue.add(record('a'));
    queue.add(record('b'));
    expect(queue.add(record('c'))).toEqual({ dropped: 1 });
    expect(queue.all().map((r) => r.recordId)).toEqual(['b', 'c']);
  });

  it('treats hostile stored data as nothing, never throwing (no prototype pollution)', () => {
    for (const stored of ['not json', '{"a":1}', '[1,"x",null,{"recordId":5}]', '[{"__proto__":{"polluted":true}}]']) {
      localStorage.setItem('q', stored);
      expect(recordQueue(localStorage, 'q', 5).all(), stored).toEqual([]);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('works without storage (disabled cookies, sandboxed frames): the page view keeps its records in memory', () => {
    const queue = recordQueue(undefined, 'q', 5);
    expect(queue.add(record('a'))).toEqual({ dropped: 0 });
    queue.add(record('b'));
    queue.remove('a');
    expect(queue.all().map((r) => r.recordId)).toEqual(['b']);
  });

  it('keeps records in memory once storage refuses a write (quota exceeded), with those it held', () => {
    let full = false;
    const items = new Map<string, string>();
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem(key: string, value: string) {
        if (full) throw new DOMException('full', 'QuotaExceededError');
        items.set(key, value);
      },
      removeItem: (key: string) => items.delete(key),
    } as unknown as Storage;
    const queue = recordQueue(storage, 'q', 5);
    queue.add(record('a'));
    full = true;
    queue.add(record('b'));
    queue.add(record('c'));
    expect(JSON.parse(items.get('q')!)).toHaveLength(1);
    expect(queue.all().map((r) => r.recordId)).toEqual(['a', 'b', 'c']);
    queue.remove('a');
    expect(queue.all().map((r) => r.recordId)).toEqual(['b', 'c']);
  });

  it('ignores a value that is not a record', () => {
    const queue = recordQueue(localStorage, 'q', 5);
    expect(queue.add({ recordId: 1 } as unknown as ConsentRecord)).toEqual({ dropped: 0 });
    expect(queue.all()).toEqual([]);
  });
});

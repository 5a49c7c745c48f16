/**
 * The published record schema (GDPR Art. 7(1): random ids, UTC time, revision and texts hash,
 * language, mode, choices, method, GPC, library version, no personal data).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import schema from '../../../schema/record.schema.json' with { type: 'json' };
import { RECORD_FIELDS, type ConsentRecord } from '../../../src/node/schema/record.js';
import { createRecordValidator, type RecordValidator } from '../../../src/node/schema/validate-record.js';
import type { ConsentMethod } from '../../../src/types.js';
import { makeRecord } from '../support/records.js';

let validate: RecordValidator;
beforeAll(async () => {
  validate = await createRecordValidator();
});

describe('record.schema.json', () => {
  it('accepts its own examples and a record the tests make', () => {
    expect(schema.examples).toHaveLength(2);
    for (const example of schema.examples) expect(validate(example)).toEqual({ ok: true, record: example });
    expect(validate(makeRecord()).ok).toBe(true);
  });

  it('lists exactly the fields of ConsentRecord, all required, nothing else allowed', () => {
    expect(Object.keys(schema.properties)).toEqual([...RECORD_FIELDS]);
    expect(schema.required).toEqual([...RECORD_FIELDS]);
    expect(schema.additionalProperties).toBe(false);
  });

  it('knows every method the browser records, plus reset (GDPR Art. 7(1): withdrawal is a record too)', () => {
    const browserMethods: ConsentMethod[] = ['accept-all', 'reject-all', 'custom', 'acknowledge', 'gpc'];
    expect(schema.properties.method.enum).toEqual([...browserMethods, 'reset']);
  });

  const invalid: Array<[string, Record<string, unknown>, string]> = [
    ['a string schema version', { schemaVersion: '1' }, 'schemaVersion'],
    ['another schema version', { schemaVersion: 2 }, 'schemaVersion'],
    ['an uppercase record id', { recordId: '3F6C1A0E-8B2D-4C7E-9F1A-2B3C4D5E6F70' }, 'recordId'],
    ['a v1 consent id', { consentId: '0b7e2a52-5a0f-1c2e-9a43-0e1a1b2c3d4e' }, 'consentId'],
    ['a timestamp without milliseconds', { timestamp: '2026-11-30T03:19:19Z' }, 'timestamp'],
    ['a timestamp with an offset', { timestamp: '2026-11-30T03:19:19.123+01:00' }, 'timestamp'],
    ['an impossible date', { timestamp: '2026-02-30T03:19:19.123Z' }, 'timestamp'],
    ['a timestamp as a number', { timestamp: 1_764_472_759_123 }, 'timestamp'],
    ['a negative revision', { revision: -1 }, 'revision'],
    ['a fractional revision', { revision: 1.5 }, 'revision'],
    ['a huge revision', { revision: 1_000_001 }, 'revision'],
    ['a short texts hash', { textsHash: 'abc' }, 'textsHash'],
    ['an uppercase texts hash', { textsHash: 'A'.repeat(64) }, 'textsHash'],
    ['an uppercase language', { language: 'EN' }, 'language'],
    ['an unknown mode', { mode: 'notice' }, 'mode'],
    ['choices as a list', { choices: ['functional'] }, 'choices'],
    ['a choice as text', { choices: { functional: 'yes' } }, 'choices.functional'],
    ['an invalid category id', { choices: { Ads: true } }, 'choices.Ads'],
    ['more than 64 categories', { choices: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`c${i}`, true])) }, 'choices'],
    ['an unknown method', { method: 'withdraw' }, 'method'],
    ['gpc as text', { gpc: 'false' }, 'gpc'],
    ['a long version', { version: `1.0.0-${'a'.repeat(40)}` }, 'version'],
    ['a URL with a query', { url: 'https://www.example.com/?email=a@b.c' }, 'url'],
    ['a URL with a fragment', { url: 'https://www.example.com/#top' }, 'url'],
    ['a relative URL', { url: '/articles/today' }, 'url'],
    ['a javascript: URL', { url: 'javascript:alert(1)' }, 'url'],
    ['a URL over 2048 characters', { url: `https://www.example.com/${'a'.repeat(2048)}` }, 'url'],
    ['an extra field (no personal data: GDPR Art. 5(1)(c))', { ip: '203.0.113.9' }, 'ip'],
  ];

  it.each(invalid)('rejects %s and names the field', (_, change, field) => {
    const result = validate({ ...makeRecord(), ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(field);
  });

  it('names a missing field', () => {
    const record: Partial<ConsentRecord> = makeRecord();
    delete record.consentId;
    const result = validate(record);
    expect(result).toEqual({ ok: false, problems: [{ field: 'consentId', message: 'is required' }] });
  });

  it('rejects prototype keys that JSON.parse makes own properties', () => {
    const top = validate(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(makeRecord()).slice(1)}`));
    expect(top.ok).toBe(false);
    const inChoices = validate({ ...makeRecord(), choices: JSON.parse('{"__proto__":true}') });
    expect(inChoices.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects what is not an object at all', () => {
    for (const value of [null, [], 'record', 42, true]) {
      const result = validate(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.field).toBe('(record)');
    }
  });
});

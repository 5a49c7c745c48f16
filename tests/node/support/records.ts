/** Valid consent records for tests, each with fresh random ids. */
import { randomUUID } from 'node:crypto';
import type { ConsentRecord } from '../../../src/node/schema/record.js';

export const TEXTS_HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

export function makeRecord(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    schemaVersion: 1,
    recordId: randomUUID(),
    consentId: randomUUID(),
    timestamp: new Date().toISOString(),
    revision: 1,
    textsHash: TEXTS_HASH,
    language: 'en',
    mode: 'opt-in',
    choices: { necessary: true, functional: true, advertising: false, social: false },
    method: 'custom',
    gpc: false,
    version: '0.1.0',
    url: 'https://www.example.com/articles/today',
    ...overrides,
  };
}

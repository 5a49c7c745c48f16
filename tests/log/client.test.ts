import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsent } from '../../src/create-consent';
import { startConsentLog, startLogClient } from '../../src/log/client';
import { keepDecisions, type KeptDecision } from '../../src/log/decisions';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGate } from '../../src/consent-gate';
import { recordingLogger } from '../support/logger';

const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../schema/record.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validRecord = ajv.compile(schema);

const config = { revision: 3, categories: { analytics: {}, advertising: {} } };
const shown = { texts: { bannerTitle: 'Cookies' }, categories: [{ id: 'analytics', label: 'Analytics', description: 'Counts' }], vendors: ['Example'] };

interface Sent {
  url: string;
  body: Record<string, unknown>;
}

let sent: Sent[];
let answers: number[];
let gate: ConsentGate | undefined;
let stop: (() => void) | undefined;

function start(storage = createMemoryStorage()) {
  gate = createConsent(config, { storage, logger: recordingLogger() }) as ConsentGate;
  stop = startConsentLog(gate, { endpoint: '/consent?site=1', language: 'en', mode: 'opt-in', shown });
  return { gate, storage };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Waits on real ticks (setImmediate is never faked here) until `done()`: hashing is real async work. */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
}
const queued = () => JSON.parse(localStorage.getItem('consent-gate:log:consent_gate') ?? '[]') as Array<Record<string, unknown>>;

beforeEach(() => {
  sent = [];
  answers = [];
  window.history.replaceState(null, '', '/articles/today?utm_source=mail#comments');
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    sent.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
    return new Response('{}', { status: answers.shift() ?? 201 });
  });
});

afterEach(() => {
  stop?.();
  gate?.destroy();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  localStorage.clear();
  vi.useRealTimers();
});

describe('the consent log (GDPR Art. 7(1))', () => {
  it('queues each decision synchronously, then POSTs it as one JSON record that matches the published schema', async () => {
    start();
    gate!.acceptAll();
    // Synchronously, before any network: the record waits in localStorage.
    expect(queued()).toHaveLength(1);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0]!.body;
    expect(validRecord(body), JSON.stringify(validRecord.errors)).toBe(true);
    expect(body).toMatchObject({ consentId: gate!.get().id, method: 'accept-all', revision: 3, mode: 'opt-in', language: 'en', gpc: false, choices: { necessary: true, analytics: true, advertising: true } });
    await vi.waitFor(() => expect(queued()).toEqual([]));
  });

  it('sends no query string, no fragment and no cookie value', async () => {
    document.cookie = 'session_secret=s3cr3t; path=/';
    start();
    gate!.rejectAll();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const text = JSON.stringify(sent[0]!.body);
    expect(sent[0]!.body['url']).toBe('https://www.example.test/articles/today');
    expect(text).not.toContain('utm_source');
    expect(text).not.toContain('comments');
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain(document.cookie.split('consent_gate=')[1] ?? 'no consent cookie value');
    document.cookie = 'session_secret=; path=/; max-age=0';
  });

  it('records a withdrawal and a reset() as records of their own (the reset keeps the forgotten consent id)', async () => {
    start();
    gate!.acceptAll();
    const id = gate!.get().id;
    gate!.set({ advertising: false });
    gate!.reset();
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent.map((s) => s.body['method'])).toEqual(['accept-all', 'custom', 'reset']);
    expect(sent[2]!.body).toMatchObject({ consentId: id, choices: { analytics: false, advertising: false } });
    expect(new Set(sent.map((s) => s.body['recordId'])).size).toBe(3);
    for (const { body } of sent) expect(validRecord(body), JSON.stringify(validRecord.errors)).toBe(true);
  });

  it('keeps a refused record (503) and delivers it later with backoff; drops one the server will never take (422)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    answers = [503, 201];
    start();
    gate!.acceptAll();
    // Sent, refused, and the retry scheduled (the only fake timer).
    await until(() => sent.length === 1 && vi.getTimerCount() === 1);
    expect(sent).toHaveLength(1);
    expect(queued()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_900);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    await until(() => sent.length === 2 && queued().length === 0);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body['recordId']).toBe(sent[0]!.body['recordId']);
    expect(queued()).toEqual([]);

    answers = [422];
    gate!.rejectAll();
    await until(() => sent.length === 3 && queued().length === 0);
    expect(sent).toHaveLength(3);
    expect(queued()).toEqual([]);
  });

  it('delivers on a later page view what a page view could not (offline, then back)', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const beacons: string[] = [];
    vi.spyOn(navigator, 'sendBeacon').mockImplementation((_url, body) => {
      beacons.push(String(body));
      return true;
    });
    const { storage } = start();
    gate!.acceptAll();
    await vi.waitFor(() => expect(beacons).toHaveLength(1));
    // A beacon may or may not get through: the record stays queued until a 2xx.
    expect(queued()).toHaveLength(1);
    stop!();
    gate!.destroy();

    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      sent.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return new Response('{}', { status: 201 });
    });
    start(storage);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body['method']).toBe('accept-all');
    await vi.waitFor(() => expect(queued()).toEqual([]));
  });

  it('logs a decision made before it started, from the consent cookie, and only once', async () => {
    const storage = createMemoryStorage();
    const early = createConsent(config, { storage, logger: recordingLogger() }) as ConsentGate;
    early.acceptAll();
    early.destroy();
    start(storage);
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body['method']).toBe('accept-all');
    stop!();
    gate!.destroy();
    start(storage);
    await flush();
    expect(sent).toHaveLength(1);
  });

  it('hashes the texts shown: the same texts give the same hash, other texts another', async () => {
    start();
    gate!.acceptAll();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const hash = sent[0]!.body['textsHash'];
    stop!();
    stop = startConsentLog(gate!, { endpoint: '/consent', language: 'en', mode: 'opt-in', shown: { ...shown, texts: { bannerTitle: 'Other' } } });
    gate!.rejectAll();
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sent[1]!.body['textsHash']).not.toBe(hash);
  });
});

describe('decisions made before the log started (kept by the first view)', () => {
  it('turns every kept decision into a record, in order, and recovers none of them again from the cookie', async () => {
    const storage = createMemoryStorage();
    gate = createConsent(config, { storage, logger: recordingLogger() }) as ConsentGate;
    const decisions: KeptDecision[] = [];
    keepDecisions(gate, window, 'consent_gate', decisions);
    gate.acceptAll();
    gate.set({ advertising: false });
    stop = startLogClient(gate, { endpoint: '/consent', language: 'en', mode: 'opt-in', shown }, decisions);
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent.map((s) => s.body['method'])).toEqual(['accept-all', 'custom']);
    expect(sent[1]!.body['choices']).toMatchObject({ analytics: true, advertising: false });
    for (const { body } of sent) expect(validRecord(body), JSON.stringify(validRecord.errors)).toBe(true);
    await flush();
    expect(sent).toHaveLength(2);
  });

  it('sends on the next page view the decisions of a page view whose log never started', async () => {
    const storage = createMemoryStorage();
    const first = createConsent(config, { storage, logger: recordingLogger() }) as ConsentGate;
    keepDecisions(first, window, 'consent_gate', []);
    first.acceptAll();
    first.reset();
    first.rejectAll();
    first.destroy();
    start(storage);
    await vi.waitFor(() => expect(sent).toHaveLength(3));
    expect(sent.map((s) => s.body['method'])).toEqual(['accept-all', 'reset', 'reject-all']);
    expect(sent[1]!.body['consentId']).toBe(sent[0]!.body['consentId']);
    expect(sent[2]!.body['consentId']).not.toBe(sent[0]!.body['consentId']);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('consent-gate:log:consent_gate:'))).toEqual([]);
  });

  it('skips kept decisions that storage garbled, never throwing', async () => {
    const logger = recordingLogger();
    localStorage.setItem('consent-gate:log:consent_gate:a', '[1,null,[null],[{"decided":true,"timestamp":"x"},null,"u",1,"r"],{"__proto__":{"polluted":true}}]');
    localStorage.setItem('consent-gate:log:consent_gate:b', 'not json');
    localStorage.setItem('consent-gate:log:consent_gate:c', '{"0":1}');
    gate = createConsent(config, { storage: createMemoryStorage(), logger }) as ConsentGate;
    stop = startConsentLog(gate, { endpoint: '/consent', language: 'en', mode: 'opt-in', shown });
    gate.acceptAll();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body['method']).toBe('accept-all');
    await flush();
    expect(sent).toHaveLength(1);
    expect(logger.errors).toEqual([]);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('when localStorage refuses to keep anything (full, or throwing)', () => {
  it('still sends every record of the page view', async () => {
    // Reads work, every write throws (QuotaExceededError), as in a browser whose storage is full.
    const setItem = vi.fn(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    vi.spyOn(window, 'localStorage', 'get').mockReturnValue({ length: 0, key: () => null, getItem: () => null, setItem, removeItem: () => undefined } as unknown as Storage);
    start();
    gate!.acceptAll();
    gate!.set({ analytics: false });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(setItem).toHaveBeenCalled();
    expect(sent.map((s) => s.body['method'])).toEqual(['accept-all', 'custom']);
    await flush();
    expect(sent).toHaveLength(2);
  });
});

describe('an endpoint on another origin that sends no CORS headers', () => {
  /** Like a browser: a JSON post needs CORS and fails; a no-cors post goes out, its reply opaque. */
  function noCorsEndpoint(): RequestInit[] {
    const posts: RequestInit[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      posts.push(init);
      if (init.mode !== 'no-cors') throw new TypeError('Failed to fetch');
      sent.push({ url, body: JSON.parse(String(init.body)) as Record<string, unknown> });
      return { type: 'opaque', ok: false, status: 0 } as Response;
    });
    return posts;
  }

  it('counts the opaque reply as delivered (its status is unknowable) and warns once, naming --cors', async () => {
    const posts = noCorsEndpoint();
    const logger = recordingLogger();
    gate = createConsent(config, { storage: createMemoryStorage(), logger }) as ConsentGate;
    const warnings: string[] = [];
    stop = startConsentLog(gate, { endpoint: 'https://records.example/consent', language: 'en', mode: 'opt-in', shown, warn: (message) => warnings.push(message) });
    gate.acceptAll();
    await vi.waitFor(() => expect(queued()).toEqual([]));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe('https://records.example/consent');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('consent-gate records serve --cors https://www.example.test');

    // Known now: the next record goes out as a simple request at once, without a second warning.
    gate.rejectAll();
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(posts.map((init) => init.mode ?? 'cors')).toEqual(['cors', 'no-cors', 'no-cors']);
    expect(warnings).toHaveLength(1);
    await vi.waitFor(() => expect(queued()).toEqual([]));
  });

  it('keeps the record when the endpoint cannot be reached at all (offline is not a CORS problem)', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.spyOn(navigator, 'sendBeacon').mockImplementation(() => false);
    const warnings: string[] = [];
    gate = createConsent(config, { storage: createMemoryStorage(), logger: recordingLogger() }) as ConsentGate;
    stop = startConsentLog(gate, { endpoint: 'https://records.example/consent', language: 'en', mode: 'opt-in', shown, warn: (message) => warnings.push(message) });
    gate.acceptAll();
    await vi.waitFor(() => expect(navigator.sendBeacon).toHaveBeenCalled());
    expect(queued()).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});

describe('a headless instance with log.endpoint', () => {
  it('sends nothing by itself and says how to start the log', () => {
    const logger = recordingLogger();
    const headless = createConsent({ log: { endpoint: '/consent' }, categories: { analytics: {} } }, { storage: createMemoryStorage(), logger });
    headless.acceptAll();
    expect(logger.warnings).toHaveLength(1);
    expect(String(logger.warnings[0]![0])).toContain('startConsentLog');
    expect(sent).toEqual([]);
    headless.destroy();
  });
});

/**
 * The Node handler over real loopback sockets, on the embedded store (README, "The receiver": JSON
 * and text/plain bodies, clear 4xx errors, append-only, once per record id).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver } from '../../../src/node/receiver/create-receiver.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { tempDir } from '../support/databases.js';
import { listen, postJson, send } from '../support/http.js';
import { makeRecord } from '../support/records.js';

let store: SqlRecordStore;
let url: string;
let close: () => Promise<void>;
const temp = tempDir();
const storeErrors: unknown[] = [];

beforeAll(async () => {
  store = await openPgliteStore({ dataDir: temp.dir });
  const receiver = await createReceiver({ store, rateLimit: false, onStoreError: (e) => storeErrors.push(e) });
  ({ url, close } = await listen(receiver.node));
});
afterAll(async () => {
  await close();
  await store.close();
  temp.remove();
});

async function stored(consentId: string): Promise<number> {
  return (await store.history(consentId)).length;
}

describe('receiver over HTTP', () => {
  it('stores a JSON record and answers 201 (GDPR Art. 7(1))', async () => {
    const record = makeRecord();
    const answer = await postJson(url, record);
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ stored: true, duplicate: false, recordId: record.recordId });
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    const [row] = await store.history(record.consentId);
    expect(row).toMatchObject(record);
  });

  it('stores a text/plain body, as sendBeacon sends it', async () => {
    const record = makeRecord();
    const answer = await send(url, { body: JSON.stringify(record), headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(answer.status).toBe(201);
    expect(await stored(record.consentId)).toBe(1);
  });

  it('accepts a replayed record with 200 and stores it once', async () => {
    const record = makeRecord();
    expect((await postJson(url, record)).status).toBe(201);
    const replays = await Promise.all([1, 2, 3].map(() => postJson(url, record)));
    expect(replays.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(replays[0]!.json).toEqual({ stored: false, duplicate: true, recordId: record.recordId });
    expect(await stored(record.consentId)).toBe(1);
  });

  it('answers 400 malformed_json for truncated JSON and stores nothing', async () => {
    const record = makeRecord();
    const text = JSON.stringify(record);
    const answer = await postJson(url, text.slice(0, text.length - 10));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'malformed_json', message: expect.stringMatching(/^the body is not valid JSON/) });
    expect(await stored(record.consentId)).toBe(0);
  });

  it('answers 400 invalid_encoding for bytes that are not UTF-8', async () => {
    const answer = await send(url, { body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ error: 'invalid_encoding' });
  });

  it('answers 422 invalid_record naming the field for wrong types', async () => {
    const record = makeRecord();
    const answer = await postJson(url, { ...record, revision: '1', choices: { ...record.choices, social: 'no' } });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ error: 'invalid_record', field: 'revision', message: 'revision: must be integer' });
    expect((answer.json as { problems: Array<{ field: string }> }).problems.map((p) => p.field)).toEqual(['revision', 'choices.social']);
    expect(await stored(record.consentId)).toBe(0);
  });

  it('answers 422 for an array, a string or null body', async () => {
    for (const body of ['[]', '"record"', 'null']) {
      const answer = await postJson(url, body);
      expect(answer.status).toBe(422);
      expect(answer.json).toMatchObject({ error: 'invalid_record', field: '(record)' });
    }
  });

  it('refuses __proto__ keys and stores constructor as a plain category without polluting anything', async () => {
    const record = makeRecord();
    const hostile = `{"__proto__":{"polluted":true},${JSON.stringify(record).slice(1)}`;
    const top = await postJson(url, hostile);
    expect(top.status).toBe(422);
    expect(top.json).toMatchObject({ field: '__proto__', message: '__proto__: is not a field of a consent record' });
    const inChoices = await postJson(url, `${JSON.stringify({ ...record, choices: {} }).slice(0, -1).replace('"choices":{}', '"choices":{"__proto__":true}')}}`);
    expect(inChoices.status).toBe(422);
    expect(inChoices.json).toMatchObject({ field: 'choices.__proto__' });
    const withConstructor = makeRecord({ choices: JSON.parse('{"necessary":true,"constructor":false}') as Record<string, boolean> });
    expect((await postJson(url, withConstructor)).status).toBe(201);
    const [row] = await store.history(withConstructor.consentId);
    expect(Object.getPrototypeOf(row!.choices)).toBe(Object.prototype);
    expect(Object.keys(row!.choices).sort()).toEqual(['constructor', 'necessary']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 413 for a 1 MiB body, declared or chunked, without storing it', async () => {
    const record = makeRecord({ url: `https://www.example.com/${'a'.repeat(1024 * 1024)}` });
    const body = JSON.stringify(record);
    const declared = await postJson(url, body);
    expect(declared.status).toBe(413);
    expect(declared.json).toEqual({ error: 'payload_too_large', message: 'the body is larger than 16384 bytes' });
    const chunked = await send(url, { body, chunked: true, headers: { 'content-type': 'application/json' } });
    expect(chunked.status).toBe(413);
    expect(await stored(record.consentId)).toBe(0);
  });

  it('accepts a body of exactly 16 KiB and refuses one byte more', async () => {
    const base = JSON.stringify(makeRecord({ url: 'https://www.example.com/' }));
    const pad = (size: number) => base.slice(0, -1) + ' '.repeat(size - base.length) + '}';
    expect((await postJson(url, pad(16 * 1024))).status).toBe(201);
    expect((await postJson(url, pad(16 * 1024 + 1))).status).toBe(413);
  });

  it('answers 415 for other content types and for none', async () => {
    const body = JSON.stringify(makeRecord());
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1']) {
      const answer = await send(url, { body, headers: { 'content-type': type } });
      expect(answer.status).toBe(415);
      expect(answer.json).toMatchObject({ error: 'unsupported_media_type' });
    }
    expect((await send(url, { body })).status).toBe(415);
  });

  it('answers 405 for other methods, with Allow', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const answer = await send(url, { method });
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toBe('POST');
      expect(answer.json).toMatchObject({ error: 'method_not_allowed' });
    }
  });

  it('answers 422 timestamp_in_future for a record more than 5 minutes ahead, and takes one within', async () => {
    const future = makeRecord({ timestamp: new Date(Date.now() + 6 * 60_000).toISOString() });
    const answer = await postJson(url, future);
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ error: 'timestamp_in_future', field: 'timestamp' });
    expect(await stored(future.consentId)).toBe(0);
    const skewed = makeRecord({ timestamp: new Date(Date.now() + 4 * 60_000).toISOString() });
    expect((await postJson(url, skewed)).status).toBe(201);
  });

  it('keeps the connection usable after an error (keep-alive clients)', async () => {
    const agent = new (await import('node:http')).Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const post = (body: string) =>
        new Promise<number>((resolve, reject) => {
          const request = (async () => (await import('node:http')).request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }))();
          void request.then((r) => {
            r.on('response', (response) => {
              response.resume();
              response.on('end', () => resolve(response.statusCode!));
            });
            r.on('error', reject);
            r.end(body);
          });
        });
      expect(await post('{')).toBe(400);
      expect(await post(JSON.stringify(makeRecord()))).toBe(201);
    } finally {
      agent.destroy();
    }
  });

  it('has logged no store error in this file', () => {
    expect(storeErrors).toEqual([]);
  });
});

describe('receiver when the store fails', () => {
  it('answers 503 store_unavailable and never 2xx', async () => {
    const dir = tempDir();
    const broken = await openPgliteStore({ dataDir: dir.dir });
    await broken.close();
    const errors: unknown[] = [];
    const receiver = await createReceiver({ store: broken, rateLimit: false, onStoreError: (e) => errors.push(e) });
    const server = await listen(receiver.node);
    try {
      const answer = await postJson(server.url, makeRecord());
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('5');
      expect(answer.json).toEqual({ error: 'store_unavailable', message: 'the record could not be stored; send it again later' });
      expect(errors).toHaveLength(1);
    } finally {
      await server.close();
      dir.remove();
    }
  });
});

describe('receiver when a client goes away mid-body', () => {
  it('settles the request, stores nothing and keeps serving', async () => {
    const { connect } = await import('node:net');
    const dir = tempDir();
    const local = await openPgliteStore({ dataDir: dir.dir });
    const responses: Array<{ headersSent: boolean }> = [];
    const receiver = await createReceiver({ store: local, rateLimit: false });
    const server = await listen((req, res) => {
      responses.push(res);
      receiver.node(req, res);
    });
    try {
      const { port } = new URL(server.url);
      const record = JSON.stringify(makeRecord());
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${record.length}\r\n\r\n${record.slice(0, 40)}`);
          setTimeout(() => (socket.destroy(), resolve()), 50);
        });
      });
      // The handler settled: it answered (to nobody) instead of waiting for the rest forever.
      for (let i = 0; i < 40 && !responses[0]?.headersSent; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(responses.map((r) => r.headersSent)).toEqual([true]);
      expect((await local.stats()).total).toBe(0);
      expect((await postJson(server.url, makeRecord())).status).toBe(201);
    } finally {
      await server.close();
      await local.close();
      dir.remove();
    }
  });
});

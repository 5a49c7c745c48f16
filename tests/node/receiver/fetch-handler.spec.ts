/** The fetch-style face, `Request → Response`, on the embedded store; and CORS. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReceiver, type Receiver } from '../../../src/node/receiver/create-receiver.js';
import { openPgliteStore } from '../../../src/node/store/pglite-store.js';
import type { SqlRecordStore } from '../../../src/node/store/sql-store.js';
import { tempDir } from '../support/databases.js';
import { makeRecord } from '../support/records.js';

const ENDPOINT = 'http://127.0.0.1/consent';
let store: SqlRecordStore;
let receiver: Receiver;
const temp = tempDir();

beforeAll(async () => {
  store = await openPgliteStore({ dataDir: temp.dir });
  receiver = await createReceiver({ store, rateLimit: { windowMs: 60_000, max: 5 }, cors: { origins: ['https://www.example.com'] } });
});
afterAll(async () => {
  await store.close();
  temp.remove();
});

function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }): Request {
  return new Request(ENDPOINT, { method: 'POST', body, headers });
}

describe('receiver.fetch', () => {
  it('stores a record and answers 201, then 200 for its replay', async () => {
    const record = makeRecord();
    const first = await receiver.fetch(post(JSON.stringify(record)));
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ stored: true, duplicate: false, recordId: record.recordId });
    expect((await receiver.fetch(post(JSON.stringify(record)))).status).toBe(200);
    expect(await store.history(record.consentId)).toHaveLength(1);
  });

  it('stops reading a streamed body past 16 KiB and answers 413', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(4096).fill(0x20));
        if (pulled > 1000) controller.close();
      },
    });
    const request = new Request(ENDPOINT, { method: 'POST', body: endless, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    const answer = await receiver.fetch(request);
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: 'payload_too_large' });
    expect(pulled).toBeLessThan(10);
  });

  it('answers the same errors as the Node face', async () => {
    expect((await receiver.fetch(post('{"schemaVersion":'))).status).toBe(400);
    expect((await receiver.fetch(post(JSON.stringify(makeRecord()), { 'content-type': 'text/html' }))).status).toBe(415);
    expect((await receiver.fetch(new Request(ENDPOINT))).status).toBe(405);
    const wrong = await receiver.fetch(post(JSON.stringify({ ...makeRecord(), mode: 'notice' })));
    expect(wrong.status).toBe(422);
    expect(await wrong.json()).toMatchObject({ field: 'mode', message: 'mode: must be one of "opt-in", "opt-out"' });
  });

  it('limits a client only when the runtime tells its address', async () => {
    const info = { clientAddress: '192.0.2.7' };
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await receiver.fetch(post(JSON.stringify(makeRecord())), info)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await receiver.fetch(post(JSON.stringify(makeRecord())))).status).toBe(201);
  });

  it('answers a CORS preflight from an allowed origin and refuses others', async () => {
    const preflight = (origin: string) =>
      receiver.fetch(new Request(ENDPOINT, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }));
    const allowed = await preflight('https://www.example.com');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const posted = await receiver.fetch(post(JSON.stringify(makeRecord()), { 'content-type': 'application/json', origin: 'https://www.example.com' }));
    expect(posted.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(posted.headers.get('vary')).toBe('origin');
  });
});

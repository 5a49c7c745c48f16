/**
 * The consent log (contract section 5): every decision, withdrawal and `reset()` goes to the
 * site's endpoint as one JSON record. A record enters a bounded localStorage queue synchronously,
 * in the `change` listener, and leaves it only when the server answers 2xx: offline, refused
 * (5xx) or cut short by navigation, it is delivered on a later page view, with backoff. Delivery
 * is at least once; the receiver stores each record id once.
 *
 * The consent cookie is written synchronously at every decision too, so a decision made before
 * this client started (it is a part, loaded after the first view) is recovered from it.
 */
import type { ConsentGate } from '../consent-gate';
import type { ConsentMode, ConsentState } from '../types';
import { recordQueue } from './queue';
import { decisionRecord, resetRecord, type ConsentRecord } from './record';
import { hashShownTexts, type ShownTexts } from './texts-hash';

export interface ConsentLogOptions {
  /** Where records are POSTed (http(s) or relative). */
  endpoint: string;
  language: string;
  mode: ConsentMode;
  /** What the visitor was shown, for the texts hash. */
  shown: ShownTexts;
  /** Records kept while undelivered. @default 50 */
  queueSize?: number;
  /** The page's document. @default window.document */
  document?: Document;
  /** Reports a full queue and delivery problems. */
  warn?: (message: string) => void;
}

const FIRST_RETRY_MS = 2_000;
const LAST_RETRY_MS = 300_000;

/** A state's identity as logged: changes whenever a new decision was recorded. */
const mark = (state: ConsentState) => (state.decided ? `${state.id}.${state.timestamp}.${state.method}` : '');

/** Starts logging an instance's decisions; returns the function that stops it. */
export function startConsentLog(gate: ConsentGate, options: ConsentLogOptions): () => void {
  const document = options.document ?? window.document;
  const view = document.defaultView!;
  const storage = storageOf(view);
  const cookieName = gate.config.cookie?.name ?? 'consent_gate';
  const queue = recordQueue(storage, `consent-gate:log:${cookieName}`, options.queueSize ?? 50);
  const loggedKey = `consent-gate:logged:${cookieName}`;
  const endpoint = new URL(options.endpoint, document.baseURI).href;
  const context = () => ({ language: options.language, mode: options.mode, location: document.location, now: Date.now() });
  let textsHash: Promise<string> | undefined;
  let retryMs = FIRST_RETRY_MS;
  let timer: number | undefined;
  let sending = false;
  let stopped = false;

  function enqueue(record: ConsentRecord | null, logged: string): void {
    if (record) {
      const { dropped } = queue.add(record);
      if (dropped > 0) options.warn?.(`the consent log queue is full; the ${dropped} oldest undelivered record(s) were dropped.`);
    }
    try {
      storage?.setItem(loggedKey, logged);
    } catch {
      // Without storage, the next page view may log this decision again: the receiver keeps one.
    }
  }

  /** A decision the cookie holds but no record was made for (made before this client started). */
  function reconcile(): void {
    const state = gate.get();
    const logged = readLogged();
    if (mark(state) === logged) return;
    if (!state.decided && logged) {
      enqueue(resetRecord(logged.split('.')[0]!, state, context()), '');
      return;
    }
    enqueue(decisionRecord(state, context()), mark(state));
  }

  function readLogged(): string {
    try {
      return storage?.getItem(loggedKey) ?? '';
    } catch {
      return '';
    }
  }

  async function send(record: ConsentRecord): Promise<boolean> {
    textsHash ??= hashShownTexts(options.shown);
    const body = JSON.stringify({ ...record, textsHash: record.textsHash || (await textsHash) });
    if (stopped) return false;
    try {
      const response = await view.fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true, credentials: 'same-origin' });
      // 4xx other than 429: the server will never take this record; keeping it would retry forever.
      return response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429);
    } catch {
      // fetch failed (offline, or keepalive refused while the page unloads): hand the record to a
      // beacon as well (it arrives as text/plain, which the receiver accepts) and keep it queued
      // until a later 2xx; the receiver stores each record id once.
      view.navigator.sendBeacon?.(endpoint, body);
      return false;
    }
  }

  /** Sends the queue in order, oldest first, until it is empty or a record is refused. */
  async function deliver(): Promise<void> {
    if (sending || stopped) return;
    sending = true;
    try {
      for (let record = queue.all()[0]; record; record = queue.all()[0]) {
        if (!(await send(record))) {
          schedule();
          return;
        }
        queue.remove(record.recordId);
      }
      retryMs = FIRST_RETRY_MS;
    } finally {
      sending = false;
    }
  }

  function schedule(): void {
    if (stopped || timer !== undefined) return;
    timer = view.setTimeout(() => {
      timer = undefined;
      void deliver();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }

  let previous = gate.get();
  const stop = gate.on('change', (state) => {
    const before = previous;
    previous = state;
    if (!state.decided && before.decided && before.id) enqueue(resetRecord(before.id, state, context()), '');
    else enqueue(decisionRecord(state, context()), mark(state));
    void deliver();
  });

  reconcile();
  void deliver();
  return () => {
    stopped = true;
    stop();
    if (timer !== undefined) view.clearTimeout(timer);
  };
}

function storageOf(view: Window): Storage | undefined {
  try {
    return view.localStorage;
  } catch {
    return undefined;
  }
}

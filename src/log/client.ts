/**
 * The consent log (README, "Proof of consent"): every decision, withdrawal and `reset()` goes to
 * the site's endpoint as one JSON record. Each decision is kept synchronously when it is made
 * (./decisions, in the main file of the script tag), becomes a record in a bounded localStorage
 * queue (in memory when storage refuses it), and leaves the queue only when the server answers 2xx:
 * offline, refused (5xx) or cut short by navigation, it is delivered on a later page view, with
 * backoff. Delivery is at least once; the receiver stores each record id once.
 *
 * An endpoint on another origin that sends no CORS headers for this page gets the record as a
 * simple request (`no-cors`) whose reply is opaque: its status cannot be read, so the record
 * counts as delivered (posting it again could never learn more) and the site owner is told to
 * list the page's origin with the receiver's `--cors`.
 *
 * A decision made before this client started that no one kept (a headless instance that
 * starts the log late, or a decision taken when the instance started) is recovered from the
 * consent cookie, which is written synchronously at every decision.
 */
import type { ConsentGate } from '../consent-gate';
import type { ConsentMode, ConsentState } from '../types';
import { keepDecisions, pageUrl, takeDecisions, type KeptDecision } from './decisions';
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

const cookieNameOf = (gate: ConsentGate) => gate.config.cookie?.name ?? 'consent_gate';

/** Starts logging an instance's decisions; returns the function that stops it. */
export function startConsentLog(gate: ConsentGate, options: ConsentLogOptions): () => void {
  const decisions: KeptDecision[] = [];
  const stopKeeping = keepDecisions(gate, (options.document ?? window.document).defaultView!, cookieNameOf(gate), decisions);
  const stop = startLogClient(gate, options, decisions);
  return () => {
    stop();
    stopKeeping();
  };
}

/**
 * `startConsentLog` for decisions someone already keeps (with `keepDecisions`, since the
 * instance was created): the log part's entry, which so carries no copy of `keepDecisions`.
 */
export function startLogClient(gate: ConsentGate, options: ConsentLogOptions, decisions: KeptDecision[]): () => void {
  const document = options.document ?? window.document;
  const view = document.defaultView!;
  const storage = storageOf(view);
  const cookieName = cookieNameOf(gate);
  const queue = recordQueue(storage, `consent-gate:log:${cookieName}`, options.queueSize ?? 50);
  const loggedKey = `consent-gate:logged:${cookieName}`;
  const endpoint = new URL(options.endpoint, document.baseURI);
  const crossOrigin = endpoint.origin !== view.location.origin;
  let textsHash: Promise<string> | undefined;
  let retryMs = FIRST_RETRY_MS;
  let timer: number | undefined;
  let sending = false;
  let stopped = false;
  /** The endpoint's replies cannot be read (no CORS for this page): post without asking. */
  let noCors = false;
  /** The last decision logged, in memory too: storage may refuse to keep it. */
  let logged = readLogged();

  function enqueue(record: ConsentRecord | null, mark: string): void {
    if (!record) return;
    const { dropped } = queue.add(record);
    if (dropped > 0) options.warn?.(`the consent log queue is full; the ${dropped} oldest undelivered record(s) were dropped.`);
    logged = mark;
    try {
      storage?.setItem(loggedKey, mark);
    } catch {
      // Without storage, the next page view may log this decision again: the receiver keeps one.
    }
  }

  /** Turns the kept decisions into records, oldest first; one that storage garbled is skipped. */
  function recordDecisions(): void {
    for (const kept of takeDecisions(decisions, storage, cookieName)) {
      try {
        const [state, previousId, url, now, recordId] = kept as KeptDecision;
        const context = { language: options.language, mode: options.mode, url, now };
        if (state.decided) enqueue(withId(decisionRecord(state, context), recordId), mark(state));
        else if (previousId) enqueue(withId(resetRecord(previousId, state, context), recordId), '');
      } catch {
        // Not a kept decision (hostile storage): no record, nothing thrown into the page.
      }
    }
  }

  /** A decision the cookie holds but no record was made for (made before anything kept it). */
  function reconcile(): void {
    const state = gate.get();
    if (mark(state) === logged) return;
    const context = { language: options.language, mode: options.mode, url: pageUrl(document.location), now: Date.now() };
    if (!state.decided && logged) {
      enqueue(resetRecord(logged.split('.')[0]!, state, context), '');
      return;
    }
    enqueue(decisionRecord(state, context), mark(state));
  }

  function readLogged(): string {
    try {
      return storage?.getItem(loggedKey) ?? '';
    } catch {
      return '';
    }
  }

  /** Whether the server took the record, or never will (so it leaves the queue). */
  function taken(response: Response): boolean {
    if (response.type === 'opaque') {
      // A no-cors reply: its status is unknowable, and posting again could never learn more.
      if (!noCors) options.warn?.(`the consent log endpoint ${endpoint.origin} does not allow this page's origin by CORS, so its replies cannot be read: each record is posted once, unconfirmed (a receiver refuses origins it does not list). Start the receiver with \`consent-gate records serve --cors ${view.location.origin}\` (or \`cors: { origins }\` in createReceiver).`);
      noCors = true;
      return true;
    }
    // 4xx other than 429: the server will never take this record; keeping it would retry forever.
    return response.ok || (response.status >= 400 && response.status < 500 && response.status !== 429);
  }

  async function send(record: ConsentRecord): Promise<boolean> {
    textsHash ??= hashShownTexts(options.shown);
    const body = JSON.stringify({ ...record, textsHash: record.textsHash || (await textsHash) });
    if (stopped) return false;
    const post = (init: RequestInit) => view.fetch(endpoint.href, { method: 'POST', body, keepalive: true, ...init });
    try {
      if (!noCors) return taken(await post({ headers: { 'content-type': 'application/json' }, credentials: 'same-origin' }));
    } catch {
      // Offline, keepalive refused while the page unloads, or (on another origin) no CORS.
    }
    try {
      // Another origin: as a simple request (text/plain, which the receiver accepts), which needs
      // no CORS to be sent, only to be read.
      if (crossOrigin) return taken(await post({ mode: 'no-cors' }));
    } catch {
      // Unreachable.
    }
    // Hand the record to a beacon as well and keep it queued until a later 2xx; the receiver
    // stores each record id once.
    view.navigator.sendBeacon?.(endpoint.href, body);
    return false;
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

  const stop = gate.on('change', () => {
    recordDecisions();
    void deliver();
  });

  recordDecisions();
  reconcile();
  void deliver();
  return () => {
    stopped = true;
    stop();
    if (timer !== undefined) view.clearTimeout(timer);
  };
}

/** A record with the id its decision was kept with. */
const withId = (record: ConsentRecord | null, recordId: string) => record && { ...record, recordId };

function storageOf(view: Window): Storage | undefined {
  try {
    return view.localStorage;
  } catch {
    return undefined;
  }
}

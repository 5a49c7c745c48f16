/**
 * Activating gated scripts (CSP Level 3 nonces). Changing `type` on a parsed script runs nothing,
 * so each is replaced by a new script element built from an allow-list of its attributes. External
 * scripts run one after another in document order: each waits for the previous one to load or fail,
 * so a tag and its setup script keep their order.
 */
import { ACTIVATED_ATTRIBUTE } from './markup';
import type { ScriptTrust } from './trusted-types';

/** Attributes carried over to the running script; `type` comes from `data-type`. */
const COPIED_ATTRIBUTES = ['async', 'defer', 'integrity', 'crossorigin', 'referrerpolicy', 'nomodule', 'id', 'class', 'fetchpriority'];

/**
 * `data-type` values that run as JavaScript (HTML's JavaScript MIME type essence list, and
 * `module`). Anything else (`text/x-template`, `importmap`, `speculationrules`) would never load
 * or run, so it is reported and left inert rather than activated.
 */
const JAVASCRIPT_TYPES = /^(module|(application|text)\/(x-)?(java|ecma)script|text\/javascript1\.[0-5]|text\/(jscript|livescript))$/;

/** How long an external script may take before the next one runs anyway. */
export const SCRIPT_TIMEOUT_MS = 10_000;

/** Whether a gated script's `data-type` makes it run as JavaScript (no `data-type`: classic). */
export function runsAsJavaScript(inert: Element): boolean {
  const type = inert.getAttribute('data-type');
  return type === null || type.trim() === '' || JAVASCRIPT_TYPES.test(type.trim().toLowerCase());
}

/**
 * Builds the running twin of an inert script. Trusted Types refuse a string a page script puts
 * into a script (`text`, `src`), but not a text node; one put into an inert script would reach
 * the `consent-gate` policy unchecked, so a script whose text changed after parsing is refused
 * (it throws, and the queue reports it): its text differs from `seen` (what the gate first saw),
 * or it has more than the one text node the parser writes (Chromium runs no observer between
 * parsing a script and running the next one, so a node appended there predates the gate's look).
 */
export function buildScript(inert: HTMLScriptElement, trust: ScriptTrust, seen?: string): HTMLScriptElement {
  const document = inert.ownerDocument;
  const src = inert.getAttribute('src');
  const text = inert.text;
  if (inert.childNodes.length > 1 || (seen !== undefined && seen !== text)) throw new TypeError('its text changed after it was parsed');
  // Only http(s): a `data:` or `blob:` URL is script text by another name, which no nonce or
  // allow-list of hosts vouches for.
  if (src !== null && !/^https?:$/.test(new URL(src, document.baseURI).protocol)) throw new TypeError('not an http(s) URL');
  const script = document.createElement('script');
  for (const name of COPIED_ATTRIBUTES) {
    const value = inert.getAttribute(name);
    if (value !== null) script.setAttribute(name, value);
  }
  for (const { name, value } of Array.from(inert.attributes)) {
    if (name.startsWith('data-') && name !== 'data-type') script.setAttribute(name, value);
  }
  const type = inert.getAttribute('data-type');
  if (type) script.type = type;
  // getAttribute('nonce') is empty after nonce hiding; the property keeps it.
  if (inert.nonce) script.nonce = inert.nonce;
  script.setAttribute(ACTIVATED_ATTRIBUTE, '');
  if (src) script.src = trust.url(src);
  else script.text = trust.text(text);
  return script;
}

/**
 * Whether the browser will fetch and run this script, and so fire `load` or `error`: a
 * `nomodule` script never does in a browser that knows modules.
 */
function willLoad(script: HTMLScriptElement): boolean {
  const View = script.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const knowsModules = View ? 'noModule' in View.HTMLScriptElement.prototype : true;
  return !(script.noModule && knowsModules);
}

/** Runs scripts in the order they were queued, external ones one at a time. */
export interface ScriptQueue {
  add(scripts: HTMLScriptElement[]): void;
  /** Stops running further scripts (the page may still finish loading one). */
  stop(): void;
}

export function createScriptQueue(
  trust: ScriptTrust,
  onError: (script: HTMLScriptElement, error: unknown) => void,
  seen: (script: HTMLScriptElement) => string | undefined = () => undefined,
): ScriptQueue {
  const waiting: HTMLScriptElement[] = [];
  let busy = false;
  let stopped = false;

  function next(): void {
    busy = false;
    while (!stopped && waiting.length > 0) {
      const inert = waiting.shift()!;
      if (!inert.isConnected) continue;
      let script: HTMLScriptElement;
      try {
        script = buildScript(inert, trust, seen(inert));
      } catch (error) {
        onError(inert, error);
        continue;
      }
      if (!script.src || !willLoad(script)) {
        inert.replaceWith(script);
        continue;
      }
      busy = true;
      const view = script.ownerDocument.defaultView!;
      let finished = false;
      const done = () => {
        if (finished) return;
        finished = true;
        view.clearTimeout(timer);
        next();
      };
      script.addEventListener('load', done, { once: true });
      script.addEventListener('error', done, { once: true });
      // A script that never answers (a hung server) must not hold the rest back forever.
      const timer = view.setTimeout(done, SCRIPT_TIMEOUT_MS);
      inert.replaceWith(script);
      return;
    }
  }

  return {
    add(scripts) {
      waiting.push(...scripts);
      if (!busy) next();
    },
    stop() {
      stopped = true;
      waiting.length = 0;
    },
  };
}

/**
 * Activating gated scripts (contract section 4, standards SEC-2). Changing `type` on a parsed
 * script runs nothing, so each is replaced by a new script element built from an allow-list of
 * its attributes. External scripts run one after another in document order: each waits for the
 * previous one to load or fail, so a tag and its setup script keep their order.
 */
import { ACTIVATED_ATTRIBUTE } from './markup';
import { trustedScriptText, trustedScriptUrl } from './trusted-types';

/** Attributes carried over to the running script; `type` comes from `data-type`. */
const COPIED_ATTRIBUTES = ['async', 'defer', 'integrity', 'crossorigin', 'referrerpolicy', 'nomodule', 'id', 'class', 'fetchpriority'];

/** Builds the running twin of an inert script. */
export function buildScript(inert: HTMLScriptElement): HTMLScriptElement {
  const document = inert.ownerDocument;
  const view = document.defaultView!;
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
  const src = inert.getAttribute('src');
  if (src) script.src = trustedScriptUrl(view, src);
  else script.text = trustedScriptText(view, inert.text);
  return script;
}

/** Runs scripts in the order they were queued, external ones one at a time. */
export interface ScriptQueue {
  add(scripts: HTMLScriptElement[]): void;
  /** Stops running further scripts (the page may still finish loading one). */
  stop(): void;
}

export function createScriptQueue(onError: (script: HTMLScriptElement, error: unknown) => void): ScriptQueue {
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
        script = buildScript(inert);
      } catch (error) {
        onError(inert, error);
        continue;
      }
      if (!script.src) {
        inert.replaceWith(script);
        continue;
      }
      busy = true;
      const done = () => next();
      script.addEventListener('load', done, { once: true });
      script.addEventListener('error', done, { once: true });
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

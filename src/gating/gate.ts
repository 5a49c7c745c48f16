/**
 * The gating engine: finds gated elements (now and as the page adds them), activates those whose
 * categories are allowed, and keeps the model of blocked elements that placeholders are drawn
 * from. It only reads consent through `isAllowed`; it knows nothing of cookies or the UI.
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { Logger } from '../core/logger';
import type { Activator } from './activation';
import { runsAsJavaScript } from './scripts';
import { scriptTrust } from './trusted-types';
import { ACTIVATED_ATTRIBUTE, isInertScript, listedCategories, PENDING_SELECTOR, sourceHost, wantsPlaceholder } from './markup';
import { say } from '../core/wording';

/** An element kept inert, for placeholders and reports. */
export interface BlockedElement {
  element: Element;
  /** The categories it needs that are denied now. */
  categories: string[];
  /** The host it would load from, when it has a URL. */
  host?: string;
  /** Whether the interface should draw a placeholder for it. */
  placeholder: boolean;
}

export interface GateOptions {
  document: Document;
  /** Maps a category id in markup to a configured id, or null when it is unknown. */
  resolveCategory(id: string): string | null;
  /** Whether a configured category is allowed now. */
  isAllowed(id: string): boolean;
  logger: Logger;
  /**
   * The page's script nonce. When set, only gated scripts carrying the same nonce are run, so
   * injected markup cannot use the gate to bypass the Content Security Policy (CSP Level 3 nonces).
   */
  nonce?: string;
  /**
   * Without a page nonce, injected markup cannot be told from the site's own, and a gated script
   * in `necessary` (inline or external) would run with no one's consent: such scripts stay inert
   * unless the site sets this.
   * @default false
   */
  allowInlineNecessary?: boolean;
  /** Activation, or a function that loads it (the script tag's `activation` part). */
  activation: ActivationOption;
}

export interface Gate {
  /** Elements kept inert now. */
  $blocked: ReadableAtom<BlockedElement[]>;
  /** Re-evaluates every gated element against the current consent. */
  update(): void;
  /** Activates one blocked element for this page view only, recording nothing. */
  loadOnce(element: Element): void;
  /** Stops observing and running scripts. */
  destroy(): void;
}

/** Where the gate gets activation: the module itself, or a function that loads it (a part). */
export type ActivationOption = typeof import('./activation') | (() => Promise<typeof import('./activation')>);

/**
 * Elements in document order (README, "Marking third-party content": scripts activate in document
 * order). A batch lists them in the order they were added, which differs when a page inserts one
 * before another.
 */
function inDocumentOrder(elements: Element[]): Element[] {
  return elements.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}
/** `Node.DOCUMENT_POSITION_FOLLOWING`, without reading a global `Node` (the gate may serve another window). */
const FOLLOWING = 4;

export function createGate({ document, resolveCategory, isAllowed, logger, nonce, allowInlineNecessary = false, activation }: GateOptions): Gate {
  const trust = scriptTrust(document.defaultView!);
  const $blocked = atom<BlockedElement[]>([]);
  const loadedOnce = new WeakSet<Element>();
  /** Elements waiting for activation to load; each is handed over once. */
  const waiting: Element[] = [];
  const handedOver = new WeakSet<Element>();
  /** Each gated script's text when first seen, which is what may run (see `buildScript`). */
  const seen = new WeakMap<Element, string>();
  let activator: Activator | undefined;
  let stopped = false;

  function startActivator(module: typeof import('./activation')): void {
    if (stopped || activator) return;
    activator = module.createActivator(document, logger, trust, (script) => seen.get(script));
    activator.activate(waiting.splice(0));
  }

  /** Activates elements (in order), loading activation first if it is not here yet. */
  function activate(elements: Element[]): void {
    const fresh = elements.filter((element) => !handedOver.has(element));
    for (const element of fresh) handedOver.add(element);
    if (activator) {
      activator.activate(fresh);
      return;
    }
    if (fresh.length === 0) return;
    waiting.push(...fresh);
    if (typeof activation !== 'function') {
      startActivator(activation);
      return;
    }
    activation().then(startActivator, (error: unknown) => logger.warnOnce('part:activation', say('activation-failed'), error));
  }

  /** The categories an element needs, resolved; null when it cannot be gated (reported). */
  function requiredCategories(element: Element): string[] | null {
    const listed = listedCategories(element);
    const resolved: string[] = [];
    for (const id of listed) {
      const category = resolveCategory(id);
      if (category === null) {
        logger.warnOnce(`unknown:${id}`, say('unknown-category', { id }), element);
        return null;
      }
      resolved.push(category);
    }
    if (resolved.length === 0) {
      logger.warnOnce('empty-consent', say('empty-consent'), element);
      return null;
    }
    return resolved;
  }

  /** Scripts the gate will run: written inert, carrying the nonce, JavaScript, not an unsigned necessary script. */
  function canRun(element: Element, categories: string[]): boolean {
    if (element.localName !== 'script') return true;
    const key = element.getAttribute('src') ?? element.textContent?.slice(0, 40);
    if (!isInertScript(element)) {
      logger.warnOnce(`ran:${key}`, say('script-ran'), element);
      return false;
    }
    if (nonce && element.nonce !== nonce) {
      logger.warnOnce(`nonce:${key}`, say('script-nonce'), element);
      return false;
    }
    if (!runsAsJavaScript(element)) {
      logger.warnOnce(`type:${key}`, say('script-type', { type: element.getAttribute('data-type') ?? '' }), element);
      return false;
    }
    // Not while the parser may still be writing it (nothing follows it yet while the page
    // loads): a long inline script can arrive in several network chunks. Retried on each update.
    if (!seen.has(element) && (element.nextSibling || document.readyState !== 'loading')) seen.set(element, element.text);
    if (!nonce && !allowInlineNecessary && categories.every((id) => id === 'necessary')) {
      logger.warnOnce('inline-necessary', say('inline-necessary'), element);
      return false;
    }
    return true;
  }

  function blockedEntry(element: Element, categories: string[]): BlockedElement {
    return {
      element,
      categories: categories.filter((id) => !isAllowed(id)),
      host: sourceHost(element, document.baseURI),
      placeholder: wantsPlaceholder(element),
    };
  }

  /** Sorts pending elements into those to activate now and those that stay blocked. */
  function process(elements: Element[], blocked: BlockedElement[]): void {
    const allowed: Element[] = [];
    for (const element of elements) {
      if (element.hasAttribute(ACTIVATED_ATTRIBUTE) || loadedOnce.has(element) || handedOver.has(element)) continue;
      const categories = requiredCategories(element);
      if (!categories || !canRun(element, categories)) continue;
      if (categories.every(isAllowed)) allowed.push(element);
      else blocked.push(blockedEntry(element, categories));
    }
    activate(allowed);
  }

  function update(): void {
    activator?.deactivate((element) => {
      // Loaded for this page view only: it stays.
      if (loadedOnce.has(element)) return true;
      const categories = requiredCategories(element);
      const stillAllowed = !categories || categories.every(isAllowed);
      // A frame sent back to inert is a new element; the one handed over is gone.
      if (!stillAllowed) handedOver.delete(element);
      return stillAllowed;
    });
    const blocked: BlockedElement[] = [];
    process(Array.from(document.querySelectorAll(PENDING_SELECTOR)), blocked);
    $blocked.set(blocked);
  }

  const observer = new (document.defaultView!.MutationObserver)((records) => {
    // The parser adds a parent, then its children, in one batch: each element is taken once, and
    // only elements with children are searched.
    const added = new Set<Element>();
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.matches(PENDING_SELECTOR)) added.add(element);
        if (element.firstElementChild) element.querySelectorAll(PENDING_SELECTOR).forEach((inner) => added.add(inner));
      }
    }
    if (added.size === 0) return;
    const blocked = $blocked.get().filter((entry) => entry.element.isConnected && !added.has(entry.element));
    process(inDocumentOrder([...added]), blocked);
    $blocked.set(blocked);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });

  return {
    $blocked,
    update,
    loadOnce(element) {
      const categories = requiredCategories(element);
      if (loadedOnce.has(element) || !categories || !canRun(element, categories)) return;
      loadedOnce.add(element);
      activate([element]);
      $blocked.set($blocked.get().filter((entry) => entry.element !== element));
    },
    destroy() {
      stopped = true;
      waiting.length = 0;
      observer.disconnect();
      activator?.stop();
    },
  };
}

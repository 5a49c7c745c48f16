/**
 * The gating engine: finds gated elements (now and as the page adds them), activates those whose
 * categories are allowed, and keeps the model of blocked elements that placeholders are drawn
 * from. It only reads consent through `isAllowed`; it knows nothing of cookies or the UI.
 */
import { atom, type ReadableAtom } from 'nanostores';
import type { Logger } from '../core/logger';
import { activateEmbed, deactivateEmbed } from './embeds';
import { ACTIVATED_ATTRIBUTE, isInertScript, listedCategories, PENDING_SELECTOR, sourceHost, wantsPlaceholder } from './markup';
import { createScriptQueue } from './scripts';

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
   * injected markup cannot use the gate to bypass the Content Security Policy (standards SEC-3).
   */
  nonce?: string;
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

export function createGate({ document, resolveCategory, isAllowed, logger, nonce }: GateOptions): Gate {
  const $blocked = atom<BlockedElement[]>([]);
  const activatedEmbeds = new Set<Element>();
  const loadedOnce = new WeakSet<Element>();
  const scripts = createScriptQueue((script, error) => logger.error('could not activate a gated script:', script, error));

  /** The categories an element needs, resolved; null when it cannot be gated (reported). */
  function requiredCategories(element: Element): string[] | null {
    const listed = listedCategories(element);
    const resolved: string[] = [];
    for (const id of listed) {
      const category = resolveCategory(id);
      if (category === null) {
        logger.warnOnce(`unknown:${id}`, `data-consent names the unknown category "${id}"; the element stays inert. Configure the category or fix the markup:`, element);
        return null;
      }
      resolved.push(category);
    }
    if (resolved.length === 0) {
      logger.warnOnce('empty-consent', 'data-consent is empty; the element stays inert:', element);
      return null;
    }
    return resolved;
  }

  function canRun(element: Element): boolean {
    if (element.localName !== 'script') return true;
    if (!isInertScript(element)) {
      logger.warnOnce(`ran:${element.getAttribute('src') ?? element.textContent?.slice(0, 40)}`, 'a data-consent script is not type="text/plain", so the browser already ran it; write it inert:', element);
      return false;
    }
    if (nonce && element.nonce !== nonce) {
      logger.warnOnce(`nonce:${element.getAttribute('src') ?? ''}`, 'a gated script without the page nonce is left inert (injected markup must not run through the gate):', element);
      return false;
    }
    return true;
  }

  /**
   * Frames found while the parser is still inserting them: Chromium starts a frame's initial
   * navigation after the MutationObserver has run and drops a `src` set before that, so they
   * are activated once parsing is done.
   */
  let parsingFrames: Element[] | null = null;

  function activateNow(element: Element): void {
    if (!element.isConnected || element.hasAttribute(ACTIVATED_ATTRIBUTE)) return;
    activateEmbed(element);
    activatedEmbeds.add(element);
  }

  function activateAfterParsing(element: Element): void {
    if (!parsingFrames) {
      parsingFrames = [];
      document.addEventListener('DOMContentLoaded', () => {
        const frames = parsingFrames ?? [];
        parsingFrames = null;
        frames.forEach(activateNow);
      }, { once: true });
    }
    parsingFrames.push(element);
  }

  /** Activates elements that passed `canRun`, keeping scripts in their queue order. */
  function activate(elements: Element[]): void {
    scripts.add(elements.filter((e): e is HTMLScriptElement => e.localName === 'script'));
    for (const element of elements) {
      if (element.localName === 'script') continue;
      if (element.localName === 'iframe' && document.readyState === 'loading') activateAfterParsing(element);
      else activateNow(element);
    }
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
      if (element.hasAttribute(ACTIVATED_ATTRIBUTE) || loadedOnce.has(element)) continue;
      const categories = requiredCategories(element);
      if (!categories || !canRun(element)) continue;
      if (categories.every(isAllowed)) allowed.push(element);
      else blocked.push(blockedEntry(element, categories));
    }
    activate(allowed);
  }

  /** Withdrawal: frames whose categories were denied go back to their inert form. */
  function deactivateWithdrawn(): void {
    for (const element of [...activatedEmbeds]) {
      const categories = requiredCategories(element);
      if (!categories || categories.every(isAllowed)) continue;
      activatedEmbeds.delete(element);
      deactivateEmbed(element);
    }
  }

  function update(): void {
    deactivateWithdrawn();
    const blocked: BlockedElement[] = [];
    process(Array.from(document.querySelectorAll(PENDING_SELECTOR)), blocked);
    $blocked.set(blocked);
  }

  const observer = new (document.defaultView!.MutationObserver)((records) => {
    const added: Element[] = [];
    for (const record of records) {
      for (const node of Array.from(record.addedNodes)) {
        if (node.nodeType !== 1) continue;
        const element = node as Element;
        if (element.matches(PENDING_SELECTOR)) added.push(element);
        added.push(...Array.from(element.querySelectorAll(PENDING_SELECTOR)));
      }
    }
    if (added.length === 0) return;
    const blocked = $blocked.get().filter((entry) => entry.element.isConnected && !added.includes(entry.element));
    process(added, blocked);
    $blocked.set(blocked);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });

  return {
    $blocked,
    update,
    loadOnce(element) {
      if (loadedOnce.has(element) || !canRun(element)) return;
      loadedOnce.add(element);
      activate([element]);
      activatedEmbeds.delete(element);
      $blocked.set($blocked.get().filter((entry) => entry.element !== element));
    },
    destroy() {
      parsingFrames = null;
      observer.disconnect();
      scripts.stop();
      activatedEmbeds.clear();
    },
  };
}

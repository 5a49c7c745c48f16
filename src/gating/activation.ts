/**
 * Activation: turning inert elements into running ones once their categories are allowed, and
 * frames back into inert ones after a withdrawal. A visitor who has allowed nothing needs none
 * of it, so the script tag loads it as a part on the first allowed element; the npm builds
 * import it directly.
 */
import type { Logger } from '../core/logger';
import { say } from '../core/wording';
import { activateEmbed, deactivateEmbed } from './embeds';
import { ACTIVATED_ATTRIBUTE } from './markup';
import { createScriptQueue } from './scripts';
import type { ScriptTrust } from './trusted-types';

export interface Activator {
  /** Activates elements that may run, keeping scripts in their queue order. */
  activate(elements: Element[]): void;
  /** Frames whose categories are no longer all allowed go back to their inert form. */
  deactivate(stillAllowed: (element: Element) => boolean): void;
  /** Stops running further scripts. */
  stop(): void;
}

/** `seen` gives a gated script's text as the gate first saw it (see `buildScript`). */
export function createActivator(document: Document, logger: Logger, trust: ScriptTrust, seen?: (script: HTMLScriptElement) => string | undefined): Activator {
  const activatedEmbeds = new Set<Element>();
  const scripts = createScriptQueue(trust, (script, error) => logger.error(say('script-failed'), script, error), seen);

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
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          const frames = parsingFrames ?? [];
          parsingFrames = null;
          frames.forEach(activateNow);
        },
        { once: true },
      );
    }
    parsingFrames.push(element);
  }

  return {
    activate(elements) {
      scripts.add(elements.filter((e): e is HTMLScriptElement => e.localName === 'script'));
      for (const element of elements) {
        if (element.localName === 'script') continue;
        if (element.localName === 'iframe' && document.readyState === 'loading') activateAfterParsing(element);
        else activateNow(element);
      }
    },
    deactivate(stillAllowed) {
      for (const element of [...activatedEmbeds]) {
        if (stillAllowed(element)) continue;
        activatedEmbeds.delete(element);
        deactivateEmbed(element);
      }
    },
    stop() {
      parsingFrames = null;
      scripts.stop();
      activatedEmbeds.clear();
    },
  };
}

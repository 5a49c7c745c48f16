/**
 * Request initiator chains from DevTools' `Network.requestWillBeSent` events: for each request,
 * the script, frame or parser that caused it, followed up to a tag in the page's own markup
 * (a pixel that a script loaded that an inline script inserted → that inline script).
 */
import { inlineScriptAt, type InlineScript } from './source.js';
import type { TagRef } from './types.js';

/** DevTools' `Runtime.StackTrace`, as far as the scanner reads it. */
interface StackTrace {
  callFrames: Array<{ url: string; lineNumber: number; columnNumber: number }>;
  parent?: StackTrace;
}

/** One `Network.requestWillBeSent` event, reduced to what chains need. */
export interface RequestEvent {
  requestId: string;
  url: string;
  /** Chromium's resource type (`Script`, `Image`, `Document`, …). */
  type: string;
  frameId: string;
  initiator: { type: string; url?: string; lineNumber?: number; columnNumber?: number; stack?: StackTrace };
  /** The URL this request was redirected from (same requestId), when it was a redirect. */
  redirectedFrom?: string;
}

/** An element of the page with a `src`, as the DOM holds it. */
export interface PageElement {
  kind: 'script' | 'iframe' | 'img';
  /** The resolved `src`. */
  url: string;
  attributes: Array<[string, string]>;
}

/** What the resolver needs to know about the page. */
export interface PageContext {
  /** The main frame's id. */
  mainFrameId: string;
  /** The main document's URL. */
  documentUrl: string;
  /** The main document's source, as served. */
  source: string;
  inlineScripts: readonly InlineScript[];
  elements: readonly PageElement[];
}

/** The first stack frame with a URL, from the synchronous frames out to async parents. */
function scriptFrame(stack: StackTrace | undefined): StackTrace['callFrames'][number] | undefined {
  for (let trace = stack; trace; trace = trace.parent) {
    const frame = trace.callFrames.find((candidate) => candidate.url);
    if (frame) return frame;
  }
  return undefined;
}

/** Resolves initiator chains over the events of one page load. */
export function createChainResolver(events: readonly RequestEvent[], page: PageContext) {
  const byUrl = new Map<string, RequestEvent>();
  const frameDocuments = new Map<string, RequestEvent>();
  for (const event of events) {
    if (!byUrl.has(event.url)) byUrl.set(event.url, event);
    if (event.type === 'Document' && event.frameId !== page.mainFrameId && !event.redirectedFrom) frameDocuments.set(event.frameId, event);
  }
  const other = (url?: string): TagRef => ({ kind: 'other', attributes: [], url });
  const elementFor = (url: string, kind?: PageElement['kind']): TagRef => {
    const element = page.elements.find((candidate) => candidate.url === url && (!kind || candidate.kind === kind));
    return element ? { kind: element.kind, attributes: element.attributes, url } : other(url);
  };

  /** The event's cause: another request, or the tag the chain starts from. */
  function parentOf(event: RequestEvent): RequestEvent | TagRef {
    if (event.redirectedFrom) return byUrl.get(event.redirectedFrom) ?? other(event.redirectedFrom);
    const { initiator } = event;
    const frameDocument = event.frameId !== page.mainFrameId ? frameDocuments.get(event.frameId) : undefined;
    const inFrame = frameDocument && frameDocument !== event ? frameDocument : undefined;
    if (initiator.type === 'script') {
      const frame = scriptFrame(initiator.stack);
      if (!frame) return inFrame ?? other();
      if (frame.url === page.documentUrl) return inlineScriptAt(page.source, page.inlineScripts, frame.lineNumber, frame.columnNumber) ?? other(page.documentUrl);
      return byUrl.get(frame.url) ?? other(frame.url);
    }
    if (initiator.type === 'parser' && initiator.url) {
      if (initiator.url === page.documentUrl) {
        const kind = event.type === 'Document' ? 'iframe' : event.type === 'Script' ? 'script' : event.type === 'Image' ? 'img' : undefined;
        return elementFor(event.url, kind);
      }
      return inFrame ?? byUrl.get(initiator.url) ?? other(initiator.url);
    }
    return inFrame ?? other();
  }

  return {
    /**
     * The URLs between `event` and the tag it started from (nearest first; the tag's own URL
     * not repeated), and that tag.
     */
    chainOf(event: RequestEvent): { chain: string[]; root: TagRef } {
      const chain: string[] = [];
      const seen = new Set<RequestEvent>([event]);
      let cause = parentOf(event);
      let root: TagRef | undefined;
      // A chain longer than this is a loop in the data, not a real page.
      while (!root && chain.length < 32) {
        if (!('requestId' in cause)) {
          root = cause;
          break;
        }
        if (seen.has(cause)) break;
        seen.add(cause);
        chain.push(cause.url);
        const next = parentOf(cause);
        // A request with no known cause (a preload, a cached script) is the root itself.
        if (!('requestId' in next) && next.kind === 'other' && !next.url) root = elementFor(cause.url);
        else cause = next;
      }
      root ??= other(chain[chain.length - 1]);
      if (root.url && chain[chain.length - 1] === root.url) chain.pop();
      return { chain, root };
    },
  };
}

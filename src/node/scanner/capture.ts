/// <reference lib="dom" />
/**
 * One page, as a first-time visitor sees it before any consent: a fresh browser context (no
 * cookies, no storage), the page loaded until the network is quiet, then the cookie store, both
 * storages, every third-party request with its initiator chain, and the page's links.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createChainResolver, type PageElement, type RequestEvent } from './initiators.js';
import type { SiteRules } from './site.js';
import { inlineScripts } from './source.js';
import { DeadlineError, pause, withDeadline } from './deadline.js';
import type { PageCapture, SeenCookie } from './types.js';

/** How long one page may take to load before it is reported as failed. */
export const PAGE_TIMEOUT_MS = 30_000;
/** After `load`, how long to wait for the network to go quiet (tags that load tags). */
export const SETTLE_TIMEOUT_MS = 2_500;

/** Words in a link's text or address that mark the privacy policy, in the library's languages. */
const PRIVACY = /privacy|privacidad|privacidade|datenschutz|confidentialit|riservatezza|конфиденциальн|プライバシー/i;

interface DomFacts {
  /** The page's Consent Gate config, as the script-tag build reads it; null without one. */
  config: unknown;
  elements: PageElement[];
  links: Array<{ href: string; text: string }>;
  localStorage: string[];
  sessionStorage: string[];
}

/** Runs in the page: reads the DOM and storage. Must stay self-contained (it is serialised). */
function readDom(): DomFacts {
  const keys = (storage: () => Storage) => {
    try {
      const store = storage();
      return Array.from({ length: store.length }, (_, i) => store.key(i) ?? '').filter(Boolean);
    } catch {
      return [];
    }
  };
  const elements = Array.from(document.querySelectorAll<HTMLScriptElement | HTMLIFrameElement | HTMLImageElement>('script[src], iframe[src], img[src]'), (element) => ({
    kind: element.localName as 'script' | 'iframe' | 'img',
    url: element.src,
    attributes: Array.from(element.attributes, (attribute) => [attribute.name, attribute.value] as [string, string]),
  }));
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => ({ href: a.href, text: (a.textContent ?? '').trim() }));
  let config: unknown = null;
  try {
    const block = document.getElementById('consent-gate-config');
    config = block ? JSON.parse(block.textContent ?? '') : ((window as unknown as { ConsentGateConfig?: unknown }).ConsentGateConfig ?? null);
  } catch {
    // a broken config block is the page's problem; the draft starts empty
  }
  return { config, elements, links, localStorage: keys(() => localStorage), sessionStorage: keys(() => sessionStorage) };
}

/** Records DevTools' network events with the initiators the page's own session reports. */
async function recordRequests(context: BrowserContext, page: Page): Promise<RequestEvent[]> {
  const events: RequestEvent[] = [];
  const cdp = await context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (event) => {
    const previous = event.redirectResponse ? [...events].reverse().find((candidate) => candidate.requestId === event.requestId) : undefined;
    events.push({ requestId: event.requestId, url: event.request.url, type: event.type ?? 'Other', frameId: event.frameId ?? '', initiator: event.initiator, redirectedFrom: previous?.url });
  });
  await cdp.send('Network.enable');
  // With the debugger on, Chromium keeps async stacks: a pixel that a script creates with
  // `new Image()` is started from a task, and only the async parent names the script.
  await cdp.send('Debugger.enable');
  await cdp.send('Debugger.setSkipAllPauses', { skip: true });
  await cdp.send('Debugger.setAsyncCallStackDepth', { maxDepth: 16 });
  return events;
}

function toCookie(cookie: Awaited<ReturnType<BrowserContext['cookies']>>[number], pageUrl: string, site: SiteRules): SeenCookie {
  return {
    name: cookie.name,
    domain: cookie.domain,
    path: cookie.path,
    expires: cookie.expires,
    httpOnly: cookie.httpOnly,
    secure: cookie.secure,
    sameSite: cookie.sameSite,
    firstParty: site.sameSite(cookie.domain.replace(/^\./, ''), pageUrl),
  };
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** The overall deadline of one page of a scan: load, settle and reading, from Node (a busy page answers nothing). */
export const CAPTURE_DEADLINE_MS = PAGE_TIMEOUT_MS + SETTLE_TIMEOUT_MS + 15_000;

/** Loads `url` in a fresh context of `browser` and reports what it did before any consent. */
export async function capturePage(browser: Browser, url: string, site: SiteRules, deadlineMs = CAPTURE_DEADLINE_MS): Promise<PageCapture> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const empty: PageCapture = { url, finalUrl: url, status: 0, cookies: [], localStorage: [], sessionStorage: [], requests: [], links: [], privacyLinks: [] };
  try {
    return await withDeadline(deadlineMs, () => captureIn(context, url, site, empty), () => context.close());
  } catch (error) {
    return { ...empty, error: error instanceof DeadlineError ? `${error.message} (a busy page?): skipped` : (error as Error).message.split('\n')[0] };
  } finally {
    await Promise.race([context.close().catch(() => undefined), pause(10_000)]);
  }
}

async function captureIn(context: BrowserContext, url: string, site: SiteRules, empty: PageCapture): Promise<PageCapture> {
  const page = await context.newPage();
  const events = await recordRequests(context, page);
  let response;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
  } catch (error) {
    return { ...empty, error: (error as Error).message.split('\n')[0] };
  }
  await page.waitForLoadState('networkidle', { timeout: SETTLE_TIMEOUT_MS }).catch(() => undefined);
  const finalUrl = page.url();
  const source = (await response?.text().catch(() => '')) ?? '';
  const dom = await page.evaluate(readDom);
  const cookies = (await context.cookies()).map((cookie) => toCookie(cookie, finalUrl, site));
  const mainFrameId = events.find((event) => event.type === 'Document' && event.url === url)?.frameId ?? '';
  const resolver = createChainResolver(events, { mainFrameId, documentUrl: finalUrl, source, inlineScripts: inlineScripts(source), elements: dom.elements });
  const requests = events
    .filter((event) => /^https?:/.test(event.url) && !site.sameSite(event.url, finalUrl))
    .map((event) => ({ url: event.url, type: event.type, ...resolver.chainOf(event) }));
  const links = [...new Set(dom.links.map((link) => withoutFragment(link.href)).filter((href) => /^https?:/.test(href)))];
  const privacyLinks = [...new Set(dom.links.filter((link) => PRIVACY.test(link.text) || PRIVACY.test(link.href)).map((link) => withoutFragment(link.href)))];
  return { url, finalUrl, status: response?.status() ?? 0, cookies, localStorage: dom.localStorage, sessionStorage: dom.sessionStorage, requests, links, privacyLinks, ...(dom.config ? { config: dom.config } : {}) };
}

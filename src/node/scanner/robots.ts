/// <reference lib="dom" />
/**
 * robots.txt as RFC 9309 reads it: the group for our user agent (or `*`), `Allow`/`Disallow`
 * rules with `*` and `$`, the longest matching rule winning and `Allow` winning a tie. A file
 * that does not exist (4xx) allows everything; a server error (5xx) or an unreachable server
 * disallows everything (RFC 9309 sections 2.3.1.3 and 2.3.1.4).
 */
import type { Browser } from 'playwright-core';

/** The product token the scanner looks for in robots.txt groups. */
export const ROBOTS_AGENT = 'consent-gate';

interface Rule {
  allow: boolean;
  pattern: string;
  regex: RegExp;
}

/** Decides whether paths may be crawled. */
export interface RobotsRules {
  /** Whether the path (with its query) may be fetched. */
  allowed(pathAndQuery: string): boolean;
}

function compile(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encoding normalised so `/a%7e` and `/a~` compare equal (RFC 9309 section 2.2.2). */
function normalise(path: string): string {
  try {
    return encodeURI(decodeURI(path));
  } catch {
    return path;
  }
}

/** Parses a robots.txt body for `agent` (matched case-insensitively as a product token). */
export function parseRobots(text: string, agent = ROBOTS_AGENT): RobotsRules {
  const groups: Array<{ agents: string[]; rules: Rule[] }> = [];
  let current: { agents: string[]; rules: Rule[] } | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((key === 'allow' || key === 'disallow') && current) {
      lastWasAgent = false;
      // An empty Disallow allows everything: no rule.
      if (value) current.rules.push({ allow: key === 'allow', pattern: value, regex: compile(normalise(value)) });
    } else {
      lastWasAgent = false;
    }
  }
  const token = agent.toLowerCase();
  const own = groups.filter((group) => group.agents.includes(token));
  const chosen = own.length ? own : groups.filter((group) => group.agents.includes('*'));
  const rules = chosen.flatMap((group) => group.rules);
  return {
    allowed(pathAndQuery) {
      const path = normalise(pathAndQuery || '/');
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!rule.regex.test(path)) continue;
        if (!best || rule.pattern.length > best.pattern.length || (rule.pattern.length === best.pattern.length && rule.allow)) best = rule;
      }
      return !best || best.allow;
    },
  };
}

export const ALLOW_ALL: RobotsRules = { allowed: () => true };
const DISALLOW_ALL: RobotsRules = { allowed: () => false };

/** The most of a robots.txt that is read; RFC 9309 section 2.5 lets crawlers stop at 500 KiB. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

/** What fetching robots.txt gave: an HTTP status (0: unreachable) and at most the first 500 KiB. */
export interface RobotsResponse {
  status: number;
  text: string;
}

/**
 * The rules a robots.txt response gives. 2xx: its rules; other 4xx: everything allowed
 * (RFC 9309 section 2.3.1.3); 5xx or unreachable: nothing allowed (sections 2.3.1.3 and 2.3.1.4).
 */
export function robotsFromResponse({ status, text }: RobotsResponse, agent = ROBOTS_AGENT): RobotsRules {
  if (status >= 200 && status < 300) return parseRobots(text, agent);
  if (status >= 400 && status < 500) return ALLOW_ALL;
  return DISALLOW_ALL;
}

/** Runs in the page: fetches robots.txt, reading no more than `max` bytes. Self-contained (serialised). */
async function readRobots(max: number): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch('/robots.txt', { redirect: 'follow', credentials: 'omit', cache: 'no-store' });
    if (!response.body) return { status: response.status, text: '' };
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let read = 0;
    while (read < max) {
      const { done, value } = await reader.read();
      if (done) break;
      const chunk = value.subarray(0, max - read);
      read += chunk.length;
      text += decoder.decode(chunk, { stream: true });
    }
    // The rest is never downloaded: a 22 MB robots.txt costs 500 KiB.
    await reader.cancel().catch(() => undefined);
    return { status: response.status, text };
  } catch {
    return { status: 0, text: '' };
  }
}

/** The robots.txt probe page's path on the scanned origin: answered by the scanner, never sent. */
const PROBE = '/__consent-gate-robots-probe';

/**
 * Fetches `<origin>/robots.txt` through the browser's own networking (so `--browser-arg` proxies
 * and resolver rules apply, as for the pages), in a context of its own, reading at most
 * {@link ROBOTS_MAX_BYTES}, within `timeoutMs`.
 */
export async function fetchRobotsInBrowser(browser: Browser, origin: string, { agent = ROBOTS_AGENT, timeoutMs = 15_000 } = {}): Promise<RobotsRules> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  let timer: NodeJS.Timeout | undefined;
  try {
    await context.route(`${origin}${PROBE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>robots.txt</title>' }));
    const page = await context.newPage();
    const fetched = (async () => {
      await page.goto(`${origin}${PROBE}`, { timeout: timeoutMs });
      return page.evaluate(readRobots, ROBOTS_MAX_BYTES);
    })();
    const timeout = new Promise<RobotsResponse>((resolve) => (timer = setTimeout(() => resolve({ status: 0, text: '' }), timeoutMs)));
    const response = await Promise.race([fetched.catch(() => ({ status: 0, text: '' })), timeout]);
    return robotsFromResponse(response, agent);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => undefined);
  }
}

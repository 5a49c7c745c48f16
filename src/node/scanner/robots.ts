/**
 * robots.txt as RFC 9309 reads it: the group for our user agent (or `*`), `Allow`/`Disallow`
 * rules with `*` and `$`, the longest matching rule winning and `Allow` winning a tie. A file
 * that does not exist (4xx) allows everything; a server error (5xx) or an unreachable server
 * disallows everything (RFC 9309 sections 2.3.1.3 and 2.3.1.4).
 */

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

const ALLOW_ALL: RobotsRules = { allowed: () => true };
const DISALLOW_ALL: RobotsRules = { allowed: () => false };

/**
 * Fetches and parses `<origin>/robots.txt`. 4xx: everything allowed; 5xx or unreachable:
 * nothing allowed.
 */
export async function fetchRobots(origin: string, agent = ROBOTS_AGENT, fetcher: typeof fetch = fetch): Promise<RobotsRules> {
  try {
    const response = await fetcher(new URL('/robots.txt', origin), { redirect: 'follow', signal: AbortSignal.timeout(10_000) });
    if (response.status >= 500) return DISALLOW_ALL;
    if (!response.ok) return ALLOW_ALL;
    return parseRobots(await response.text(), agent);
  } catch {
    return DISALLOW_ALL;
  }
}

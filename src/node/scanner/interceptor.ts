/**
 * What `scan --verify` does to a page's traffic, in the browser's own network stack (DevTools'
 * Fetch domain on the page's session), so that `--browser-arg` proxies and resolver rules apply:
 *
 * - every document the page loads on the scanned host (the page, each redirect hop, script
 *   navigations, same-host frames) is checked against robots.txt; a disallowed one is aborted
 *   and reported. Playwright's own routes do not see redirect hops, DevTools' Fetch domain does;
 * - consent records posted to the site's log endpoint are answered 204 here and counted, never
 *   sent: verifying must not write records into the site's store;
 * - with `--config`, pages without Consent Gate get it injected (see inject.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import type { ConsentGateConfig } from '../../types.js';
import { hasConsentGate, INJECTED_PREFIX, injectConsentGate, packageDist } from './inject.js';
import type { RobotsRules } from './robots.js';
import type { SiteRules } from './site.js';

/** What {@link interceptPage} needs to know. */
export interface InterceptOptions {
  /** The page the run started from: robots rules apply to documents on its host. */
  start: string;
  site: SiteRules;
  /** robots.txt of an origin; undefined when robots.txt is ignored. */
  robots?(origin: string): Promise<RobotsRules>;
  /** Injected into same-site pages that lack Consent Gate. */
  inject?: ConsentGateConfig;
  /** The site's log endpoint when known in advance (the injected config's). */
  logEndpoint?: string;
}

/** What the interceptor saw; read it after the page is done. */
export interface InterceptLog {
  /** Documents robots.txt disallows, aborted before they were requested. */
  disallowed: string[];
  /** Consent records the page posted, answered here and not sent. */
  recordsIntercepted: number;
  /** Sets the log endpoint once the page's own config has been read. */
  setLogEndpoint(endpoint: string | undefined, pageUrl: string): void;
}

interface Paused {
  requestId: string;
  request: { url: string; method: string; postData?: string; headers: Record<string, string> };
  resourceType: string;
  responseStatusCode?: number;
  responseHeaders?: Array<{ name: string; value: string }>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Whether a POST body is a consent record (record.schema.json's identifying fields). */
export function isConsentRecord(body: string | undefined): boolean {
  if (!body || body.length > 65_536) return false;
  try {
    const value = JSON.parse(body) as unknown;
    const records = Array.isArray(value) ? value : [value];
    return records.length > 0 && records.every((record) => typeof record === 'object' && record !== null && 'schemaVersion' in record && 'recordId' in record && 'consentId' in record);
  } catch {
    return false;
  }
}

function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname;
  } catch {
    return url;
  }
}

/** Starts intercepting the page behind `cdp`; resolves once the interception is on. */
export async function interceptPage(cdp: CDPSession, options: InterceptOptions): Promise<InterceptLog> {
  const startHost = new URL(options.start).host;
  let endpoint = options.logEndpoint ? withoutQuery(new URL(options.logEndpoint, options.start).href) : undefined;
  const log: InterceptLog = {
    disallowed: [],
    recordsIntercepted: 0,
    setLogEndpoint(value, pageUrl) {
      if (!value || endpoint) return;
      try {
        endpoint = withoutQuery(new URL(value, pageUrl).href);
      } catch {
        // not a URL: the page's client cannot post to it either
      }
    },
  };
  const dist = options.inject ? packageDist() : '';

  const onRequest = async (event: Paused): Promise<void> => {
    const { url, method, postData } = event.request;
    const parsed = new URL(url);
    if (method === 'POST' && ((endpoint && withoutQuery(url) === endpoint) || isConsentRecord(postData))) {
      log.recordsIntercepted++;
      return void (await cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 204, responseHeaders: [] }));
    }
    if (options.inject && parsed.pathname.startsWith(INJECTED_PREFIX) && options.site.sameSite(url, options.start)) {
      const file = path.resolve(dist, `.${parsed.pathname.slice(INJECTED_PREFIX.length - 1)}`);
      const body = file.startsWith(dist + path.sep) ? await readFile(file).catch(() => null) : null;
      if (!body) return void (await cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 404, responseHeaders: [] }));
      const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
      return void (await cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 200, responseHeaders: [{ name: 'content-type', value: type }], body: body.toString('base64') }));
    }
    if (event.resourceType === 'Document' && options.robots && parsed.host === startHost && /^https?:$/.test(parsed.protocol)) {
      const rules = await options.robots(parsed.origin);
      if (!rules.allowed(parsed.pathname + parsed.search)) {
        log.disallowed.push(url);
        return void (await cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' }));
      }
    }
    await cdp.send('Fetch.continueRequest', { requestId: event.requestId });
  };

  const onResponse = async (event: Paused): Promise<void> => {
    const headers = event.responseHeaders ?? [];
    const type = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? '';
    const status = event.responseStatusCode ?? 0;
    if (!type.includes('html') || status < 200 || status >= 300 || !options.site.sameSite(event.request.url, options.start)) {
      return void (await cdp.send('Fetch.continueResponse', { requestId: event.requestId }));
    }
    const { body, base64Encoded } = await cdp.send('Fetch.getResponseBody', { requestId: event.requestId });
    const text = base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body;
    if (hasConsentGate(text)) return void (await cdp.send('Fetch.continueResponse', { requestId: event.requestId }));
    // The body is sent decoded: drop the headers that described the encoded one.
    const kept = headers.filter((header) => !/^(content-length|content-encoding|transfer-encoding)$/i.test(header.name));
    await cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: status, responseHeaders: kept, body: Buffer.from(injectConsentGate(text, options.inject!)).toString('base64') });
  };

  cdp.on('Fetch.requestPaused', (event) => {
    const paused = event as unknown as Paused;
    const handle = paused.responseStatusCode === undefined && !paused.responseHeaders ? onRequest(paused) : onResponse(paused);
    // A page closed while a request was paused: nothing left to answer.
    handle.catch(() => cdp.send('Fetch.continueRequest', { requestId: paused.requestId }).catch(() => undefined));
  });
  const patterns: Array<{ urlPattern: string; requestStage: 'Request' | 'Response'; resourceType?: 'Document' }> = [{ urlPattern: '*', requestStage: 'Request' }];
  if (options.inject) patterns.push({ urlPattern: '*', resourceType: 'Document', requestStage: 'Response' });
  await cdp.send('Fetch.enable', { patterns });
  return log;
}

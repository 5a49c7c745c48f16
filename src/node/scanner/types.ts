/** What the scanner saw on a page, before any consent. Plain data, JSON-serialisable. */

/** A cookie in the browser's cookie store after the page loaded. */
export interface SeenCookie {
  name: string;
  /** The cookie's domain as the store holds it (`.example.com` for domain cookies). */
  domain: string;
  path: string;
  /** Expiry in seconds since the epoch; -1 for a session cookie. */
  expires: number;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
  /** Whether the cookie's domain is the page's site. */
  firstParty: boolean;
}

/** The tag in the page's own markup that a request chain starts from. */
export interface TagRef {
  /** `script`, `iframe` or `img` with a `src`; `inline-script`; `other` when the chain starts elsewhere. */
  kind: 'script' | 'iframe' | 'img' | 'inline-script' | 'other';
  /** The attributes as written (names lower case, in document order). */
  attributes: Array<[string, string]>;
  /** The resolved URL the tag loads (not for inline scripts). */
  url?: string;
  /** An inline script's text, exactly as in the page's source. */
  text?: string;
  /** 1-based line in the page's source, when known. */
  line?: number;
}

/** A third-party request and what caused it. */
export interface SeenRequest {
  url: string;
  /** Chromium's resource type: Script, Image, Document, Fetch, XHR, Ping, … */
  type: string;
  /** The URLs that led to it, nearest first: the script that made it, the script that loaded that one, … */
  chain: string[];
  /** The tag in the page's markup the chain starts from. */
  root: TagRef;
}

/** Everything captured on one page. */
export interface PageCapture {
  /** The URL asked for. */
  url: string;
  /** Where the browser ended up (after redirects). */
  finalUrl: string;
  /** HTTP status of the document, 0 when it failed to load. */
  status: number;
  /** Why the page could not be scanned, when it could not. */
  error?: string;
  cookies: SeenCookie[];
  localStorage: string[];
  sessionStorage: string[];
  /** Third-party requests only; first-party ones are the site's own business. */
  requests: SeenRequest[];
  /** Absolute http(s) link targets on the page, without fragments. */
  links: string[];
  /** Links that look like the privacy policy (by their text or address). */
  privacyLinks: string[];
  /** The page's own Consent Gate config (JSON block or `window.ConsentGateConfig`), unvalidated. */
  config?: unknown;
}

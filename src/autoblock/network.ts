/**
 * Requests scripts make themselves: `fetch`, `XMLHttpRequest`, `navigator.sendBeacon`,
 * `WebSocket` and `EventSource` towards a denied vendor are refused (pixels are often beacons).
 * Each fails the way that API reports a request that cannot be made, with a message that names
 * the host and category: `fetch` rejects with a `TypeError`, `XMLHttpRequest#send` throws a
 * `NetworkError` `DOMException`, `sendBeacon` returns false, the two constructors throw a
 * `SecurityError` `DOMException`. Refused requests are not replayed later.
 */
import type { Verdict } from './classify';

/**
 * The message of a refused request: `[consent-gate] autoBlock refused <url>: <vendor>
 * (<category>) is not allowed` (`unconfigured` when the site has no category for it).
 */
export function refusal(url: string, { vendor, category }: Verdict): string {
  return `[consent-gate] autoBlock refused ${url}: ${vendor} (${category ?? 'unconfigured'}) is not allowed`;
}

export function refuseRequests(view: Window & typeof globalThis, deniedUrl: (url: string) => Verdict | undefined): void {
  const check = (url: string) => {
    const verdict = deniedUrl(url);
    return verdict && refusal(url, verdict);
  };
  const { fetch } = view;
  const XHR = view.XMLHttpRequest.prototype;
  const { open, send } = XHR;
  const Navigator = view.Navigator.prototype;
  const beacon = Navigator.sendBeacon;
  const urls = new WeakMap<XMLHttpRequest, string>();
  // A Request is known by its brand (the browser's own `url` getter accepts any frame's Request
  // and throws for anything else), not by instanceof, which another frame's Request fails.
  const requestUrl = Object.getOwnPropertyDescriptor(view.Request.prototype, 'url')!.get!;

  view.fetch = function (input, init) {
    let url = input as string;
    if (typeof input !== 'string') {
      try {
        url = requestUrl.call(input);
      } catch {
        // Converted once: what is judged is what the browser gets.
        input = url = String(input);
      }
    }
    const refused = check(url);
    return refused ? Promise.reject(new TypeError(refused)) : fetch.call(view, input, init);
  };
  XHR.open = function (this: XMLHttpRequest, ...args: [string, string | URL]) {
    // Resolved now, as `open` does: a <base> inserted before `send` changes nothing.
    const url = (args[1] = String(args[1]));
    open.apply(this, args as never);
    urls.set(this, new URL(url, view.document.baseURI).href);
  } as typeof open;
  XHR.send = function (body) {
    const refused = check(urls.get(this)!);
    if (refused) throw new DOMException(refused, 'NetworkError');
    return send.call(this, body);
  };
  Navigator.sendBeacon = function (url, data) {
    url = String(url);
    return !check(url) && beacon.call(this, url, data);
  };
  // Sockets and event streams (live chat, session replay) towards a denied vendor are refused
  // the way their constructors refuse a URL they may not open: a SecurityError DOMException.
  for (const name of ['WebSocket', 'EventSource'] as const) {
    if (view[name]) {
      view[name] = new Proxy(view[name], {
        construct(target, args: unknown[], newTarget) {
          if (args.length) {
            const refused = check((args[0] = String(args[0])));
            if (refused) throw new DOMException(refused, 'SecurityError');
          }
          return Reflect.construct(target, args, newTarget) as object;
        },
      }) as never;
    }
  }
}

/**
 * Requests scripts make themselves: `fetch`, `XMLHttpRequest` and `navigator.sendBeacon`
 * towards a denied vendor are refused (pixels are often beacons). Each fails the way that API
 * reports a request that cannot be made, with a message that names the host and category:
 * `fetch` rejects with a `TypeError`, `XMLHttpRequest#send` throws a `NetworkError`
 * `DOMException`, `sendBeacon` returns false. Refused requests are not replayed later.
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
  const check = (url: unknown) => {
    const verdict = deniedUrl(String(url));
    return verdict && refusal(String(url), verdict);
  };
  const { fetch } = view;
  const XHR = view.XMLHttpRequest.prototype;
  const { open, send } = XHR;
  const Navigator = view.Navigator.prototype;
  const beacon = Navigator.sendBeacon;
  const urls = new WeakMap<XMLHttpRequest, unknown>();

  view.fetch = function (input, init) {
    const refused = check(input instanceof view.Request ? input.url : input);
    return refused ? Promise.reject(new TypeError(refused)) : fetch.call(view, input, init);
  };
  XHR.open = function (this: XMLHttpRequest, ...args: [string, string | URL]) {
    urls.set(this, args[1]);
    return open.apply(this, args as never);
  } as typeof open;
  XHR.send = function (body) {
    const refused = check(urls.get(this));
    if (refused) throw new DOMException(refused, 'NetworkError');
    return send.call(this, body);
  };
  Navigator.sendBeacon = function (url, data) {
    return !check(url) && beacon.call(this, url, data);
  };
}

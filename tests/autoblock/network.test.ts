import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/autoblock/classify';
import { refuseRequests, refusal } from '../../src/autoblock/network';

const BASE = 'https://www.example.test/articles/today';

/** A window whose request APIs record what reached them, with automatic blocking installed. */
function protectedView(categories: Record<string, string | null> = { 'tracker.example': 'advertising' }) {
  const reached: string[] = [];
  class XMLHttpRequest {
    open(_method: string, url: string) {
      reached.push(`xhr-open ${url}`);
    }
    send() {
      reached.push('xhr-send');
    }
  }
  class Navigator {
    sendBeacon(url: string) {
      reached.push(`beacon ${url}`);
      return true;
    }
  }
  // A browser's Request: its `url` getter checks the brand (happy-dom's has no such getter).
  class Request {
    readonly #url: string;
    constructor(url: string) {
      this.#url = url;
    }
    get url() {
      return this.#url;
    }
  }
  class WebSocket {
    constructor(public url: string) {
      reached.push(`socket ${url}`);
    }
  }
  const view = {
    fetch: (input: unknown) => (reached.push(`fetch ${typeof input === 'string' ? input : (input as Request).url}`), Promise.resolve('response')),
    XMLHttpRequest,
    Navigator,
    Request,
    WebSocket,
    document: { baseURI: BASE },
  } as unknown as Window & typeof globalThis;
  refuseRequests(view, (url): Verdict | undefined => {
    const host = new URL(url, BASE).hostname;
    return host in categories ? { category: categories[host]!, vendor: 'Tracker', host } : undefined;
  });
  return { view, reached, Request, navigator: new (view.Navigator as unknown as typeof Navigator)() };
}

describe('requests scripts make themselves', () => {
  it('rejects a fetch to a denied vendor with a TypeError that names the URL, vendor and category', async () => {
    const { view, reached, Request } = protectedView();
    await expect(view.fetch('https://tracker.example/collect')).rejects.toThrow(
      new TypeError('[consent-gate] autoBlock refused https://tracker.example/collect: Tracker (advertising) is not allowed'),
    );
    await expect(view.fetch(new Request('https://tracker.example/r') as unknown as string)).rejects.toBeInstanceOf(TypeError);
    expect(reached).toEqual([]);
  });

  it('passes other fetches through, and judges a URL object by the string the browser would get', async () => {
    const { view, reached } = protectedView();
    await expect(view.fetch('/api')).resolves.toBe('response');
    let calls = 0;
    const shifty = { toString: () => (calls++ === 0 ? 'https://cdn.example.org/x' : 'https://tracker.example/x') };
    await view.fetch(shifty as unknown as string);
    expect(reached).toEqual(['fetch /api', 'fetch https://cdn.example.org/x']);
    expect(calls).toBe(1);
  });

  it('lets XMLHttpRequest open, then throws a NetworkError on send, judging the URL as open resolved it', () => {
    const { view, reached } = protectedView({ 'www.example.test': 'functional' });
    const xhr = new view.XMLHttpRequest();
    xhr.open('GET', 'collect');
    expect(() => xhr.send()).toThrow(expect.objectContaining({ name: 'NetworkError', message: expect.stringContaining('https://www.example.test/articles/collect') }));
    expect(reached).toEqual(['xhr-open collect']);
  });

  it('answers false to a beacon towards a denied vendor, and sends the others', () => {
    const { navigator, reached } = protectedView();
    expect(navigator.sendBeacon('https://tracker.example/b')).toBe(false);
    expect(navigator.sendBeacon('https://cdn.example.org/b')).toBe(true);
    expect(reached).toEqual(['beacon https://cdn.example.org/b']);
  });

  it('refuses a socket to a denied vendor with a SecurityError, and opens the others', () => {
    const { view, reached } = protectedView();
    expect(() => new view.WebSocket('wss://tracker.example/s')).toThrow(expect.objectContaining({ name: 'SecurityError' }));
    expect(new view.WebSocket('wss://cdn.example.org/s')).toBeInstanceOf(view.WebSocket);
    expect(reached).toEqual(['socket wss://cdn.example.org/s']);
  });

  it('names an unconfigured category as such in the message', () => {
    expect(refusal('https://x.example/', { category: null, vendor: 'X', host: 'x.example' })).toBe('[consent-gate] autoBlock refused https://x.example/: X (unconfigured) is not allowed');
  });
});

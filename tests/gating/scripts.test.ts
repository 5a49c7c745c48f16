import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildScript, createScriptQueue, runsAsJavaScript, SCRIPT_TIMEOUT_MS } from '../../src/gating/scripts';
import type { ScriptTrust } from '../../src/gating/trusted-types';

/** No Trusted Types policy in these tests: URLs and texts pass as they are. */
const trust: ScriptTrust = { url: (url) => url, text: (text) => text };

function inertScript(attributes: Record<string, string>, text = ''): HTMLScriptElement {
  const script = document.createElement('script');
  script.setAttribute('type', 'text/plain');
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value);
  script.text = text;
  document.body.append(script);
  return script;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('building the running twin of a gated script (CSP Level 3 nonces)', () => {
  it('copies the allow-listed attributes and data-* but not type or event handlers', () => {
    const inert = inertScript({
      src: 'https://ads.example/tag.js',
      'data-consent': 'advertising',
      'data-account': '42',
      async: '',
      integrity: 'sha384-abc',
      crossorigin: 'anonymous',
      referrerpolicy: 'no-referrer',
      id: 'ads',
      class: 'tag',
      onload: 'alert(1)',
      style: 'color:red',
    });
    const script = buildScript(inert, trust);
    expect(script.getAttribute('src')).toBe('https://ads.example/tag.js');
    expect(script.getAttribute('type')).toBeNull();
    expect(script.getAttribute('data-account')).toBe('42');
    expect(script.getAttribute('data-consent')).toBe('advertising');
    expect(script.hasAttribute('async')).toBe(true);
    expect(script.getAttribute('integrity')).toBe('sha384-abc');
    expect(script.getAttribute('crossorigin')).toBe('anonymous');
    expect(script.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(script.id).toBe('ads');
    expect(script.className).toBe('tag');
    expect(script.hasAttribute('onload')).toBe(false);
    expect(script.hasAttribute('style')).toBe(false);
    expect(script.hasAttribute('data-consent-activated')).toBe(true);
  });

  it('takes the type from data-type (module scripts)', () => {
    const script = buildScript(inertScript({ src: '/m.js', 'data-type': 'module' }), trust);
    expect(script.type).toBe('module');
    expect(script.hasAttribute('data-type')).toBe(false);
  });

  it('copies the nonce through the property, which survives nonce hiding', () => {
    const inert = inertScript({ src: '/a.js' });
    inert.nonce = 'n0nce';
    expect(buildScript(inert, trust).nonce).toBe('n0nce');
  });

  it('copies the text of an inline script', () => {
    const script = buildScript(inertScript({}, 'window.x = 1;'), trust);
    expect(script.text).toBe('window.x = 1;');
    expect(script.src).toBe('');
  });
});

describe('the script queue', () => {
  it('replaces each gated script in place, in the order queued', async () => {
    const scripts = [
      inertScript({ src: 'https://ads.example/one.js' }),
      inertScript({}, 'inline()'),
      inertScript({ src: 'https://ads.example/two.js' }),
    ];
    const queue = createScriptQueue(trust, () => undefined);
    queue.add(scripts);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const running = Array.from(document.body.querySelectorAll('script'));
    expect(running.map((s) => s.getAttribute('src') ?? s.text)).toEqual(['https://ads.example/one.js', 'inline()', 'https://ads.example/two.js']);
    expect(running.every((s) => s.type === '' && s.hasAttribute('data-consent-activated'))).toBe(true);
  });

  // Waiting for an external script's load before the next runs needs real network timing:
  // tests/browser covers it with a slow third-party script.

  it('skips scripts removed from the page before their turn', async () => {
    const gone = inertScript({}, 'gone()');
    const kept = inertScript({}, 'kept()');
    gone.remove();
    createScriptQueue(trust, () => undefined).add([gone, kept]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(Array.from(document.body.querySelectorAll('script')).map((s) => s.text)).toEqual(['kept()']);
  });

  /** The page's scripts in order: `src` or text, and whether each is still inert. */
  const pageScripts = () =>
    Array.from(document.body.querySelectorAll('script'), (s) => `${s.getAttribute('type') === 'text/plain' ? 'inert' : 'running'} ${s.getAttribute('src') ?? s.text}`);

  /**
   * Plays the network for external scripts: happy-dom reports a script it does not fetch as
   * loaded at once, so this holds every `load`/`error` of an activated script (stopped while
   * capturing at the document, before the queue's own listeners) until `finishLoading(src)`.
   */
  function holdScriptLoads(): { finishLoading(src: string): void } {
    const released = new WeakSet<EventTarget>();
    const hold = (event: Event) => {
      const target = event.target as Element | null;
      if (target?.localName === 'script' && !released.has(target)) event.stopImmediatePropagation();
    };
    for (const type of ['load', 'error']) document.addEventListener(type, hold, true);
    cleanups.push(() => ['load', 'error'].forEach((type) => document.removeEventListener(type, hold, true)));
    return {
      finishLoading(src) {
        const running = Array.from(document.body.querySelectorAll('script')).find((s) => s.getAttribute('src') === src && s.hasAttribute('data-consent-activated'));
        expect(running, `the queue started ${src}`).toBeDefined();
        released.add(running!);
        running!.dispatchEvent(new Event('load'));
      },
    };
  }

  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('holds the script after an external one until that one has loaded, then runs it', async () => {
    const { finishLoading } = holdScriptLoads();
    const first = inertScript({ src: 'https://ads.example/one.js' });
    const second = inertScript({}, 'next()');
    createScriptQueue(trust, () => undefined).add([first, second]);
    await settle();
    expect(pageScripts()).toEqual(['running https://ads.example/one.js', 'inert next()']);
    finishLoading('https://ads.example/one.js');
    await settle();
    expect(pageScripts()).toEqual(['running https://ads.example/one.js', 'running next()']);
  });

  it('stops running scripts once stopped: the script in flight finishing, or scripts added later, run nothing more', async () => {
    const { finishLoading } = holdScriptLoads();
    const first = inertScript({ src: 'https://ads.example/one.js' });
    const second = inertScript({}, 'never()');
    const queue = createScriptQueue(trust, () => undefined);
    queue.add([first, second]);
    await settle();
    expect(pageScripts()).toEqual(['running https://ads.example/one.js', 'inert never()']);
    queue.stop();
    // Without stop() this load would run never() (the test above).
    finishLoading('https://ads.example/one.js');
    queue.add([inertScript({}, 'later()')]);
    await settle();
    expect(pageScripts()).toEqual(['running https://ads.example/one.js', 'inert never()', 'inert later()']);
  });

  it('does not wait for a nomodule script, which a browser that knows modules never loads', async () => {
    holdScriptLoads();
    const legacy = inertScript({ src: 'https://ads.example/legacy.js', nomodule: '' });
    const next = inertScript({}, 'next()');
    createScriptQueue(trust, () => undefined).add([legacy, next]);
    await settle();
    expect(pageScripts()).toEqual(['running https://ads.example/legacy.js', 'running next()']);
  });

  it('runs the next script after a timeout when an external one never answers (a hung server)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      holdScriptLoads();
      createScriptQueue(trust, () => undefined).add([inertScript({ src: 'https://ads.example/hung.js' }), inertScript({}, 'next()')]);
      await vi.advanceTimersByTimeAsync(SCRIPT_TIMEOUT_MS - 1);
      expect(pageScripts()).toEqual(['running https://ads.example/hung.js', 'inert next()']);
      await vi.advanceTimersByTimeAsync(1);
      expect(pageScripts()).toEqual(['running https://ads.example/hung.js', 'running next()']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('which data-type values run as JavaScript', () => {
  it('accepts none (classic), module and the JavaScript MIME types, and nothing else', () => {
    const typed = (type?: string) => {
      const script = document.createElement('script');
      if (type !== undefined) script.setAttribute('data-type', type);
      return runsAsJavaScript(script);
    };
    for (const type of [undefined, '', 'module', 'text/javascript', 'application/javascript', 'text/ecmascript', 'application/x-javascript', 'TEXT/JavaScript', 'text/javascript1.5']) {
      expect(typed(type), String(type)).toBe(true);
    }
    for (const type of ['text/x-template', 'importmap', 'speculationrules', 'application/json', 'text/babel', 'text/plain']) {
      expect(typed(type), type).toBe(false);
    }
  });
});

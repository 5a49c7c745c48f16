/**
 * The interceptor on happy-dom's window: its prototype patches are installed once for this file
 * (each test file has its own window) and judge URLs on the test host `tracker.example`, which
 * needs `advertising` unless an element's `data-consent` names its own categories. happy-dom
 * loads nothing (vite.config.ts), so these specs check what is held and released; the requests
 * themselves are the browser suite's business (tests/browser/autoblock.test.ts). So is holding
 * an element inside an inserted subtree or fragment: happy-dom's `replaceChild` calls the page's
 * (patched) `removeChild`, which a browser's never does, so the swap for a marker cannot be
 * observed here. Nor are `insertAdjacentHTML` and `new Audio(url)`: happy-dom routes them through
 * `insertAdjacentElement` and the `src` setter, not the paths a browser takes.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/autoblock/classify';
import { intercept, type Interceptor } from '../../src/autoblock/interceptor';

const DENIED = 'https://tracker.example/t.js';
const PIXEL = 'https://tracker.example/p.gif';
const allowed = new Set<string>(['necessary']);
const allows = (categories: string) => categories.split(/\s+/).every((id) => allowed.has(id));

let interceptor: Interceptor;

beforeAll(() => {
  interceptor = intercept(window as unknown as Window & typeof globalThis, (url, categories) => {
    let host: string;
    try {
      host = new URL(url, document.baseURI).hostname;
    } catch {
      return undefined;
    }
    if (host !== 'tracker.example') return undefined;
    const verdict: Verdict = { category: categories?.trim() || 'advertising', vendor: 'Tracker', host };
    return allows(verdict.category!) ? undefined : verdict;
  });
});

afterEach(() => {
  allowed.clear();
  allowed.add('necessary');
  interceptor.held.clear();
  document.body.replaceChildren();
});

function allow(category: string): void {
  allowed.add(category);
  interceptor.release(allows);
}

const script = (src: string) => Object.assign(document.createElement('script'), { src });
const comments = () => [...document.body.childNodes].filter((node) => node.nodeType === 8).map((node) => node.textContent);

describe('elements that load when inserted (scripts, frames, links)', () => {
  it('keeps a script of a denied vendor out of the document, a marker in its place, until its category is allowed', () => {
    document.body.append(document.createElement('header'));
    const tag = script(DENIED);
    document.body.appendChild(tag);
    document.body.append(document.createElement('footer'));
    expect(tag.isConnected).toBe(false);
    expect(comments()).toEqual(['consent-gate: tracker.example']);
    allow('advertising');
    expect([...document.body.children].map((element) => element.localName)).toEqual(['header', 'script', 'footer']);
    expect(comments()).toEqual([]);
  });

  it('lets first-party and unknown hosts through at once', () => {
    const own = script('/app.js');
    const other = script('https://cdn.example.org/lib.js');
    document.body.append(own, other);
    expect(own.isConnected && other.isConnected).toBe(true);
    expect(interceptor.held.size).toBe(0);
  });

  it('releases held elements in the order the page inserted them', () => {
    const first = script(`${DENIED}?1`);
    const frame = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'https://tracker.example/s.css' });
    const second = script(`${DENIED}?2`);
    document.body.appendChild(first);
    document.body.insertBefore(frame, null);
    document.body.prepend(second);
    expect([...interceptor.held.keys()]).toEqual([first, frame, second]);
    allow('advertising');
    expect([...document.body.children]).toEqual([second, first, frame]);
  });

  it('places a held element with insertAdjacentElement without throwing, and returns the element', () => {
    const anchor = document.createElement('p');
    document.body.append(anchor);
    const tag = script(DENIED);
    expect(anchor.insertAdjacentElement('afterend', tag)).toBe(tag);
    expect(anchor.nextSibling?.nodeType).toBe(8);
    allow('advertising');
    expect(anchor.nextSibling).toBe(tag);
  });

  it('holds an inline module script that imports from a denied vendor', () => {
    const tag = document.createElement('script');
    tag.type = 'module';
    tag.textContent = "import { track } from 'https://tracker.example/m.js'; track();";
    document.body.append(tag);
    expect(tag.isConnected).toBe(false);
  });

  it("lets the element's own data-consent name the categories it needs (the site's word wins)", () => {
    const tag = script(DENIED);
    tag.setAttribute('data-consent', 'functional');
    document.body.append(tag);
    allow('advertising');
    expect(tag.isConnected).toBe(false);
    allow('functional');
    expect(tag.isConnected).toBe(true);
  });

  it('leaves inert marked markup to the gate', () => {
    const tag = document.createElement('script');
    tag.type = 'text/plain';
    tag.setAttribute('data-consent', 'advertising');
    tag.setAttribute('src', DENIED);
    document.body.append(tag);
    expect(tag.isConnected).toBe(true);
  });

  it('forgets a held element the page removed: it never comes back', () => {
    const tag = script(DENIED);
    document.body.append(tag);
    tag.remove();
    expect(comments()).toEqual([]);
    allow('advertising');
    expect(tag.isConnected).toBe(false);
    expect(interceptor.held.size).toBe(0);
  });

  it('holds nothing inserted into a detached tree: only a live tree loads', () => {
    const box = document.createElement('div');
    const tag = script(DENIED);
    box.appendChild(tag);
    box.insertAdjacentElement('afterbegin', script(DENIED));
    expect(tag.parentNode).toBe(box);
    expect(box.children).toHaveLength(2);
    expect(interceptor.held.size).toBe(0);
  });
});

describe('elements that load when given a URL (images, media, sources)', () => {
  it('keeps the src of an image of a denied vendor until its category is allowed, set as a property', () => {
    const img = document.createElement('img');
    img.src = PIXEL;
    expect(img.hasAttribute('src')).toBe(false);
    allow('advertising');
    expect(img.getAttribute('src')).toBe(PIXEL);
  });

  it('holds a URL given with setAttribute and with setAttributeNS, and lets other URLs through', () => {
    const img = document.createElement('img');
    img.setAttribute('SRC', PIXEL);
    expect(img.hasAttribute('src')).toBe(false);
    const other = document.createElement('img');
    other.setAttributeNS(null, 'src', 'https://images.example.org/a.png');
    expect(other.getAttribute('src')).toBe('https://images.example.org/a.png');
  });

  it('holds a whole srcset when any of its URLs is denied', () => {
    const img = document.createElement('img');
    img.setAttribute('srcset', `https://images.example.org/a.png 1x, ${PIXEL} 2x`);
    expect(img.hasAttribute('srcset')).toBe(false);
    allow('advertising');
    expect(img.getAttribute('srcset')).toBe(`https://images.example.org/a.png 1x, ${PIXEL} 2x`);
  });

  it('converts a URL object once: what is judged is what the element gets', () => {
    let calls = 0;
    const shifty = { toString: () => (calls++ === 0 ? PIXEL : 'https://images.example.org/ok.png') };
    const img = document.createElement('img');
    img.src = shifty as unknown as string;
    expect(calls).toBe(1);
    expect(img.hasAttribute('src')).toBe(false);
    allow('advertising');
    expect(img.getAttribute('src')).toBe(PIXEL);
  });

  it('gives an allowed URL object to the element as the string that was judged', () => {
    let calls = 0;
    const shifty = { toString: () => (calls++ === 0 ? 'https://images.example.org/ok.png' : PIXEL) };
    const img = document.createElement('img');
    img.src = shifty as unknown as string;
    expect(img.getAttribute('src')).toBe('https://images.example.org/ok.png');
  });

  it('holds the URL of an image parsed from an HTML string, before it is in the document', () => {
    document.body.innerHTML = `<p>text</p><img alt="ad" src="${PIXEL}">`;
    const img = document.body.querySelector('img')!;
    expect(img.hasAttribute('src')).toBe(false);
    expect(document.body.querySelector('p')!.textContent).toBe('text');
    allow('advertising');
    expect(img.getAttribute('src')).toBe(PIXEL);
  });

  it('holds the URL of a copy made with cloneNode, and leaves the inert original alone', () => {
    const template = document.createElement('template');
    template.innerHTML = `<img alt="" src="${PIXEL}">`;
    const original = template.content.firstElementChild!;
    expect(original.getAttribute('src')).toBe(PIXEL);
    const copy = original.cloneNode() as HTMLImageElement;
    expect(copy.hasAttribute('src')).toBe(false);
    allow('advertising');
    expect(copy.getAttribute('src')).toBe(PIXEL);
  });

  it('gives back a newly allowed URL at once when the page sets it again', () => {
    const img = document.createElement('img');
    img.src = PIXEL;
    img.src = 'https://images.example.org/a.png';
    expect(img.getAttribute('src')).toBe('https://images.example.org/a.png');
    allow('advertising');
    expect(img.getAttribute('src')).toBe('https://images.example.org/a.png');
  });
});

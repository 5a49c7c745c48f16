import { afterEach, describe, expect, it } from 'vitest';
import { PENDING_SELECTOR, isInertScript, isLoadableUrl, listedCategories, sourceHost, wantsPlaceholder } from '../../src/gating/markup';

const BASE = 'https://www.example.test/articles/today';

/** The markup's first element, parsed into inert template content (frames there load nothing). */
function element(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild!;
}

afterEach(() => document.body.replaceChildren());

describe('reading gated markup', () => {
  it('lists the categories an element needs, however they are spaced', () => {
    expect(listedCategories(element('<img data-consent="  advertising \n social ">'))).toEqual(['advertising', 'social']);
    expect(listedCategories(element('<img data-consent="">'))).toEqual([]);
    expect(listedCategories(element('<img>'))).toEqual([]);
  });

  it('finds gated elements not yet activated', () => {
    document.body.innerHTML = '<div><img data-consent="a" id="one"><img data-consent="a" data-consent-activated id="two"><img id="three"></div>';
    expect([...document.querySelectorAll(PENDING_SELECTOR)].map((e) => e.id)).toEqual(['one']);
  });

  it('knows a script written inert by its type, in any case and spacing', () => {
    expect(isInertScript(element('<script type=" Text/Plain "></script>'))).toBe(true);
    expect(isInertScript(element('<script type="module"></script>'))).toBe(false);
    expect(isInertScript(element('<script></script>'))).toBe(false);
    expect(isInertScript(element('<div type="text/plain"></div>'))).toBe(false);
  });

  it('gives frames a placeholder unless refused, and other elements only when asked', () => {
    expect(wantsPlaceholder(element('<iframe data-consent="social"></iframe>'))).toBe(true);
    expect(wantsPlaceholder(element('<iframe data-consent="social" data-consent-placeholder="off"></iframe>'))).toBe(false);
    expect(wantsPlaceholder(element('<div data-consent="social"></div>'))).toBe(false);
    expect(wantsPlaceholder(element('<div data-consent="social" data-consent-placeholder></div>'))).toBe(true);
  });

  it("names the host an element would load from: its own URL first, else a wrapper's first link or source", () => {
    expect(sourceHost(element('<iframe data-src="https://video.example/e" src="https://other.example/"></iframe>'), BASE)).toBe('video.example');
    expect(sourceHost(element('<a href="https://share.example/x">share</a>'), BASE)).toBe('share.example');
    expect(sourceHost(element('<div><span></span><a href="https://social.example/p">x</a></div>'), BASE)).toBe('social.example');
    expect(sourceHost(element('<img data-src="/local.png">'), BASE)).toBe('www.example.test');
  });

  it('names no host for an element without a URL or with one that does not parse', () => {
    expect(sourceHost(element('<div>text</div>'), BASE)).toBeUndefined();
    expect(sourceHost(element('<img data-src="https://[bad">'), BASE)).toBeUndefined();
    expect(sourceHost(element('<img data-src="data:image/gif;base64,R0lGOD">'), BASE)).toBeUndefined();
  });

  it('never loads javascript: or vbscript: URLs, however disguised, nor data: in frames (SEC)', () => {
    for (const url of ['javascript:alert(1)', ' JaVa\tScRiPt:alert(1)', '\u0001javascript:x', 'vbscript:x']) expect(isLoadableUrl(url, 'img'), url).toBe(false);
    expect(isLoadableUrl('data:text/html,<script>x</script>', 'iframe')).toBe(false);
    expect(isLoadableUrl('data:image/gif;base64,R0lGOD', 'img')).toBe(true);
    expect(isLoadableUrl('https://video.example/e', 'iframe')).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConsentGateConfig } from '../../src/types';
import { createPlaceholders } from '../../src/ui/placeholders';
import { mount, onReset, page, resetPage, setup } from './support';

afterEach(resetPage);

const SITE: ConsentGateConfig = {
  categories: {
    advertising: {},
    social: { vendors: [{ name: 'YouTube', domains: ['youtube-nocookie.com'] }] },
  },
};

const VIDEO = '<iframe id="video" data-consent="social" data-src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe>';
const MAP = '<iframe id="map" data-consent="social" data-src="https://maps.example.org/embed?q=1"></iframe>';

function placeholderOf(element: Element): HTMLElement | null {
  const before = element.previousElementSibling;
  return before?.getAttribute('data-cg') === 'placeholder' ? (before as HTMLElement) : null;
}

function inPlaceholder(element: Element) {
  const host = placeholderOf(element)!;
  return within(host.shadowRoot! as unknown as HTMLElement);
}

const byId = (id: string) => document.getElementById(id)!;

/**
 * Mounts the interface on the page and waits until the placeholders part has drawn one before
 * each element given by id (the part loads when something blocked wants a placeholder).
 */
async function mountWithPlaceholders(config: ConsentGateConfig, ...ids: string[]) {
  const mounted = mount(config);
  await waitFor(() => {
    for (const id of ids) expect(placeholderOf(byId(id)), `placeholder before #${id}`).not.toBeNull();
  });
  return mounted;
}

describe('placeholders for blocked embeds (CJEU C-40/17 Fashion ID)', () => {
  it('puts a placeholder right before a blocked iframe, in the page, with an open shadow root', async () => {
    page(VIDEO);
    await mountWithPlaceholders(SITE, 'video');
    const host = placeholderOf(byId('video'))!;
    expect(host.closest('#consent-gate')).toBeNull();
    expect(host.shadowRoot!.mode).toBe('open');
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(1);
  });

  it('names the vendor when the host matches a configured vendor domain, and the category', async () => {
    page(VIDEO);
    await mountWithPlaceholders(SITE, 'video');
    expect(placeholderOf(byId('video'))!.shadowRoot!.textContent).toContain('Load content from YouTube?');
  });

  it('names the host when no configured vendor serves it', async () => {
    page(MAP);
    await mountWithPlaceholders(SITE, 'map');
    expect(placeholderOf(byId('map'))!.shadowRoot!.textContent).toContain('Load content from maps.example.org?');
  });

  it('offers "Allow {category}" and "Load once" as buttons', async () => {
    page(VIDEO);
    await mountWithPlaceholders(SITE, 'video');
    const inside = inPlaceholder(byId('video'));
    expect(inside.getByRole('button', { name: 'Allow Social media' }).getAttribute('data-cg')).toBe('placeholder-allow');
    expect(inside.getByRole('button', { name: 'Load once' }).getAttribute('data-cg')).toBe('placeholder-once');
  });

  it('takes the iframe\'s declared size and hides the iframe while it stands in', async () => {
    page(VIDEO);
    await mountWithPlaceholders(SITE, 'video');
    const host = placeholderOf(byId('video'))!;
    expect(host.style.width).toBe('560px');
    expect(host.style.minHeight).toBe('315px');
    expect(byId('video').style.getPropertyValue('display')).toBe('none');
  });

  it('takes the browser\'s default iframe size (300×150) for an iframe without width and height', async () => {
    page(MAP);
    await mountWithPlaceholders(SITE, 'map');
    const host = placeholderOf(byId('map'))!;
    expect(host.style.width).toBe('300px');
    expect(host.style.minHeight).toBe('150px');
  });

  it('takes a declared size on any element, and sets none for an element that declares none', async () => {
    page(
      '<img id="sized" data-consent="advertising" data-consent-placeholder data-src="https://ads.example.net/b.png" width="728" height="90">' +
        '<img id="unsized" data-consent="advertising" data-consent-placeholder data-src="https://ads.example.net/p.gif">',
    );
    await mountWithPlaceholders(SITE, 'sized', 'unsized');
    expect(placeholderOf(byId('sized'))!.style.width).toBe('728px');
    expect(placeholderOf(byId('sized'))!.style.minHeight).toBe('90px');
    // Not an iframe: no browser default to stand in for.
    expect(placeholderOf(byId('unsized'))!.style.width).toBe('');
    expect(placeholderOf(byId('unsized'))!.style.minHeight).toBe('');
  });

  it('gives a small widget (a 150×28 like button) a compact placeholder: its one "Allow" button, the question as its description, in the widget\'s footprint', async () => {
    page('<iframe id="like" data-consent="social" data-src="https://www.youtube-nocookie.com/like" width="150" height="28"></iframe>');
    await mountWithPlaceholders(SITE, 'like');
    const host = placeholderOf(byId('like'))!;
    expect(host.style.width).toBe('150px');
    expect(host.style.minHeight).toBe('28px');
    // Not the card's 16rem floor: only as wide as its button needs.
    expect(host.style.minWidth).toBe('fit-content');
    expect(host.style.display).toBe('inline-flex');
    const inside = inPlaceholder(byId('like'));
    const allow = inside.getByRole('button', { name: 'Allow Social media' });
    expect(inside.getAllByRole('button')).toEqual([allow]);
    expect(host.shadowRoot!.getElementById(allow.getAttribute('aria-describedby')!)!.textContent).toBe('Load content from YouTube?');
    expect(host.shadowRoot!.querySelector('svg')).toBeNull();
  });

  it('keeps the card for an embed of at least 240×120, and a gap after every placeholder so stacked ones stay apart', async () => {
    page(VIDEO + '<iframe id="card" data-consent="social" data-src="https://maps.example.org/x" width="240" height="120"></iframe>');
    await mountWithPlaceholders(SITE, 'video', 'card');
    for (const id of ['video', 'card']) {
      const host = placeholderOf(byId(id))!;
      expect(host.style.display, id).toBe('');
      expect(inPlaceholder(byId(id)).getByRole('button', { name: 'Load once' }), id).toBeTruthy();
      expect(host.style.marginBlockEnd, id).toBe('8px');
    }
  });

  it('ignores a width or height that is not a number of CSS pixels', async () => {
    page('<iframe id="wide" data-consent="social" data-src="https://maps.example.org/embed" width="100%" height="calc(1px)"></iframe>');
    await mountWithPlaceholders(SITE, 'wide');
    expect(placeholderOf(byId('wide'))!.style.width).toBe('');
    expect(placeholderOf(byId('wide'))!.style.minHeight).toBe('');
  });

  it('"Allow {category}" allows that category, records custom, loads the embed and goes away', async () => {
    page(VIDEO);
    const { gate } = await mountWithPlaceholders(SITE, 'video');
    fireEvent.click(inPlaceholder(byId('video')).getByRole('button', { name: 'Allow Social media' }));
    expect(gate.get()).toMatchObject({ decided: true, method: 'custom', categories: { social: true, advertising: false } });
    const video = byId('video');
    expect(video.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(placeholderOf(video)).toBeNull();
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    expect(video.style.getPropertyValue('display')).toBe('');
  });

  it('restores the iframe\'s own inline display when the placeholder goes', async () => {
    page('<iframe id="video" style="display: block" data-consent="social" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>');
    const { gate } = await mountWithPlaceholders(SITE, 'video');
    expect(byId('video').style.getPropertyValue('display')).toBe('none');
    act(() => gate.set({ social: true }));
    expect(placeholderOf(byId('video'))).toBeNull();
    expect(byId('video').style.getPropertyValue('display')).toBe('block');
    expect(byId('video').style.getPropertyPriority('display')).toBe('');
  });

  it('"Load once" loads just that iframe and records nothing', async () => {
    page(VIDEO + MAP);
    const { gate, storage } = await mountWithPlaceholders(SITE, 'video', 'map');
    fireEvent.click(inPlaceholder(byId('video')).getByRole('button', { name: 'Load once' }));
    expect(byId('video').getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(placeholderOf(byId('video'))).toBeNull();
    expect(byId('map').hasAttribute('src')).toBe(false);
    expect(placeholderOf(byId('map'))).not.toBeNull();
    expect(gate.get()).toMatchObject({ decided: false, categories: { social: false } });
    expect(storage.values).toEqual([]);
  });

  it('draws none for an element with data-consent-placeholder="off"', async () => {
    page('<iframe id="quiet" data-consent="social" data-consent-placeholder="off" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>' + MAP);
    // The map's placeholder shows the part has drawn.
    await mountWithPlaceholders(SITE, 'map');
    expect(placeholderOf(byId('quiet'))).toBeNull();
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(1);
    expect(byId('quiet').hasAttribute('src')).toBe(false);
  });

  it('draws one for any gated element marked data-consent-placeholder, not only iframes', async () => {
    page('<img id="pixel" data-consent="advertising" data-consent-placeholder data-src="https://ads.example.net/p.gif"><img id="plain" data-consent="advertising" data-src="https://ads.example.net/q.gif">');
    await mountWithPlaceholders(SITE, 'pixel');
    expect(placeholderOf(byId('pixel'))!.shadowRoot!.textContent).toContain('Load content from ads.example.net?');
    expect(placeholderOf(byId('plain'))).toBeNull();
  });

  it('goes away when the category is allowed from anywhere (the banner, the API)', async () => {
    page(VIDEO + MAP);
    const { screen } = await mountWithPlaceholders(SITE, 'video', 'map');
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Accept all' }));
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(0);
  });

  it('stays while another category the element needs is still denied', async () => {
    page('<iframe id="both" data-consent="advertising social" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>');
    const { gate } = await mountWithPlaceholders(SITE, 'both');
    act(() => gate.set({ social: true }));
    expect(inPlaceholder(byId('both')).getByRole('button', { name: 'Allow Advertising' })).toBeTruthy();
    expect(byId('both').hasAttribute('src')).toBe(false);
  });

  it('names the category still denied once the first one it named is allowed', async () => {
    page('<iframe id="both" data-consent="social advertising" data-src="https://www.youtube-nocookie.com/embed/abc"></iframe>');
    const { gate } = await mountWithPlaceholders(SITE, 'both');
    expect(inPlaceholder(byId('both')).getByRole('button', { name: 'Allow Social media' })).toBeTruthy();
    act(() => gate.set({ social: true }));
    const inside = inPlaceholder(byId('both'));
    expect(inside.queryByRole('button', { name: 'Allow Social media' })).toBeNull();
    expect(inside.getByRole('button', { name: 'Allow Advertising' })).toBeTruthy();
  });

  it('comes back when the category is withdrawn (GDPR Art. 7(3))', async () => {
    page(VIDEO);
    const { gate } = await mountWithPlaceholders(SITE, 'video');
    act(() => gate.acceptAll());
    expect(document.querySelector('[data-cg="placeholder"]')).toBeNull();
    act(() => gate.rejectAll());
    const video = byId('video');
    expect(video.hasAttribute('src')).toBe(false);
    expect(placeholderOf(video)).not.toBeNull();
  });

  it('appears for an embed the page adds later', async () => {
    mount(SITE);
    page(MAP);
    await waitFor(() => expect(placeholderOf(byId('map'))).not.toBeNull());
  });

  it('keeps a shown placeholder as it is when another embed is blocked later: focus stays on its button', async () => {
    page(VIDEO);
    await mountWithPlaceholders(SITE, 'video');
    const allow = inPlaceholder(byId('video')).getByRole('button', { name: 'Allow Social media' });
    allow.focus();
    document.body.insertAdjacentHTML('beforeend', MAP);
    await waitFor(() => expect(placeholderOf(byId('map'))).not.toBeNull());
    expect(allow.isConnected).toBe(true);
    expect(placeholderOf(byId('video'))!.shadowRoot!.activeElement).toBe(allow);
  });

  it('renders its texts in the interface language', async () => {
    page(VIDEO);
    await mountWithPlaceholders(SITE, 'video');
    expect(placeholderOf(byId('video'))!.shadowRoot!.querySelector('.placeholder')!.getAttribute('lang')).toBe('en');
  });
});

describe('which provider a placeholder names (never just a vendor of the same category)', () => {
  /** Two social vendors and an advertising one, each with its own domains. */
  const VENDORS: ConsentGateConfig = {
    categories: {
      advertising: { vendors: [{ name: 'Ad Network', domains: ['maps.example.org'] }] },
      social: {
        vendors: [
          { name: 'YouTube', domains: ['youtube.com', 'youtube-nocookie.com'] },
          { name: 'Twitter', domains: ['twitter.com'] },
          { name: 'Example Social' },
        ],
      },
    },
  };
  const text = (id: string) => placeholderOf(byId(id))!.shadowRoot!.textContent;

  it('names the vendor whose declared domain matches the host, also a subdomain of it (www.youtube-nocookie.com)', async () => {
    page(VIDEO + '<iframe id="tweet-frame" data-consent="social" data-src="https://platform.twitter.com/embed/Tweet.html?id=1"></iframe>');
    await mountWithPlaceholders(VENDORS, 'video', 'tweet-frame');
    expect(text('video')).toContain('Load content from YouTube?');
    expect(text('tweet-frame')).toContain('Load content from Twitter?');
  });

  it('names the host when no vendor of the element\'s categories declares it: not another vendor of the same category, not a vendor of another category, not a vendor without domains', async () => {
    page(MAP + '<iframe id="unknown" data-consent="social" data-src="https://video.example.net/e/1"></iframe>');
    await mountWithPlaceholders(VENDORS, 'map', 'unknown');
    // maps.example.org belongs to the advertising vendor; this embed waits for social.
    expect(text('map')).toContain('Load content from maps.example.org?');
    expect(text('unknown')).toContain('Load content from video.example.net?');
    for (const id of ['map', 'unknown']) {
      for (const vendor of ['YouTube', 'Twitter', 'Example Social', 'Ad Network']) expect(text(id)).not.toContain(vendor);
    }
  });

  it('does not match a host that merely ends with a vendor domain\'s letters (notyoutube.com)', async () => {
    page('<iframe id="lookalike" data-consent="social" data-src="https://notyoutube.com/embed/abc"></iframe>');
    await mountWithPlaceholders(VENDORS, 'lookalike');
    expect(text('lookalike')).toContain('Load content from notyoutube.com?');
  });

  it('names a wrapper with no URL of its own by the first link inside it: the vendor that lists twitter.com', async () => {
    page('<div id="share" data-consent="social" data-consent-placeholder><a class="twitter-share-button" href="https://twitter.com/intent/tweet">Post</a></div>');
    await mountWithPlaceholders(VENDORS, 'share');
    expect(text('share')).toContain('Load content from Twitter?');
  });

  it('names a wrapper by the host of the first link or source inside it when no vendor lists it', async () => {
    page(
      '<div id="share" data-consent="social" data-consent-placeholder><a class="twitter-share-button" href="https://twitter.com/intent/tweet">Post</a></div>' +
        '<div id="player" data-consent="social" data-consent-placeholder><p>Listen</p><audio data-src="https://audio.example.com/a.mp3"></audio><a href="https://other.example/">more</a></div>',
    );
    await mountWithPlaceholders(SITE, 'share', 'player');
    expect(text('share')).toContain('Load content from twitter.com?');
    expect(text('player')).toContain('Load content from audio.example.com?');
  });

  it('follows the README\'s YouTube recipe: its vendor config and embed markup give a placeholder naming YouTube', async () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const recipe = readme.slice(readme.indexOf('A YouTube embed'));
    const json = /```json\n([\s\S]*?)```/.exec(recipe)?.[1];
    const markup = /```html\n([\s\S]*?)```/.exec(recipe)?.[1];
    expect(json, 'the recipe gives the vendor config').toBeDefined();
    expect(markup, 'the recipe gives the embed markup').toContain('youtube-nocookie.com');
    const config = JSON.parse(json!) as ConsentGateConfig;
    page(markup!.replace('<iframe', '<iframe id="recipe"'));
    await mountWithPlaceholders(config, 'recipe');
    expect(text('recipe')).toContain('Load content from YouTube?');
  });
});

describe('createPlaceholders: the placeholders part on its own', () => {
  it('draws a placeholder for each blocked element that wants one, from the blocked list it is given', () => {
    page(VIDEO + '<img id="pixel" data-consent="advertising" data-src="https://ads.example.net/p.gif">');
    const { gate, ui } = setup(SITE);
    const placeholders = createPlaceholders(ui);
    onReset(placeholders.destroy);
    placeholders.update(gate.$blocked.get());
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(1);
    expect(placeholderOf(byId('video'))).not.toBeNull();
    expect(placeholderOf(byId('pixel'))).toBeNull();
  });

  it('destroy() removes every placeholder and gives the embeds their display back', () => {
    page(VIDEO + MAP);
    const { gate, ui } = setup(SITE);
    const placeholders = createPlaceholders(ui);
    placeholders.update(gate.$blocked.get());
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(2);
    placeholders.destroy();
    expect(document.querySelectorAll('[data-cg="placeholder"]')).toHaveLength(0);
    expect(byId('video').style.getPropertyValue('display')).toBe('');
    expect(byId('map').style.getPropertyValue('display')).toBe('');
    expect(byId('video').hasAttribute('src')).toBe(false);
  });
});

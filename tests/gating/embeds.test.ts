import { describe, expect, it } from 'vitest';
import { activateEmbed, deactivateEmbed } from '../../src/gating/embeds';

function element(html: string): Element {
  const template = document.createElement('template');
  template.content.append(document.createRange().createContextualFragment(html));
  const el = template.content.firstElementChild!;
  document.body.append(el);
  return el;
}

describe('activating gated embeds', () => {
  it('sets an iframe src from data-src', () => {
    const frame = element('<iframe data-consent="social" data-src="https://video.example/embed/1"></iframe>');
    activateEmbed(frame);
    expect(frame.getAttribute('src')).toBe('https://video.example/embed/1');
    expect(frame.hasAttribute('data-consent-activated')).toBe(true);
  });

  it('sets an image pixel src and srcset', () => {
    const img = element('<img data-consent="advertising" data-src="https://ads.example/p.gif" data-srcset="https://ads.example/p2.gif 2x">');
    activateEmbed(img);
    expect(img.getAttribute('src')).toBe('https://ads.example/p.gif');
    expect(img.getAttribute('srcset')).toBe('https://ads.example/p2.gif 2x');
  });

  it('sets a stylesheet href from data-href', () => {
    const link = element('<link rel="stylesheet" data-consent="functional" data-href="https://fonts.example/f.css">');
    activateEmbed(link);
    expect(link.getAttribute('href')).toBe('https://fonts.example/f.css');
  });

  it('activates the sources of a video', () => {
    const video = element('<video data-consent="social" data-poster="/p.jpg"><source data-src="https://cdn.example/v.mp4" type="video/mp4"></video>');
    activateEmbed(video);
    expect(video.getAttribute('poster')).toBe('/p.jpg');
    expect(video.querySelector('source')!.getAttribute('src')).toBe('https://cdn.example/v.mp4');
  });

  it('refuses javascript: URLs everywhere and data: URLs in frames', () => {
    const frame = element('<iframe data-consent="social" data-src="javascript:alert(1)"></iframe>');
    activateEmbed(frame);
    expect(frame.hasAttribute('src')).toBe(false);
    const dataFrame = element('<iframe data-consent="social" data-src="data:text/html,<script>alert(1)</script>"></iframe>');
    activateEmbed(dataFrame);
    expect(dataFrame.hasAttribute('src')).toBe(false);
    const img = element('<img data-consent="advertising" data-src=" JAVA\tSCRIPT:alert(1)">');
    activateEmbed(img);
    expect(img.hasAttribute('src')).toBe(false);
  });

  it('returns a withdrawn iframe to its inert form (GDPR Art. 7(3))', () => {
    const frame = element('<iframe data-consent="social" data-src="https://video.example/embed/1"></iframe>');
    activateEmbed(frame);
    const inert = deactivateEmbed(frame)!;
    expect(frame.isConnected).toBe(false);
    expect(inert.isConnected).toBe(true);
    expect(inert.hasAttribute('src')).toBe(false);
    expect(inert.hasAttribute('data-consent-activated')).toBe(false);
    expect(inert.getAttribute('data-src')).toBe('https://video.example/embed/1');
  });

  it('does not try to unload images or scripts', () => {
    const img = element('<img data-consent="advertising" data-src="https://ads.example/p.gif">');
    activateEmbed(img);
    expect(deactivateEmbed(img)).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { createActivator } from '../../src/gating/activation';
import { scriptTrust } from '../../src/gating/trusted-types';
import { recordingLogger } from '../support/logger';

afterEach(() => document.body.replaceChildren());

function page(html: string): Element[] {
  document.body.replaceChildren(document.createRange().createContextualFragment(html));
  return [...document.body.children];
}

const activator = () => createActivator(document, recordingLogger(), scriptTrust(window));

describe('activating allowed elements', () => {
  it('gives an element and its sources their deferred URLs, once, and marks it activated', () => {
    const [img, picture] = page(`
      <img data-consent="advertising" data-src="https://ads.example/p.gif" data-srcset="https://ads.example/p2.gif 2x">
      <picture data-consent="social"><source data-srcset="https://social.example/a.webp"><img alt=""></picture>`);
    const { activate } = activator();
    activate([img!, picture!]);
    expect(img!.getAttribute('src')).toBe('https://ads.example/p.gif');
    expect(img!.getAttribute('srcset')).toBe('https://ads.example/p2.gif 2x');
    expect(img!.hasAttribute('data-consent-activated')).toBe(true);
    expect(picture!.querySelector('source')!.getAttribute('srcset')).toBe('https://social.example/a.webp');
    img!.setAttribute('src', 'changed-by-page');
    activate([img!]);
    expect(img!.getAttribute('src')).toBe('changed-by-page');
  });

  it('leaves an element that left the page alone', () => {
    const [img] = page('<img data-consent="advertising" data-src="https://ads.example/p.gif">');
    img!.remove();
    activator().activate([img!]);
    expect(img!.hasAttribute('src')).toBe(false);
    expect(img!.hasAttribute('data-consent-activated')).toBe(false);
  });

  it('never sets a javascript: URL, however it is written (SEC)', () => {
    const [img] = page('<img data-consent="advertising" data-src=" JavaScript:alert(1)">');
    activator().activate([img!]);
    expect(img!.hasAttribute('src')).toBe(false);
  });

  it('leaves activated elements other than frames as they are on withdrawal: they cannot be unloaded', () => {
    const [img] = page('<img data-consent="advertising" data-src="https://ads.example/p.gif">');
    const { activate, deactivate } = activator();
    activate([img!]);
    deactivate(() => false);
    expect(img!.isConnected).toBe(true);
    expect(img!.getAttribute('src')).toBe('https://ads.example/p.gif');
  });
});

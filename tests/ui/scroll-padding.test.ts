import { afterEach, describe, expect, it } from 'vitest';
import { reserveScrollPadding } from '../../src/ui/scroll-padding';
import { fakeResizeObserver, onReset, resetPage } from './support';

afterEach(resetPage);

const root = () => document.documentElement;

/** A banner element in the page, as the shell places it. */
function banner(): HTMLElement {
  const element = document.createElement('section');
  document.body.append(element);
  return element;
}

describe('scroll padding under the fixed banner (WCAG 2.4.11)', () => {
  it('follows the banner\'s height, as the ResizeObserver reports it, at the bottom', () => {
    const sizes = fakeResizeObserver();
    const element = banner();
    onReset(reserveScrollPadding(element, 'bottom'));
    // Nothing is measured up front: the padding waits for the observer.
    expect(root().style.scrollPaddingBottom).toBe('');
    sizes.resize(element, 120.2);
    expect(root().style.scrollPaddingBottom).toBe('121px');
    sizes.resize(element, 180);
    expect(root().style.scrollPaddingBottom).toBe('180px');
    expect(root().style.scrollPaddingTop).toBe('');
  });

  it('gives the page as much room after its end, so its last links can be scrolled out from under the banner', () => {
    const sizes = fakeResizeObserver();
    const element = banner();
    onReset(reserveScrollPadding(element, 'bottom'));
    sizes.resize(element, 120);
    expect(root().style.paddingBottom).toBe('120px');
    expect(root().style.paddingTop).toBe('');
  });

  it('adds a gap to the height for an element that floats above the viewport\'s edge (the settings button)', () => {
    const sizes = fakeResizeObserver();
    const element = banner();
    onReset(reserveScrollPadding(element, 'bottom', () => 24));
    sizes.resize(element, 48);
    expect(root().style.paddingBottom).toBe('72px');
    expect(root().style.scrollPaddingBottom).toBe('72px');
  });

  it('gives a banner at the top scroll padding only: room before the page would shift it (CLS)', () => {
    const sizes = fakeResizeObserver();
    const element = banner();
    onReset(reserveScrollPadding(element, 'top'));
    sizes.resize(element, 90);
    expect(root().style.scrollPaddingTop).toBe('90px');
    expect(root().style.paddingTop).toBe('');
    expect(root().style.scrollPaddingBottom).toBe('');
    expect(root().style.paddingBottom).toBe('');
  });

  it('gives the page its own scroll padding and padding back and stops observing when released', () => {
    const sizes = fakeResizeObserver();
    root().style.scrollPaddingBottom = '2rem';
    root().style.paddingBottom = '8px';
    onReset(() => root().removeAttribute('style'));
    const element = banner();
    const release = reserveScrollPadding(element, 'bottom');
    sizes.resize(element, 120);
    expect(root().style.scrollPaddingBottom).toBe('120px');
    expect(root().style.paddingBottom).toBe('120px');
    release();
    expect(root().style.scrollPaddingBottom).toBe('2rem');
    expect(root().style.paddingBottom).toBe('8px');
    expect(sizes.watched()).toEqual([]);
  });
});

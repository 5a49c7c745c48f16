import { describe, expect, it } from 'vitest';
import { builder, element } from '../../src/ui/dom';

describe('building the first view as plain DOM', () => {
  it('sets string attributes, bare attributes for true, and leaves out false and undefined', () => {
    const button = element(document, 'button', { type: 'button', hidden: true, disabled: false, title: undefined, 'aria-label': 'Cookie settings' });
    expect(button.outerHTML).toBe('<button type="button" hidden="" aria-label="Cookie settings"></button>');
  });

  it('turns on<event> props into listeners, never into attributes', () => {
    let clicks = 0;
    const button = element(document, 'button', { onclick: () => clicks++ });
    button.click();
    expect(clicks).toBe(1);
    expect(button.hasAttribute('onclick')).toBe(false);
  });

  it('writes strings as text, never as HTML', () => {
    const paragraph = element(document, 'p', { title: '"><img src=x onerror=alert(1)>' }, '<img src=x onerror=alert(1)>');
    expect(paragraph.querySelector('img')).toBeNull();
    expect(paragraph.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(paragraph.getAttribute('title')).toBe('"><img src=x onerror=alert(1)>');
  });

  it('appends children in order, skipping false, null and undefined but keeping an empty string', () => {
    const list = element(document, 'ul', {}, element(document, 'li', {}, 'a'), false, null, undefined, '', 'tail');
    expect(list.childNodes).toHaveLength(3);
    expect(list.textContent).toBe('atail');
  });

  it('builds in the document it is bound to', () => {
    const other = document.implementation.createHTMLDocument('');
    const h = builder(other);
    expect(h('div', {}, h('span')).ownerDocument).toBe(other);
  });
});

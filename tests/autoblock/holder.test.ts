import { afterEach, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/autoblock/classify';
import { createHolder } from '../../src/autoblock/holder';

const verdict = (category: string | null): Verdict => ({ category, vendor: 'Tracker', host: 'tracker.example' });
const holder = () => createHolder(document, Node.prototype.replaceChild, Element.prototype.setAttribute);

afterEach(() => document.body.replaceChildren());

describe('held elements', () => {
  it('takes an element that loads on insertion out of the document, a marker naming the host in its place', () => {
    const { hold, stand, held } = holder();
    const script = document.createElement('script');
    document.body.append(document.createElement('p'), script);
    const marker = hold(script, verdict('advertising'))!;
    expect(script.isConnected).toBe(false);
    expect(document.body.lastChild).toBe(marker);
    expect(marker.textContent).toBe('consent-gate: tracker.example');
    expect(stand(script)).toBe(marker);
    expect(held.get(script)).toMatchObject({ category: 'advertising', marker });
  });

  it('keeps one marker per element, however often it is held', () => {
    const { hold } = holder();
    const script = document.createElement('script');
    expect(hold(script, verdict('advertising'))).toBe(hold(script, verdict('advertising')));
  });

  it('keeps a URL back from an element that loads when given one, leaving the element in place', () => {
    const { hold, held, stand } = holder();
    const img = document.createElement('img');
    document.body.append(img);
    expect(hold(img, verdict('advertising'), 'src', 'https://tracker.example/p.gif')).toBeUndefined();
    expect(img.isConnected).toBe(true);
    expect(stand(img)).toBe(img);
    expect(held.get(img)!.urls).toEqual({ src: 'https://tracker.example/p.gif' });
  });

  it('releases, in the order held, only what the allowed categories cover, and gives back held URLs', () => {
    const inserted: string[] = [];
    const { hold, release, held } = createHolder(
      document,
      function (this: Node, node, child) {
        if (node.nodeType === 1) inserted.push((node as Element).id);
        return Node.prototype.replaceChild.call(this, node, child);
      } as Node['replaceChild'],
      Element.prototype.setAttribute,
    );
    const [first, second, other] = ['a', 'b', 'c'].map((id) => Object.assign(document.createElement('script'), { id }));
    const img = document.createElement('img');
    document.body.append(first!, img, second!, other!);
    hold(second!, verdict('advertising'));
    hold(first!, verdict('advertising'));
    hold(other!, verdict('social'));
    hold(img, verdict('advertising social'), 'srcset', 'https://tracker.example/p.gif 2x');
    release((category) => category === 'advertising');
    expect(inserted).toEqual(['b', 'a']);
    expect([...document.body.children].map((element) => element.id || element.localName)).toEqual(['a', 'img', 'b']);
    expect(img.hasAttribute('srcset')).toBe(false);
    expect([...held.keys()]).toEqual([other, img]);
    release(() => true);
    expect(img.getAttribute('srcset')).toBe('https://tracker.example/p.gif 2x');
    expect(other!.isConnected).toBe(true);
  });

  it('never releases what no configured category covers (fail closed)', () => {
    const { hold, release, held } = holder();
    const script = document.createElement('script');
    document.body.append(script);
    hold(script, verdict(null));
    release(() => true);
    expect(script.isConnected).toBe(false);
    expect(held.size).toBe(1);
  });

  it('forgets an element the page removed, and its marker', () => {
    const { hold, drop, release } = holder();
    const script = document.createElement('script');
    document.body.append(script);
    hold(script, verdict('advertising'));
    expect(drop(script)).toBe(true);
    expect(document.body.childNodes).toHaveLength(0);
    release(() => true);
    expect(script.isConnected).toBe(false);
    expect(drop(document.createElement('p'))).toBe(false);
  });
});

/**
 * The interceptor: patches the DOM at the prototype level so that an element pointing at a
 * denied vendor never makes its request (contract section 9). It screens every way a script
 * can put an element into the document (`appendChild`, `insertBefore`, `replaceChild`,
 * `append`, `prepend`, `before`, `after`, `replaceWith`, `insertAdjacentElement`, fragments and
 * subtrees included) and every way it can give one a URL (the `src`, `srcset`, `href` and
 * `poster` properties, `setAttribute`, `setAttributeNS`). Elements from any document method
 * (`createElement`, `createElementNS`, `new Image()`) share these prototypes.
 */
import type { Verdict } from './classify';
import { createHolder, type Holder } from './holder';

/** Elements that fetch when inserted (or given a URL while inserted), with their URL attributes. */
const ON_INSERT: Record<string, string[]> = { script: ['src', 'href'], iframe: ['src'], link: ['href'] };
/** Elements that fetch as soon as they get a URL, inserted or not. */
const ON_URL: Record<string, string[]> = { img: ['src', 'srcset'], source: ['src', 'srcset'], video: ['src', 'poster'], audio: ['src'] };
/** Every element kind that loads something, and its URL attributes. */
export const LOADING = { ...ON_INSERT, ...ON_URL };

export interface Interceptor extends Holder {
  /** The verdict on an element's URL attribute if it must not load now. */
  denied(element: Element, name: string, value: unknown): Verdict | undefined;
}

type Method = (this: Node, ...args: never[]) => unknown;

/** `deniedUrl(url)`: the verdict on a URL the visitor has not allowed, undefined when it may load. */
export function intercept(view: Window & typeof globalThis, deniedUrl: (url: string) => Verdict | undefined, nonce?: string): Interceptor {
  const { Node, Element } = view;
  const holder = createHolder(view.document, Node.prototype.replaceChild, Element.prototype.setAttribute, nonce);
  const { stand, hold } = holder;

  function denied(element: Element, name: string, value: unknown): Verdict | undefined {
    if (element.hasAttribute('data-consent')) return undefined; // marked markup is the gate's business
    const text = String(value);
    // One URL, judged whole: the URL parser drops tabs and newlines anywhere in it ("ht\ttp://…").
    if (name !== 'srcset') return deniedUrl(text.trim());
    // A srcset lists candidates ("a.jpg 2x, b.jpg 3x"), each a URL and its descriptor.
    for (const candidate of text.split(',')) {
      const verdict = deniedUrl(candidate.trim().split(/\s/)[0]!);
      if (verdict) return verdict;
    }
    return undefined;
  }

  /** What to insert instead of `node`: a held element's marker, or the node with what it must not load held. */
  function screen(node: unknown): unknown {
    if (!(node instanceof Element || node instanceof view.DocumentFragment)) return node;
    const element = node as Element;
    for (const name of ON_INSERT[element.localName] ?? []) {
      const value = element.getAttribute(name);
      const verdict = value && denied(element, name, value);
      if (verdict) return hold(element, verdict);
    }
    if (element.firstElementChild) element.querySelectorAll(Object.keys(ON_INSERT).join()).forEach(screen);
    return stand(node);
  }

  /** Whether a URL may be given to the element now (false: it is held instead). */
  function guard(element: Element, name: string, value: unknown): boolean {
    const kind = element.localName;
    if (!LOADING[kind]?.includes(name)) return true;
    const verdict = denied(element, name, value);
    if (!verdict) delete holder.held.get(element)?.urls[name];
    else if (element.isConnected || ON_URL[kind]) hold(element, verdict, ON_URL[kind] && name, String(value));
    return !verdict || !ON_URL[kind];
  }

  function patch(target: object, name: string, make: (original: Method) => Method): void {
    const owner = target as Record<string, Method>;
    if (owner[name]) owner[name] = make(owner[name]);
  }

  // Written out one by one: these run on every insertion in the page, so no argument arrays.
  const screenIn = (parent: Node, node: unknown) => (parent.isConnected ? screen(node) : node) as never;
  patch(Node.prototype, 'appendChild', (o) => function (node) {
    o.call(this, screenIn(this, node));
    return node;
  });
  patch(Node.prototype, 'insertBefore', (o) => function (node, child: Node | null) {
    o.call(this, screenIn(this, node), (child && stand(child)) as never);
    return node;
  });
  patch(Node.prototype, 'replaceChild', (o) => function (node, child: Node) {
    o.call(this, screenIn(this, node), stand(child) as never);
    return child;
  });
  patch(Element.prototype, 'insertAdjacentElement', (o) => function (where, element) {
    return o.call(this, where, screenIn(this, element)) && element;
  });
  patch(Node.prototype, 'removeChild', (o) => function (child) {
    return holder.drop(child) ? child : o.call(this, child);
  });
  patch(Element.prototype, 'remove', (o) => function () {
    if (!holder.drop(this)) o.call(this);
  });
  for (const type of [Element, view.CharacterData, view.Document, view.DocumentType]) {
    for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith']) {
      patch(type.prototype, name, (o) => function (...nodes) {
        const self = stand(this);
        return o.apply(self, (self.isConnected ? nodes.map(screen) : nodes) as never);
      });
    }
  }
  patch(Element.prototype, 'setAttribute', (o) => function (this: Element, name: string, value: string) {
    if (guard(this, String(name).toLowerCase(), value)) o.call(this, name as never, value as never);
  } as unknown as Method);
  patch(Element.prototype, 'setAttributeNS', (o) => function (this: Element, ns: string | null, name: string, value: string) {
    if (guard(this, String(name).replace(/.*:/, '').toLowerCase(), value)) o.call(this, ns as never, name as never, value as never);
  } as unknown as Method);
  // Each URL property's setter, patched where the browser defines it (the `src` of <video> and
  // <audio> is HTMLMediaElement's, so it is patched once).
  const setters = new WeakSet<object>();
  for (const [kind, names] of Object.entries(LOADING)) {
    for (const name of names) {
      let owner: object | null = Object.getPrototypeOf(view.document.createElement(kind));
      while (owner && !Object.prototype.hasOwnProperty.call(owner, name)) owner = Object.getPrototypeOf(owner);
      const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
      const set = descriptor?.set;
      if (!set || setters.has(set)) continue;
      const guarded = function (this: Element, value: unknown) {
        if (guard(this, name, value)) set.call(this, value);
      };
      setters.add(guarded);
      Object.defineProperty(owner, name, { ...descriptor, set: guarded });
    }
  }
  return { ...holder, denied };
}

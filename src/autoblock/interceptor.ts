/**
 * The interceptor: patches the DOM at the prototype level so that an element pointing at a denied
 * vendor never makes its request. It screens every way a script can put an element into a live tree
 * (the document, or a shadow root even while its host is detached): `appendChild`, `insertBefore`,
 * `replaceChild`, `append`, `prepend`, `replaceChildren`, `moveBefore`, `before`, `after`,
 * `replaceWith`, `insertAdjacentElement`, fragments and subtrees included; every way it can give
 * one a URL (the URL properties, `setAttribute`, `setAttributeNS`, an SVG `href.baseVal`, `new
 * Audio(url)`); and the elements that HTML strings (`innerHTML`, `outerHTML`, `insertAdjacentHTML`,
 * `setHTMLUnsafe`, `createContextualFragment`) and copies (`cloneNode`, `importNode`, `adoptNode`)
 * make. Elements from any document method share these prototypes; elements of other documents are
 * judged when they are inserted here.
 */
import { isInertScript } from '../gating/markup';
import type { Verdict } from './classify';
import { createHolder, type Holder } from './holder';

/** Elements that fetch when inserted (or given a URL while inserted), with their URL attributes. */
const ON_INSERT: Record<string, string[]> = { script: ['src', 'href', 'xlink:href'], iframe: ['src'], link: ['href', 'imagesrcset'] };
/** Elements that fetch (or ping) as soon as they get a URL, inserted or not; `image` is SVG's. */
const ON_URL: Record<string, string[]> = {
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  a: ['ping'],
  area: ['ping'],
};
/** Every element kind that loads something, and its URL attributes. */
export const LOADING = { ...ON_INSERT, ...ON_URL };
const SELECTOR = Object.keys(LOADING).join();
/**
 * Module specifiers in an inline script's text: `import … from '…'`, `export … from '…'`,
 * `import '…'` and `import('…')` with a literal. The module loader fetches them, and no DOM API
 * sees that request, so an inline script that imports from a denied vendor is held whole.
 */
const IMPORTS = /\b(?:import|from)\s*\(?\s*(['"`])(.+?)\1/g;

export interface Interceptor extends Holder {
  /** The verdict on an element's URL attribute (a string) if it must not load now. */
  denied(element: Element, name: string, text: string): Verdict | undefined;
}

type Method = (this: Node, ...args: never[]) => unknown;

/**
 * `deniedUrl(url, categories)`: the verdict on a URL the visitor has not allowed, undefined when
 * it may load; `categories`, the element's own `data-consent`, replaces the catalogue's category.
 */
export function intercept(view: Window & typeof globalThis, deniedUrl: (url: string, categories?: string | null) => Verdict | undefined): Interceptor {
  const { Node, Element, document } = view;
  const { replaceChild } = Node.prototype;
  const holder = createHolder(document, replaceChild, Element.prototype.setAttribute);
  const { stand, hold } = holder;
  // A Trusted Types script URL is passed on as it is (the page's policy vouched for it); its
  // `toString` is read from the prototype the browser made, which throws for anything else.
  const trustedUrl = (view as { TrustedScriptURL?: { prototype: object } }).TrustedScriptURL?.prototype.toString;

  function denied(element: Element, name: string, text: string): Verdict | undefined {
    const categories = element.getAttribute('data-consent');
    // Inert marked markup is the gate's business; a marked element that would load now is
    // judged here, by the categories its markup lists (the site's word wins over the catalogue).
    if (categories !== null && isInertScript(element)) return undefined;
    // A srcset or ping lists URLs: each is judged (a descriptor such as "2x" is a harmless relative URL).
    for (const url of /srcset|ping/.test(name) ? text.split(/[\s,]+/) : [text]) {
      const verdict = deniedUrl(url, categories);
      if (verdict) return verdict;
    }
    return undefined;
  }

  /** A tree whose elements load: the document, or a shadow root (even one whose host is detached). */
  const live = (node: Node) => {
    const root = node.getRootNode();
    return root === document || !!(root as ShadowRoot).host;
  };

  /**
   * Holds what an element must not load: a URL it has kept back, or the element itself (its
   * marker returned). A copy or a parsed element (`made`) is not being inserted: only its URLs
   * are held, since an element that loads on insertion is judged when it is inserted.
   */
  function judge(element: Element, made?: boolean): Node {
    const kind = element.localName;
    if (made && !ON_URL[kind]) return element;
    let verdict: Verdict | undefined;
    for (const name of LOADING[kind] ?? []) {
      const value = element.getAttribute(name);
      if (value && (verdict = denied(element, name, value))) {
        if (!ON_URL[kind]) return hold(element, verdict)!;
        // Given back later as `href`: an `xlink:href` without its namespace would mean nothing.
        hold(element, verdict, name.replace('xlink:', ''), value);
        element.removeAttribute(name);
      }
    }
    if (kind === 'script' && !element.hasAttribute('src')) {
      for (const [, , url] of (element.textContent ?? '').matchAll(IMPORTS)) if ((verdict = denied(element, 'src', url!))) return hold(element, verdict)!;
    }
    return stand(element);
  }

  /** What to insert instead of `node`: a held element's marker, or the node with what it must not load held. */
  function screen(node: unknown, made?: boolean): unknown {
    // By node type, not instanceof: nodes of another frame's document are screened too.
    const type = (node as Node | null)?.nodeType;
    if (type === 1 || type === 11) {
      if ((node as Element).firstElementChild) (node as Element).querySelectorAll(SELECTOR).forEach((element) => judge(element, made));
      if (type === 1) return judge(node as Element, made);
    }
    return node;
  }

  /** Gives `value` to an element as its `name` through `give`, unless it must wait (then it is held). */
  function guard(element: Element, name: string, value: unknown, give: (value: unknown) => unknown): void {
    const kind = element.localName;
    if (!LOADING[kind]?.includes(name)) return void give(value);
    // Converted once: what is judged is what the browser gets.
    let text = value as string;
    // A string as it is (a thrown brand check per URL would cost the page more than the rest).
    if (typeof value !== 'string') {
      try {
        text = trustedUrl!.call(value as never);
        // Only a script's URL is a Trusted Types sink; anywhere else the browser would read the
        // object's own (replaceable) toString.
        if (kind !== 'script') value = text;
      } catch {
        value = text = String(value);
      }
    }
    const verdict = denied(element, name, text);
    if (!verdict) delete holder.held.get(element)?.urls[name];
    else if (ON_URL[kind] || live(element)) hold(element, verdict, ON_URL[kind] && name, text);
    if (!verdict || !ON_URL[kind]) give(value);
  }

  function patch(target: object, name: string, make: (original: Method) => Method): void {
    const owner = target as Record<string, Method>;
    if (owner[name]) owner[name] = make(owner[name]);
  }
  /** Wraps the getter or setter of a property where the browser defines it. */
  function wrap(owner: object | undefined, name: string, key: 'get' | 'set', make: (original: Method) => Method): void {
    const descriptor = owner && Object.getOwnPropertyDescriptor(owner, name);
    if (descriptor?.[key]) Object.defineProperty(owner, name, { ...descriptor, [key]: make(descriptor[key] as Method) });
  }

  // Written out one by one: these run on every insertion in the page, so no argument arrays.
  const screenIn = (parent: Node, node: unknown) => (live(parent) ? screen(node) : node) as never;
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
  // It takes only elements: a held one's marker goes where a stand-in element was put.
  const { insertAdjacentElement } = Element.prototype;
  const at = (element: Element, where: string, node: Node) => {
    const spot = insertAdjacentElement.call(element, where as never, document.createElement('i'));
    if (spot) replaceChild.call(spot.parentNode, node, spot);
    return spot;
  };
  patch(Element.prototype, 'insertAdjacentElement', (o) => function (where, element) {
    const node = screenIn(this, element) as Node;
    return node === element ? o.call(this, where, node as never) : at(this as Element, where, node) && element;
  });
  patch(Node.prototype, 'removeChild', (o) => function (child) {
    return holder.drop(child) ? child : o.call(this, child);
  });
  patch(Element.prototype, 'remove', (o) => function () {
    if (!holder.drop(this)) o.call(this);
  });
  // ParentNode methods act on `this`; ChildNode ones (the last three) on a held element's marker.
  ['append', 'prepend', 'replaceChildren', 'moveBefore', 'before', 'after', 'replaceWith'].forEach((name, index) => {
    for (const type of [Element, view.CharacterData, view.Document, view.DocumentType, view.DocumentFragment]) {
      patch(type.prototype, name, (o) => function (...nodes) {
        const self = index > 3 ? stand(this) : this;
        return o.apply(self, (live(self) ? nodes.map((node) => screen(node)) : nodes) as never);
      });
    }
  });
  // Copies and contextual fragments make elements without these methods; an image's request
  // starts in a microtask (HTML "update the image data"), so holding its URL right after stops it.
  const screenMade = (o: Method) => function (this: Node, ...args: never[]) {
    const made = o.apply(this, args);
    screen(made, true);
    return made;
  };
  patch(Node.prototype, 'cloneNode', screenMade);
  patch(view.Document.prototype, 'importNode', screenMade);
  patch(view.Document.prototype, 'adoptNode', screenMade);
  patch(view.Range.prototype, 'createContextualFragment', screenMade);
  // An HTML string is parsed in a twin of its context, its URLs held there, then its nodes are
  // inserted through the screened methods. The twin belongs to a document without a browsing
  // context, where nothing loads: in the page's own document, a frame written straight into the
  // page starts loading during the insertion (Chromium), and an SVG image parsed into a
  // detached element could start its fetch before its URL was held (Firefox, now and then).
  let inert: Document | undefined;
  const parsed = (context: Node | null, write: (box: Element) => unknown) => {
    const { localName, namespaceURI } = context as Element;
    inert ||= document.implementation.createHTMLDocument('');
    const box = context?.nodeType === 1 && !localName.includes('-') ? inert.createElementNS(namespaceURI, localName) : inert.createElement('div');
    write(box);
    screen(box, true);
    return [...box.childNodes];
  };
  const writeIn = (sink?: Method) => () => function (this: Element, html: never) {
    // A template's content is inert: nothing in it loads.
    if (this.localName === 'template') return sink!.call(this, html);
    this.replaceChildren(...parsed(this, (box) => sink!.call(box, html)));
  } as Method;
  const innerHTML = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set as Method;
  for (const owner of [Element.prototype, view.ShadowRoot.prototype]) {
    wrap(owner, 'innerHTML', 'set', writeIn(innerHTML));
    patch(owner, 'setHTMLUnsafe', writeIn(Element.prototype.setHTMLUnsafe as Method | undefined));
  }
  let adjacentSink: Method;
  function adjacent(this: Element, where: string, html: never): void {
    const fragment = document.createDocumentFragment();
    fragment.append(...parsed(/^(beforeb|aftere)/i.test(where) ? this.parentNode : this, (box) => adjacentSink.call(box, 'afterbegin' as never, html)));
    at(this, where, screenIn(this, fragment));
  }
  patch(Element.prototype, 'insertAdjacentHTML', (o) => ((adjacentSink = o), adjacent as unknown as Method));
  wrap(Element.prototype, 'outerHTML', 'set', () => function (this: Element, html: never) {
    if (this.parentNode) {
      adjacent.call(this, 'afterend', html);
      this.remove();
    }
  } as Method);
  patch(Element.prototype, 'setAttribute', (o) => function (this: Element, name: string, value: string) {
    guard(this, String(name).toLowerCase(), value, (given) => o.call(this, name as never, given as never));
  } as unknown as Method);
  patch(Element.prototype, 'setAttributeNS', (o) => function (this: Element, ns: string | null, name: string, value: string) {
    guard(this, String(name).replace(/.*:/, '').toLowerCase(), value, (given) => o.call(this, ns as never, name as never, given as never));
  } as unknown as Method);
  // Each URL property's setter, patched where the browser defines it (the `src` of <video> and
  // <audio> is HTMLMediaElement's, so it is patched once). `imagesrcset` is `imageSrcset`.
  const setters = new WeakSet<object>();
  for (const [kind, names] of Object.entries(LOADING)) {
    for (const name of names) {
      const property = name.replace('es', 'eS');
      let owner: object | null = Object.getPrototypeOf(document.createElement(kind));
      while (owner && !Object.prototype.hasOwnProperty.call(owner, property)) owner = Object.getPrototypeOf(owner);
      wrap(owner ?? undefined, property, 'set', (set) => {
        if (setters.has(set)) return set;
        const guarded = function (this: Element, value: unknown) {
          guard(this, name, value, (given) => set.call(this, given as never));
        } as unknown as Method;
        setters.add(guarded);
        return guarded;
      });
    }
  }
  // SVG's `href` is an SVGAnimatedString whose `baseVal` sets the attribute: remember whose it is.
  const owners = new WeakMap<object, Element>();
  for (const type of [view.SVGImageElement, view.SVGScriptElement]) {
    wrap(type?.prototype, 'href', 'get', (get) => function (this: Node) {
      const value = get.call(this) as object;
      owners.set(value, this as Element);
      return value;
    });
  }
  wrap(view.SVGAnimatedString?.prototype, 'baseVal', 'set', (set) => function (this: Node, value: never) {
    const element = owners.get(this);
    if (element) guard(element, 'href', value, (given) => set.call(this, given as never));
    else set.call(this, value);
  });
  // `new Audio(url)` sets its `src` inside the browser: it is given through the guarded setter.
  if (view.Audio) {
    view.Audio = new Proxy(view.Audio, {
      construct(target, args: unknown[], newTarget) {
        const audio = Reflect.construct(target, [], newTarget) as HTMLAudioElement;
        if (args[0] !== undefined) audio.setAttribute('src', args[0] as string);
        return audio;
      },
    });
  }
  return { ...holder, denied };
}

/**
 * Builds the first view's elements (banner, settings button, notices, placeholders, cookie
 * tables) as plain DOM: no framework on the critical path. Strings always become text nodes and
 * attribute values, never HTML, so no config or translation string can inject markup.
 */

/** A child: an element, a text, or nothing (`false`, `null`, `undefined` are skipped). */
export type Child = Node | string | false | null | undefined;

/** Attributes as strings (`true` for a bare attribute, `false`/`undefined` to leave it out), and `on<event>` listeners. */
export type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

/** Creates an element in the given document, with attributes, listeners and children. */
export function element<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, '');
    else if (typeof value === 'string') node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child || child === '') node.append(child);
  }
  return node;
}

/** Creates an element in a document the builder is bound to. */
export type Builder = <K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props, ...children: Child[]) => HTMLElementTagNameMap[K];

/** A builder bound to one document: `h('button', { type: 'button' }, 'Save')`. */
export function builder(document: Document): Builder {
  return (tag, props, ...children) => element(document, tag, props, ...children);
}

/**
 * Placeholders for blocked embeds (CJEU C-40/17 Fashion ID): in the page, right before the gated
 * element and the same size, asking whether to load the provider's content, with "Allow {category}"
 * (records consent) and "Load once" (this page view only); a small widget gets a compact form, the
 * "Allow" button alone. Each has its own shadow root so page CSS cannot break it. The size comes
 * from the element's `width` and `height` attributes (an iframe without them has the browser's
 * default 300×150), never from a layout read.
 */
import { categoryText, fill } from '../i18n/texts';
import type { BlockedElement } from '../gating/gate';
import { PLACEHOLDER_CSS } from './styles/placeholder';
import type { UiContext } from './context';
import { builder } from './dom';
import { icon, SHIELD } from './icon';

/** Inline `display` of the elements a placeholder stands in for, restored when it goes. */
const hiddenDisplay = new WeakMap<HTMLElement, string>();

/** The vendor whose declared domains serve this host, else the host itself. */
export function providerName(ui: UiContext, entry: BlockedElement): string | undefined {
  const host = entry.host;
  if (!host) return undefined;
  // Only the vendors of the categories the element waits for: another category's vendor on the
  // same host is not who this content comes from.
  for (const category of ui.config.categories.filter((c) => entry.categories.includes(c.id))) {
    for (const vendor of category.vendors) {
      if (vendor.domains?.some((domain) => host === domain || host.endsWith(`.${domain}`))) return vendor.name;
    }
  }
  return host;
}

/**
 * Below this width or height (CSS px, from the element's attributes) an embed is a widget (a like
 * or share button): its placeholder is one button the widget's size, not a card that pushes the
 * page apart. The card needs about 240×120 for its words and two buttons.
 */
const COMPACT_WIDTH = 240;
const COMPACT_HEIGHT = 120;

function content(ui: UiContext, document: Document, entry: BlockedElement, compact: boolean): HTMLElement {
  const { gate, config, texts } = ui;
  const h = builder(document);
  const category = categoryText(texts, config, entry.categories[0]!).label;
  const provider = providerName(ui, entry) ?? category;
  const allow = () => gate.set(Object.fromEntries(entry.categories.map((id) => [id, true])));
  // An invitation, not an alarm: who the content is from, and one click to get it.
  const question = fill(texts.placeholderText, { provider });
  const allowButton = (props: Record<string, string>) =>
    h('button', { type: 'button', 'data-cg': 'placeholder-allow', onclick: allow, ...props }, fill(texts.placeholderAllow, { category }));
  const box = (...children: Array<Node | false>) => h('div', { class: compact ? 'placeholder compact' : 'placeholder', lang: ui.language, dir: ui.dir, 'data-theme': config.theme }, ...children);
  if (compact) {
    // Room for one button: "Allow", the act a social widget needs to work at all. The question
    // is its description (and tooltip), so a screen reader still hears whose content it loads.
    return box(h('span', { class: 'visually-hidden', id: 'cg-question' }, question), allowButton({ 'aria-describedby': 'cg-question', title: question }));
  }
  return box(
    icon(document, SHIELD),
    h('p', { class: 'vendor' }, question),
    h(
      'div',
      { class: 'actions' },
      allowButton({}),
      h('button', { type: 'button', class: 'alt', 'data-cg': 'placeholder-once', onclick: () => gate.loadOnce(entry.element) }, texts.placeholderOnce),
    ),
  );
}

/** The footprint the embed will take, from its attributes, in CSS px. */
function footprint(element: HTMLElement): { width?: number; height?: number } {
  const frame = element.localName === 'iframe';
  const width = element.getAttribute('width') ?? (frame ? '300' : null);
  const height = element.getAttribute('height') ?? (frame ? '150' : null);
  const size = (value: string | null) => (value && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : undefined);
  return { width: size(width), height: size(height) };
}

export interface Placeholders {
  update(blocked: readonly BlockedElement[]): void;
  destroy(): void;
}

/** A placeholder on the page, and the categories its words and button name (redrawn when they change). */
interface Shown {
  host: HTMLElement;
  asks: string;
  compact: boolean;
}

export function createPlaceholders(ui: UiContext): Placeholders {
  const shown = new Map<Element, Shown>();

  function remove(element: Element, { host }: Shown): void {
    host.remove();
    shown.delete(element);
    const display = hiddenDisplay.get(element as HTMLElement);
    if (display === undefined) return;
    hiddenDisplay.delete(element as HTMLElement);
    (element as HTMLElement).style.display = display;
  }

  function add(element: HTMLElement): Shown {
    const host = element.ownerDocument.createElement('div');
    host.setAttribute('data-cg', 'placeholder');
    // Same footprint as the embed, so the page does not jump when it loads.
    const { width, height } = footprint(element);
    const compact = (width !== undefined && width < COMPACT_WIDTH) || (height !== undefined && height < COMPACT_HEIGHT);
    if (width !== undefined) host.style.width = `${width}px`;
    if (height !== undefined) host.style.minHeight = `${height}px`;
    // A card is at least wide enough for its words and buttons (its height grows with them); a
    // compact one sits in the line like the widget it stands for, widened only for its button.
    host.style.minWidth = compact ? 'fit-content' : 'min(100%, 16rem)';
    if (compact) host.style.display = 'inline-flex';
    host.style.maxWidth = '100%';
    // Placeholders one after another stay apart, as separate embeds (two share buttons, a video
    // and its like button) would be.
    host.style.marginBlockEnd = '8px';
    const shadow = host.attachShadow({ mode: 'open' });
    ui.adopt(shadow, ui.baseCss);
    ui.adopt(shadow, PLACEHOLDER_CSS);
    element.before(host);
    // Site CSS often sets `display` on embeds, which beats the `hidden` attribute.
    if (!hiddenDisplay.has(element)) hiddenDisplay.set(element, element.style.display);
    element.style.setProperty('display', 'none', 'important');
    const placeholder = { host, asks: '', compact };
    shown.set(element, placeholder);
    return placeholder;
  }

  return {
    update(blocked) {
      const wanted = new Map(blocked.filter((entry) => entry.placeholder && entry.element.isConnected).map((entry) => [entry.element, entry]));
      for (const [element, placeholder] of [...shown]) {
        if (!wanted.has(element)) remove(element, placeholder);
      }
      for (const [element, entry] of wanted) {
        const placeholder = shown.get(element) ?? add(element as HTMLElement);
        // Drawn again only when the categories it asks for change (one of several was allowed):
        // redrawing on every change to the blocked list would take the focus from its buttons.
        const asks = entry.categories.join(' ');
        if (placeholder.asks === asks) continue;
        placeholder.asks = asks;
        placeholder.host.shadowRoot!.replaceChildren(content(ui, element.ownerDocument, entry, placeholder.compact));
      }
    },
    destroy() {
      for (const [element, placeholder] of [...shown]) remove(element, placeholder);
    },
  };
}

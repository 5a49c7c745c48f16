/**
 * Placeholders for blocked embeds (contract section 4, standards GDPR-15): in the page, right
 * before the gated element and the same size, naming the provider and the category, with
 * "Allow {category}" (records consent) and "Load once" (this page view only). Each has its own
 * shadow root so page CSS cannot break it.
 */
import { render } from 'preact';
import { categoryText, fill } from '../i18n/texts';
import type { BlockedElement } from '../gating/gate';
import type { UiContext } from './context';

/** Inline `display` of the elements a placeholder stands in for, restored when it goes. */
const hiddenDisplay = new WeakMap<HTMLElement, string>();

/** The vendor whose declared domains serve this host: a name visitors recognise. */
function providerName(ui: UiContext, entry: BlockedElement): string | undefined {
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

function PlaceholderContent({ entry, ui }: { entry: BlockedElement; ui: UiContext }) {
  const { gate, config, texts } = ui;
  const id = entry.categories[0]!;
  const category = categoryText(texts, config, id).label;
  const provider = providerName(ui, entry) ?? category;
  return (
    <div class="placeholder" lang={ui.language} data-theme={config.source.theme ?? 'auto'}>
      <p>{fill(texts.placeholderText, { provider, category })}</p>
      <div class="actions">
        <button type="button" data-cg="placeholder-allow" onClick={() => gate.set(Object.fromEntries(entry.categories.map((c) => [c, true])))}>
          {fill(texts.placeholderAllow, { category })}
        </button>
        <button type="button" data-cg="placeholder-once" onClick={() => gate.loadOnce(entry.element)}>
          {texts.placeholderOnce}
        </button>
      </div>
    </div>
  );
}

export interface Placeholders {
  update(blocked: readonly BlockedElement[]): void;
  destroy(): void;
}

export function createPlaceholders(ui: UiContext, styles: (root: ShadowRoot) => void): Placeholders {
  const shown = new Map<Element, HTMLElement>();

  function remove(element: Element, host: HTMLElement): void {
    render(null, host.shadowRoot!);
    host.remove();
    shown.delete(element);
    const display = hiddenDisplay.get(element as HTMLElement);
    if (display !== undefined) {
      hiddenDisplay.delete(element as HTMLElement);
      (element as HTMLElement).style.display = display;
    }
  }

  function add(entry: BlockedElement): HTMLElement {
    const element = entry.element as HTMLElement;
    const host = element.ownerDocument.createElement('div');
    host.setAttribute('data-cg', 'placeholder');
    // Same footprint as the embed, so the page does not jump when it loads.
    const width = element.getAttribute('width');
    const height = element.getAttribute('height');
    const box = element.getBoundingClientRect();
    host.style.width = width ? `${width}px` : box.width ? `${box.width}px` : '';
    host.style.minHeight = height ? `${height}px` : box.height ? `${box.height}px` : '';
    host.style.maxWidth = '100%';
    styles(host.attachShadow({ mode: 'open' }));
    element.before(host);
    // Site CSS often sets `display` on embeds, which beats the `hidden` attribute.
    if (!hiddenDisplay.has(element)) hiddenDisplay.set(element, element.style.display);
    element.style.setProperty('display', 'none', 'important');
    shown.set(element, host);
    return host;
  }

  return {
    update(blocked) {
      const wanted = new Map(blocked.filter((entry) => entry.placeholder && entry.element.isConnected).map((entry) => [entry.element, entry]));
      for (const [element, host] of [...shown]) {
        if (!wanted.has(element)) remove(element, host);
      }
      for (const [element, entry] of wanted) {
        const host = shown.get(element) ?? add(entry);
        render(<PlaceholderContent entry={entry} ui={ui} />, host.shadowRoot!);
      }
    },
    destroy() {
      for (const [element, host] of [...shown]) remove(element, host);
    },
  };
}

/**
 * Shared set-up for the component tests: an instance on memory storage, its UI context, the
 * interface mounted in `#consent-gate`'s shadow root, and a page reset after each test.
 */
import { act, cleanup, render, within, type BoundFunctions, type queries } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { resolveConfig } from '../../src/config/normalize';
import type { ConsentGate } from '../../src/consent-gate';
import { createConsent } from '../../src/create-consent';
import { catalogue } from '../../src/cookies/catalogue';
import type { Texts } from '../../src/i18n/locales/en';
import { buildTexts } from '../../src/i18n/texts';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGateConfig } from '../../src/types';
import { Context, type UiContext } from '../../src/ui/context';
import { mountUi } from '../../src/ui/mount';
import { recordingLogger } from '../support/logger';

const teardowns: Array<() => void> = [];

/** Runs after each test: unmounts, destroys instances, empties the page, drops GPC. */
export function resetPage(): void {
  cleanup();
  for (const teardown of teardowns.splice(0).reverse()) teardown();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  delete (window.navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
}

/** Turns Global Privacy Control on for this test (reset by `resetPage`). */
export function withGpc(): void {
  Object.defineProperty(window.navigator, 'globalPrivacyControl', { value: true, configurable: true });
}

/** Adds markup to the page (before the instance is created, so its first pass sees it). */
export function page(html: string): void {
  document.body.append(document.createRange().createContextualFragment(html));
}

export interface Setup {
  gate: ConsentGate;
  storage: ReturnType<typeof createMemoryStorage>;
  logger: ReturnType<typeof recordingLogger>;
  ui: UiContext;
}

export interface SetupOptions {
  storage?: ReturnType<typeof createMemoryStorage>;
  /** Locale texts under the site's own texts. */
  locale?: Partial<Texts>;
  language?: string;
  dir?: 'rtl' | 'ltr';
  /** Leave out the built-in cookie catalogue, as a headless site would. */
  withoutCatalogue?: boolean;
}

/**
 * An instance on memory storage, with the built-in cookie catalogue as the full build passes it,
 * and the context the components read.
 */
export function setup(config: ConsentGateConfig = {}, options: SetupOptions = {}): Setup {
  const storage = options.storage ?? createMemoryStorage();
  const logger = recordingLogger();
  const gate = createConsent(config, { storage, document, logger, catalogue: options.withoutCatalogue ? [] : catalogue() }) as ConsentGate;
  teardowns.push(() => gate.destroy());
  const resolved = resolveConfig(config);
  const language = options.language ?? 'en';
  const ui: UiContext = { gate, config: resolved, texts: buildTexts(options.locale ?? {}, language, resolved), language, dir: options.dir };
  return { gate, storage, logger, ui };
}

/** Renders components inside the UI context, in a container in the page. */
export function renderInUi(ui: UiContext, children: ComponentChildren) {
  return render(<Context.Provider value={ui}>{children}</Context.Provider>);
}

export interface Mounted extends Setup {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Testing Library queries inside the shadow root. */
  screen: BoundFunctions<typeof queries>;
  destroy: () => void;
}

/** The whole interface, mounted by `mountUi` as the full build does. */
export function mount(config: ConsentGateConfig = {}, options: SetupOptions = {}): Mounted {
  const made = setup(config, options);
  let destroy: () => void = () => undefined;
  act(() => {
    destroy = mountUi(made.ui, { document });
  });
  teardowns.push(() => destroy());
  const host = document.getElementById('consent-gate')!;
  const shadow = host.shadowRoot!;
  return { ...made, host, shadow, screen: within(shadow as unknown as HTMLElement), destroy };
}

/** Elements in a shadow root matching a selector. */
export function all(root: ParentNode, selector: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector));
}

/** Registers extra clean-up for this test. */
export function onReset(teardown: () => void): void {
  teardowns.push(teardown);
}

/**
 * Shared set-up for the component tests: an instance on memory storage, its UI context, the
 * interface mounted in `#consent-gate`'s shadow root, and a page reset after each test.
 */
import { act, cleanup, configure, render, waitFor, within, type BoundFunctions, type queries } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { vi, type Mock } from 'vitest';
import { resolveConfig } from '../../src/config/normalize';
import type { ConsentGate } from '../../src/consent-gate';
import { createConsent } from '../../src/create-consent';
import { catalogue } from '../../src/cookies/catalogue';
import type { Texts } from '../../src/i18n/locales/en';
import { buildTexts } from '../../src/i18n/texts';
import type { PartLoader, PartName } from '../../src/parts/loader';
import { createMemoryStorage } from '../../src/storage/decision-storage';
import type { ConsentGateConfig } from '../../src/types';
import type { UiContext } from '../../src/ui/context';
import { Context } from '../../src/ui/dialog/context';
import { npmParts } from '../../src/ui/npm-parts';
import { mountUi } from '../../src/ui/shell';
import { styleAdopter } from '../../src/ui/styles/adopt';
import { BASE_CSS } from '../../src/ui/styles/base';
import { recordingLogger } from '../support/logger';

// Parts are dynamic imports; the first one in a file is transformed on demand, which on a busy
// machine can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5000 });

type RecordingLogger = ReturnType<typeof recordingLogger>;

const teardowns: Array<() => void> = [];
const loggers: RecordingLogger[] = [];

/**
 * Runs after each test: unmounts, destroys instances, empties the page, drops GPC. Then fails the
 * test if an instance logged a warning or error the test did not take with `takeWarnings` or
 * `takeErrors`: an unexpected `[consent-gate]` message is a defect.
 */
export function resetPage(): void {
  cleanup();
  for (const teardown of teardowns.splice(0).reverse()) teardown();
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
  delete (window.navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl;
  const unexpected = loggers.splice(0).flatMap((logger) => [
    ...logger.warnings.map((details) => `warning: ${details.map(String).join(' ')}`),
    ...logger.errors.map((details) => `error: ${details.map(String).join(' ')}`),
  ]);
  if (unexpected.length > 0) throw new Error(`unexpected [consent-gate] messages:\n${unexpected.join('\n')}`);
}

/** The warnings logged so far; taking them tells `resetPage` they were expected. */
export function takeWarnings(logger: RecordingLogger): unknown[][] {
  return logger.warnings.splice(0);
}

/** The errors logged so far; taking them tells `resetPage` they were expected. */
export function takeErrors(logger: RecordingLogger): unknown[][] {
  return logger.errors.splice(0);
}

/** A recording logger whose messages `resetPage` checks (for instances a test creates itself). */
export function checkedLogger(): RecordingLogger {
  const logger = recordingLogger();
  loggers.push(logger);
  return logger;
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
  logger: RecordingLogger;
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
  /** How parts load. @default the npm build's dynamic imports (`npmParts()`) */
  parts?: PartLoader;
}

/**
 * An instance on memory storage, with the built-in cookie catalogue as the full build passes it,
 * and the context the components read.
 */
export function setup(config: ConsentGateConfig = {}, options: SetupOptions = {}): Setup {
  const storage = options.storage ?? createMemoryStorage();
  const logger = checkedLogger();
  const gate = createConsent(config, { storage, document, logger, catalogue: options.withoutCatalogue ? [] : catalogue() }) as ConsentGate;
  teardowns.push(() => gate.destroy());
  const resolved = resolveConfig(config);
  const language = options.language ?? 'en';
  const ui: UiContext = {
    gate,
    config: resolved,
    texts: buildTexts(options.locale ?? {}, language, resolved),
    language,
    dir: options.dir,
    parts: options.parts ?? npmParts(),
    logger,
    adopt: styleAdopter(document),
    baseCss: BASE_CSS,
  };
  return { gate, storage, logger, ui };
}

/** Renders Preact components (the dialog's) inside the UI context, in a container in the page. */
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

/**
 * The whole interface, mounted by `mountUi` as the full build does. Parts (dialog, placeholders,
 * cookie tables) arrive asynchronously: wait for them with `findBy…` or `waitFor`.
 */
export function mount(config: ConsentGateConfig = {}, options: SetupOptions = {}): Mounted {
  const made = setup(config, options);
  let destroy: () => void = () => undefined;
  act(() => {
    destroy = mountUi(made.ui, document);
  });
  teardowns.push(() => destroy());
  const host = document.getElementById('consent-gate')!;
  const shadow = host.shadowRoot!;
  return { ...made, host, shadow, screen: interfaceQueries(host), destroy };
}

type Query = (...args: unknown[]) => unknown;

/**
 * Testing Library queries over the whole interface: the banner in the host's light DOM (where
 * crawlers read it) and the rest in its shadow root. `get…` and `find…` fail as Testing Library
 * does when neither holds a match.
 */
export function interfaceQueries(host: HTMLElement): BoundFunctions<typeof queries> {
  const light = within(host) as unknown as Record<string, Query>;
  const shadow = within(host.shadowRoot! as unknown as HTMLElement) as unknown as Record<string, Query>;
  const both = (name: string, args: unknown[]): unknown => {
    if (name.startsWith('find')) return waitFor(() => both(name.replace('find', 'get'), args), args[2] as object);
    const queryName = name.replace(/^get/, 'query');
    const found = [light[queryName]!(...args), shadow[queryName]!(...args)];
    if (name.includes('All')) {
      const all = (found as unknown[][]).flat();
      return all.length > 0 || name.startsWith('query') ? all : shadow[name]!(...args);
    }
    const one = found.find((element) => element !== null) ?? null;
    return one !== null || name.startsWith('query') ? one : shadow[name]!(...args);
  };
  return new Proxy({}, { get: (_, name: string) => (...args: unknown[]) => both(name, args) }) as BoundFunctions<typeof queries>;
}

/** Elements in a shadow root matching a selector. */
export function all(root: ParentNode, selector: string): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(selector));
}

/** Registers extra clean-up for this test. */
export function onReset(teardown: () => void): void {
  teardowns.push(teardown);
}

/** A part loader that is also a spy: `expect(parts).toHaveBeenCalledWith('dialog')`. */
export type SpiedParts = PartLoader & Mock<(name: PartName) => Promise<unknown>>;

/** The npm build's parts (or the given ones) behind a spy, so a test sees which parts were asked for. */
export function spiedParts(parts: PartLoader = npmParts()): SpiedParts {
  return vi.fn((name: PartName) => parts(name) as Promise<unknown>) as SpiedParts;
}

/** The npm build's parts, except that `missing` cannot be loaded (offline, blocked). */
export function partsWithout(missing: PartName): PartLoader {
  const parts = npmParts();
  return (name) => (name === missing ? Promise.reject(new Error(`${name} part offline`)) : parts(name));
}

/**
 * Replaces `ResizeObserver` for this test with one the test drives: `resize(element, height)`
 * reports a new border-box height to every observer watching that element, as a browser would
 * after layout.
 */
export function fakeResizeObserver(): { resize(element: Element, height: number): void; watched(): Element[] } {
  const observers = new Set<{ callback: ResizeObserverCallback; targets: Set<Element>; self: ResizeObserver }>();
  class FakeResizeObserver {
    private readonly entry: { callback: ResizeObserverCallback; targets: Set<Element>; self: ResizeObserver };
    constructor(callback: ResizeObserverCallback) {
      this.entry = { callback, targets: new Set(), self: this as unknown as ResizeObserver };
      observers.add(this.entry);
    }
    observe(target: Element) {
      this.entry.targets.add(target);
    }
    unobserve(target: Element) {
      this.entry.targets.delete(target);
    }
    disconnect() {
      this.entry.targets.clear();
      observers.delete(this.entry);
    }
  }
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  teardowns.push(() => vi.unstubAllGlobals());
  return {
    resize(element, height) {
      for (const { callback, targets, self } of [...observers]) {
        if (!targets.has(element)) continue;
        const entry = { target: element, borderBoxSize: [{ blockSize: height, inlineSize: 0 }], contentRect: { height } } as unknown as ResizeObserverEntry;
        callback([entry], self);
      }
    },
    watched: () => [...observers].flatMap(({ targets }) => [...targets]),
  };
}

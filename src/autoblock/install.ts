/**
 * Installing automatic blocking on a page: the classifier, the DOM interceptor, refused
 * requests and (in debug, for site owners) the diagnostics part. Until it is connected to an
 * instance only `necessary` is allowed, so nothing slips through while the core starts;
 * afterwards the instance's `$consent` store releases what it allows (automatic blocking only
 * reads consent, through that store; it never writes a decision).
 */
import type { ReadableAtom } from 'nanostores';
import { isBoolean, shape, type Check } from '../config/checks';
import { categoryResolver } from '../config/normalize';
import type { Logger } from '../core/logger';
import type { Feature } from '../features';
import { say } from '../core/wording';
import type { ConsentGateConfig, ConsentState } from '../types';
import { createClassifier, type Verdict } from './classify';
import { intercept } from './interceptor';
import { refuseRequests } from './network';
import type * as diagnostics from '../parts/autoblock-report';

/** Automatic blocking installed on a page. */
export interface AutoBlocker {
  /**
   * Follows an instance's consent: held elements whose category it allows are inserted (or
   * given their URL) in the order the page asked for. Returns the function that stops following.
   * @example blocker.connect(createConsentGate(config))
   */
  connect(gate: { $consent: ReadableAtom<ConsentState> }): () => void;
  /** How many elements are held now. */
  held(): number;
}

/** Options of {@link installAutoBlock}. */
export interface AutoBlockInstallOptions {
  /** The window to protect. @default window */
  window?: Window;
  /**
   * @deprecated Ignored: a held script is released with the nonce it was inserted with (none if
   * none), so the page's policy decides as it would have without Consent Gate.
   */
  nonce?: string;
  /** Where warnings go. @default the console, with the `[consent-gate]` prefix */
  logger?: Logger;
}

const INSTALLED = Symbol.for('consent-gate.autoblock');
type Protected = Window & typeof globalThis & { [INSTALLED]?: AutoBlocker };

const autoBlockCheck: Check = (value, path, problems) => {
  if (typeof value !== 'boolean') shape({ debug: isBoolean })(value, path, problems);
};

/** What each build settles for {@link startAutoBlock}: its console voice, whether it runs the diagnostics, and how it loads them. */
export interface AutoBlockSettings extends AutoBlockInstallOptions {
  logger: Logger;
  /** Run the diagnostics even without `autoBlock: { debug: true }` (development builds). */
  debug: boolean;
  /** Loads the diagnostics: late elements and unknown hosts (the `autoblock-report` part). */
  report: () => Promise<typeof diagnostics>;
}

/**
 * Installs automatic blocking on a window, once (a second call returns the first blocker): the
 * npm `installAutoBlock` and the drop-in script tag each call it with their settings.
 */
export function startAutoBlock(config: ConsentGateConfig, options: AutoBlockSettings): AutoBlocker {
  const view = (options.window ?? window) as Protected;
  if (view[INSTALLED]) return view[INSTALLED];
  const document = view.document;
  const classify = createClassifier(config, document, categoryResolver(['necessary', ...Object.keys(config.categories ?? {})]));
  /** Whether every category a verdict names (space-separated) is allowed. */
  const every = (test: (id: string) => boolean) => (ids: string) => ids.split(/\s+/).every(test);
  let allowed = every((id) => id === 'necessary');
  const { logger } = options;
  const deniedUrl = (url: string, categories?: string | null): Verdict | undefined => {
    const verdict = classify(url);
    // An element's own `data-consent` says which categories it needs: the site's word wins.
    if (verdict && categories?.trim()) verdict.category = categories.trim();
    if (!verdict || (verdict.category !== null && allowed(verdict.category))) return undefined;
    if (verdict.category === null) {
      logger.warnOnce(verdict.vendor, say('autoblock-unconfigured', { vendor: verdict.vendor, host: verdict.host }));
    }
    return verdict;
  };
  const interceptor = intercept(view, deniedUrl);
  refuseRequests(view, deniedUrl);
  if (options.debug || (typeof config.autoBlock === 'object' && config.autoBlock.debug)) {
    options.report().then(
      (part) => part.startDiagnostics(view, interceptor, classify, logger),
      (error: unknown) => logger.warnOnce('autoblock-report', error),
    );
  }

  const blocker: AutoBlocker = {
    connect: (gate) =>
      gate.$consent.subscribe((state) => {
        allowed = every((id) => state.categories[id] === true);
        interceptor.release(allowed);
      }),
    held: () => interceptor.held.size,
  };
  view[INSTALLED] = blocker;
  return blocker;
}

/**
 * Automatic blocking as a feature: its `install` puts the interceptor on the page (the drop-in
 * start calls it before the instance exists), its `start` lets the instance's consent release
 * what is held. `settings` are the build's console voice and diagnostics loader; `blocker`, one
 * already installed (`installAutoBlock`).
 */
export function autoBlockFeature(settings: AutoBlockSettings, blocker?: AutoBlocker): Feature<'autoBlock'> {
  return {
    key: 'autoBlock',
    check: autoBlockCheck,
    install(view, config) {
      if (config.autoBlock) blocker = startAutoBlock(config, { ...settings, window: view });
    },
    start: ({ options, stores }) => (options && blocker?.connect(stores)) || (() => undefined),
  };
}

/**
 * The public instance API (README, "For developers: npm"), shared by the headless core and the full
 * build.
 */
import type { ReadableAtom, WritableAtom } from 'nanostores';
import type { CatalogueOption } from './cookies/catalogue-source';
import type { Feature } from './features';
import type { Logger } from './core/logger';
import type { BlockedElement } from './gating/gate';
import type { DecisionStorage } from './storage/decision-storage';
import type { ConsentEvents, ConsentGateConfig, ConsentState, ScannedCookie, Surface } from './types';

/**
 * Category ids a config declares, plus `necessary`. A literal config narrows them; a config
 * typed `ConsentGateConfig` (or parsed from JSON) declares ids unknown at compile time, so any
 * `string` is accepted.
 */
export type CategoryOf<C extends ConsentGateConfig> = 'necessary' | IdsOf<NonNullable<C['categories']>>;

type IdsOf<Categories> = string extends keyof Categories ? string : Extract<keyof Categories, string>;

/** A Consent Gate instance. `Category` narrows ids to the configured ones when the config is a literal. */
export interface ConsentGate<Category extends string = string> {
  /** The configuration the instance was created with. */
  readonly config: ConsentGateConfig;
  /** Whether a category is allowed now. `necessary` always is. */
  allowed(category: Category): boolean;
  /** The consent state now. */
  get(): ConsentState;
  /** Allows every category (recorded as `accept-all`). */
  acceptAll(): void;
  /** Denies every non-necessary category (recorded as `reject-all`). */
  rejectAll(): void;
  /** Acknowledges the notice, keeping the current state (recorded as `acknowledge`). */
  acknowledge(): void;
  /** Changes some categories, the others keep their state (recorded as `custom`). */
  set(changes: Partial<Record<Category, boolean>>): void;
  /** Forgets the decision: withdraws every category and shows the banner again. */
  reset(): void;
  /** Shows the banner. */
  show(): void;
  /** Shows the preferences dialog. */
  showPreferences(): void;
  /** Hides the banner or dialog without recording anything. */
  hide(): void;
  /** Listens to an event; returns the function that stops listening. */
  on<K extends keyof ConsentEvents>(event: K, listener: ConsentEvents[K]): () => void;
  /** Read-only store of the consent state (nanostores). */
  readonly $consent: ReadableAtom<ConsentState>;
  /** Which interface should be visible: the banner, the dialog or nothing. */
  readonly $surface: ReadableAtom<Surface> & Pick<WritableAtom<Surface>, 'get'>;
  /** Gated elements kept inert now, with the categories they wait for (for placeholders). */
  readonly $blocked: ReadableAtom<BlockedElement[]>;
  /**
   * Reports the cookies present, each classified by the config and the cookie catalogue. A
   * promise, because the catalogue is loaded only when first needed.
   */
  scan(): Promise<ScannedCookie[]>;
  /** Classifies one cookie name (a promise, like `scan()`). */
  classify(name: string): Promise<ScannedCookie>;
  /** Loads one blocked element for this page view only, recording nothing. */
  loadOnce(element: Element): void;
  /** Stops gating, listening and observing. Decisions already stored are kept. */
  destroy(): void;
}

/** Advanced options for embedding and testing; sites need none of them. */
export interface ConsentOptions {
  /** The document to gate. @default window.document */
  document?: Document;
  /** Where the decision is kept. @default the consent cookie */
  storage?: DecisionStorage;
  /** The clock, in UTC seconds. @default Date.now()/1000 */
  now?: () => number;
  /** The console voice. @default a `[consent-gate]` console logger */
  logger?: Logger;
  /**
   * The page's script nonce: only gated scripts carrying it are run. Without it, the nonce of the
   * script that creates the instance is used, else the first nonce on a script in the page.
   * @default detected from the page
   */
  nonce?: string;
  /**
   * Cookie catalogue used by `scan()`, `classify()`, withdrawal and the declaration table, on top
   * of the config's own declarations: the entries, or a function that loads them when first
   * needed. The full build loads the built-in one; headless users opt in with
   * `() => import('consent-gate/catalogue').then((m) => m.cookieCatalogue())`.
   * @default [] (config declarations only)
   */
  catalogue?: CatalogueOption;
  /**
   * Start-time features, which act before other scripts: `googleConsentMode()` from
   * `consent-gate/google-consent-mode`. Each adds its config key (e.g. `googleConsentMode`) and
   * runs when the config sets it. A window where `installAutoBlock` ran adds automatic blocking.
   * @default []
   */
  features?: readonly Feature[];
}

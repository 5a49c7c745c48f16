/** What every piece of the interface needs: the instance, the resolved config, the texts, the parts. */
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentGate } from '../consent-gate';
import type { Logger } from '../core/logger';
import type { Texts } from '../i18n/texts';
import type { PartLoader } from '../parts/loader';

export interface UiContext {
  gate: ConsentGate;
  config: ResolvedConfig;
  texts: Texts;
  /** Language shown, for `lang` on the UI root. */
  language: string;
  /** The page's writing direction, so the UI follows an RTL page. */
  dir?: 'rtl' | 'ltr';
  /** Loads the parts the first view does not carry (dialog, placeholders, cookie table…). */
  parts: PartLoader;
  logger: Logger;
  /** Adds a stylesheet to a shadow root or the document (a constructable sheet, or a `<style>` with the page nonce). */
  adopt(root: ShadowRoot | Document, css: string): void;
  /** The first view's CSS, which the parts' shadow roots share (parts do not carry a copy). */
  baseCss: string;
}

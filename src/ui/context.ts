/** What every component needs: the instance, the resolved config and the texts. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ResolvedConfig } from '../config/normalize';
import type { ConsentGate } from '../consent-gate';
import type { Texts } from '../i18n/texts';

export interface UiContext {
  gate: ConsentGate;
  config: ResolvedConfig;
  texts: Texts;
  /** Language shown, for `lang` on the UI root. */
  language: string;
  /** The page's writing direction, so the UI follows an RTL page. */
  dir?: 'rtl' | 'ltr';
}

export const Context = createContext<UiContext>(null as unknown as UiContext);

export function useUi(): UiContext {
  return useContext(Context);
}

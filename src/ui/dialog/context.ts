/** The interface context inside the Preact dialog. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { UiContext } from '../context';

export const Context = createContext<UiContext>(null as unknown as UiContext);

export function useUi(): UiContext {
  return useContext(Context);
}

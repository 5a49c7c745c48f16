/** The interface context inside the Preact dialog (read by its class components). */
import { createContext } from 'preact';
import type { UiContext } from '../context';

export const Context = createContext<UiContext>(null as unknown as UiContext);

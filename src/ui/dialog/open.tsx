/**
 * Opens the preferences dialog inside the interface's shadow root; the `dialog` part's one
 * export. Its CSS comes with it, adopted on first open.
 */
import { render } from 'preact';
import { withLaterTexts } from '../../i18n/texts';
import type { UiContext } from '../context';
import { DIALOG_CSS } from '../styles/dialog';
import { Context } from './context';
import { Preferences } from './preferences';

export interface DialogCallbacks {
  /** Close or Escape: the draft is discarded. */
  onClose(): void;
  /** A choice was recorded from the dialog; `message` says so, for the live region. */
  onSaved(message: string): void;
}

const styled = new WeakSet<ShadowRoot>();

/** Renders the dialog into `root` (inside the shadow root); returns the function that removes it. */
export function openPreferences(ui: UiContext, root: HTMLElement, { onClose, onSaved }: DialogCallbacks): () => void {
  const shadow = root.getRootNode() as ShadowRoot;
  if (!styled.has(shadow)) {
    styled.add(shadow);
    ui.adopt(shadow, DIALOG_CSS);
  }
  const container = root.ownerDocument.createElement('div');
  root.prepend(container);
  const full = { ...ui, texts: withLaterTexts(ui.texts) };
  render(
    <Context.Provider value={full}>
      <Preferences onClose={onClose} onSaved={() => onSaved(full.texts.saved)} />
    </Context.Provider>,
    container,
  );
  return () => {
    render(null, container);
    container.remove();
  };
}

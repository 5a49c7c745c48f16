/**
 * The interface inside the shadow root: banner, preferences dialog, settings button, reload
 * notice and the live region. It only reads the core's stores and calls its actions.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useUi } from './context';
import { Banner } from './banner';
import { Preferences } from './preferences';
import { useStore } from './use-store';

export interface AppProps {
  /** Where focus goes back to when the dialog closes (set by whoever opens it). */
  opener: { current: HTMLElement | null };
}

export function App({ opener }: AppProps) {
  const { gate, config, texts, language, dir } = useUi();
  const surface = useStore(gate.$surface);
  const [message, setMessage] = useState('');
  const [reload, setReload] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => gate.on('reload-required', () => setReload(true)), [gate]);

  // Focus returns to what opened the dialog, or to the banner's "Manage preferences".
  useEffect(() => {
    if (surface === 'preferences') {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current) return;
    wasOpen.current = false;
    const target = opener.current?.isConnected ? opener.current : root.current?.querySelector<HTMLElement>('[data-cg="manage"], [data-cg="settings-button"]');
    opener.current = null;
    target?.focus();
  }, [surface]);

  const openPreferences = () => {
    opener.current = null;
    gate.showPreferences();
  };
  const closePreferences = () => (gate.get().decided ? gate.hide() : gate.show());
  const theme = config.source.theme ?? 'auto';

  return (
    <div class="cg" ref={root} lang={language} dir={dir} data-theme={theme}>
      {surface === 'banner' && <Banner onManage={openPreferences} />}
      {surface === 'preferences' && <Preferences onClose={closePreferences} onSaved={() => setMessage(texts.saved)} />}
      {surface === null && config.source.settingsButton !== false && (
        <button type="button" class="settings" data-cg="settings-button" onClick={openPreferences}>
          {texts.settings}
        </button>
      )}
      {reload && (
        <div class="notice">
          <p>{texts.reloadText}</p>
          <button type="button" onClick={() => location.reload()}>
            {texts.reload}
          </button>
          <button type="button" class="link" onClick={() => setReload(false)}>
            {texts.close}
          </button>
        </div>
      )}
      <div class="visually-hidden" role="status" aria-live="polite" data-cg="live">
        {message}
      </div>
    </div>
  );
}

/**
 * The preferences dialog (contract section 10, standards A11Y-1/2): a native modal dialog that
 * edits a draft. Only "Save", "Accept all" and "Reject all" record anything; closing (the close
 * button or Escape) discards the draft.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fill } from '../../i18n/texts';
import { useUi } from './context';
import { CategoryRow } from './category-row';
import { trapTab } from '../focus';
import { cookieProvider } from '../cookie-rows';

/** Providers of the declared cookies, by declared name; the catalogue fills them in after opening. */
function useProviders(): Record<string, string> {
  const { gate, config } = useUi();
  const [providers, setProviders] = useState<Record<string, string>>({});
  useEffect(() => {
    let open = true;
    const cookies = config.categories.flatMap((category) => category.cookies);
    Promise.all(cookies.map(async (cookie) => [cookie.name, await cookieProvider(cookie, gate)] as const)).then(
      (pairs) => open && setProviders(Object.fromEntries(pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined))),
      () => undefined,
    );
    return () => {
      open = false;
    };
  }, [gate, config]);
  return providers;
}

export function Preferences({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { gate, config, texts } = useUi();
  const state = gate.get();
  const [draft, setDraft] = useState<Record<string, boolean>>(() => ({ ...state.categories }));
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current!;
    // Without showModal (old browsers, some test DOMs) the dialog still shows, non-modally.
    if (!element.open && typeof element.showModal === 'function') element.showModal();
    else if (!element.open) element.setAttribute('open', '');
    element.querySelector<HTMLElement>('h2')?.focus();
  }, []);

  const toggle = (id: string) => setDraft((current) => ({ ...current, [id]: !current[id] }));
  const decide = (action: () => void) => () => {
    action();
    onSaved();
  };
  const controller = config.controller;
  const policy = config.privacyPolicyUrl;
  const providers = useProviders();
  // `necessary` is in the draft for display only; it is not the visitor's to set.
  const choices = () => Object.fromEntries(config.optional.map((id) => [id, draft[id] === true]));

  return (
    <dialog
      ref={dialog}
      class="dialog"
      data-cg="preferences"
      aria-labelledby="cg-pref-title"
      aria-describedby="cg-pref-text"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => trapTab(event, dialog.current!)}
    >
      <div class="dialog-head">
        <h2 id="cg-pref-title" tabIndex={-1}>
          {texts.preferencesTitle}
        </h2>
        <button type="button" class="close" data-cg="close" aria-label={texts.close} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="dialog-body">
        <p id="cg-pref-text">{texts.preferencesText}</p>
        {state.gpc && config.mode === 'opt-out' && <p class="gpc">{texts.gpcHonored}</p>}
        <ul class="categories">
          {config.categories.map(({ id }) => (
            <CategoryRow key={id} id={id} checked={draft[id] === true} onToggle={toggle} providers={providers} />
          ))}
        </ul>
        {(controller || policy) && (
          <p class="small">
            {controller && fill(texts.controller, { name: controller.contact ? `${controller.name} (${controller.contact})` : controller.name })}
            {controller && policy && ' · '}
            {policy && <a href={policy}>{texts.privacyPolicy}</a>}
          </p>
        )}
      </div>
      <div class="actions">
        <button type="button" data-cg="save" onClick={decide(() => gate.set(choices()))}>
          {texts.save}
        </button>
        <button type="button" data-cg="accept-all" onClick={decide(gate.acceptAll)}>
          {texts.acceptAll}
        </button>
        <button type="button" data-cg="reject-all" onClick={decide(gate.rejectAll)}>
          {texts.rejectAll}
        </button>
      </div>
    </dialog>
  );
}

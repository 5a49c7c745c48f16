/**
 * The preferences dialog (WAI-ARIA APG dialog pattern, WCAG 4.1.2 and 2.4.3): a native modal dialog
 * that edits a draft. Only "Save", "Accept all" and "Reject all" record anything; closing (the
 * close button or Escape) discards the draft.
 */
import { Component, createRef } from 'preact';
import { fill } from '../../i18n/texts';
import type { UiContext } from '../context';
import { cookieProvider } from '../cookie-rows';
import { trapTab } from '../focus';
import { CategoryRow } from './category-row';
import { Context } from './context';

export interface PreferencesProps {
  /** Close or Escape: the draft is discarded. */
  onClose: () => void;
  /** A choice was recorded. */
  onSaved: () => void;
}

interface PreferencesState {
  /** The switches as the visitor set them; recorded only by "Save". */
  draft: Record<string, boolean>;
  /** Providers of the declared cookies, by declared name; the catalogue fills them in after opening. */
  providers: Record<string, string>;
}

/**
 * A class component: the dialog is the only Preact in the library, and classes need no hooks
 * runtime (about a kilobyte less for the dialog part).
 */
export class Preferences extends Component<PreferencesProps, PreferencesState> {
  static override contextType = Context;
  declare context: UiContext;
  private dialog = createRef<HTMLDialogElement>();
  private mounted = false;

  constructor(props: PreferencesProps, context: UiContext) {
    super(props, context);
    this.state = { draft: { ...context.gate.get().categories }, providers: {} };
  }

  override componentDidMount(): void {
    this.mounted = true;
    const element = this.dialog.current!;
    // Without showModal (old browsers, some test DOMs) the dialog still shows, non-modally.
    if (!element.open && typeof element.showModal === 'function') element.showModal();
    else if (!element.open) element.setAttribute('open', '');
    element.querySelector<HTMLElement>('h2')?.focus();
    this.loadProviders();
  }

  override componentWillUnmount(): void {
    this.mounted = false;
  }

  private loadProviders(): void {
    const { gate, config } = this.context;
    const cookies = config.categories.flatMap((category) => category.cookies);
    Promise.all(cookies.map(async (cookie) => [cookie.name, await cookieProvider(cookie, gate)] as const)).then(
      (pairs) => {
        if (!this.mounted) return;
        this.setState({ providers: Object.fromEntries(pairs.filter((pair): pair is readonly [string, string] => pair[1] !== undefined)) });
      },
      () => undefined,
    );
  }

  private toggle = (id: string) => this.setState(({ draft }) => ({ draft: { ...draft, [id]: !draft[id] } }));

  private decide = (action: () => void) => () => {
    action();
    this.props.onSaved();
  };

  /** `necessary` is in the draft for display only; it is not the visitor's to set. */
  private choices(): Record<string, boolean> {
    const { draft } = this.state;
    return Object.fromEntries(this.context.config.optional.map((id) => [id, draft[id] === true]));
  }

  override render() {
    const { gate, config, texts } = this.context;
    const { onClose } = this.props;
    const { draft, providers } = this.state;
    const { controller, privacyPolicyUrl: policy } = config;
    return (
      <dialog
        ref={this.dialog}
        class="dialog"
        data-cg="preferences"
        aria-labelledby="cg-pref-title"
        aria-describedby="cg-pref-text"
        onCancel={(event) => {
          event.preventDefault();
          onClose();
        }}
        onKeyDown={(event) => trapTab(event, this.dialog.current!)}
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
          {gate.get().gpc && config.mode === 'opt-out' && <p class="gpc">{texts.gpcHonored}</p>}
          <ul class="categories">
            {config.categories.map(({ id }) => (
              <CategoryRow key={id} ui={this.context} id={id} checked={draft[id] === true} onToggle={this.toggle} providers={providers} />
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
          {/* One row for the pair at every width and in every language: equal in size (11 CCR §7004). */}
          <div class="pair">
            <button type="button" data-cg="accept-all" onClick={this.decide(gate.acceptAll)}>
              {texts.acceptAll}
            </button>
            <button type="button" data-cg="reject-all" onClick={this.decide(gate.rejectAll)}>
              {texts.rejectAll}
            </button>
          </div>
          {/* In the banner's order, "Save choices" where "Manage preferences" was (11 CCR §7004). */}
          <button type="button" class="alt" data-cg="save" onClick={this.decide(() => gate.set(this.choices()))}>
            {texts.save}
          </button>
        </div>
      </dialog>
    );
  }
}

/**
 * The banner's first layer (contract sections 3 and 10, GDPR Art. 13): what cookies are for, who
 * the third parties are, how to change or withdraw the choice later, the privacy policy, and
 * buttons of equal size and weight. Plain DOM: it is the first thing a visitor sees, so it
 * carries no framework.
 *
 * Its words (the text, the partners, the policy link) are the host's light-DOM children, slotted
 * into the banner's paragraph: compliance scanners and regulators' crawlers read the page with
 * `document.querySelectorAll` and do not enter shadow roots. There is one copy, so screen
 * readers read it once.
 */
import { fill, joinList, purposes, vendorNames, type Texts } from '../i18n/texts';
import type { UiContext } from './context';
import { builder, type Builder, type Child } from './dom';

export interface BannerActions {
  /** "Manage preferences" was pressed. */
  onManage(): void;
  /** The visitor shows intent to open the dialog (hover, focus): time to fetch it. */
  onIntent(): void;
}

export interface Banner {
  /** The banner, for the shadow root. */
  banner: HTMLElement;
  /** Its words, for the host's light DOM: shown in the banner's text, removed with it. */
  words: ChildNode[];
}

/**
 * The partners in the banner's text: the configured vendors' names, "Google, Meta, and 2 others"
 * from four on, the others one click away in place; without vendors, the locale's general words.
 */
function partners(h: Builder, texts: Texts, names: string[], language: string): Child[] {
  if (names.length === 0) return [texts.partners];
  if (names.length < 4) return [joinList(names, language)];
  const MARK = '\u0000';
  const [before, after] = joinList([names[0]!, names[1]!, MARK], language).split(MARK);
  const rest = h('span', {}, ` (${joinList(names.slice(2), language)})`);
  const toggle = () => {
    if (rest.isConnected) rest.remove();
    else more.after(rest);
    more.setAttribute('aria-expanded', String(rest.isConnected));
  };
  const more = h('button', { type: 'button', 'aria-expanded': 'false', onclick: toggle }, fill(texts.others, { n: String(names.length - 2) }));
  return [before, more, after];
}

const PARTNERS = '{partners}';

/** The banner's words: the text with its purposes and partners, then the privacy policy link. */
function words(ui: UiContext, h: Builder): ChildNode[] {
  const { config, texts, language } = ui;
  const raw = config.optional.length === 0 ? texts.necessaryOnlyText : config.mode === 'opt-in' ? texts.bannerText : texts.noticeText;
  const withPurposes = (text: string) => fill(text, { purposes: purposes(texts, config, language) });
  // Split before filling: a category label could itself contain "{partners}".
  const at = raw.indexOf(PARTNERS);
  const children: Child[] =
    at < 0 ? [withPurposes(raw)] : [withPurposes(raw.slice(0, at)), ...partners(h, texts, vendorNames(config), language), withPurposes(raw.slice(at + PARTNERS.length))];
  const policy = config.privacyPolicyUrl;
  if (policy) children.push(' ', h('a', { href: policy }, texts.privacyPolicy));
  // Built in a holder so strings become text nodes; the holder itself is not used.
  return Array.from(h('span', {}, ...children).childNodes);
}

export function createBanner(ui: UiContext, document: Document, { onManage, onIntent }: BannerActions): Banner {
  const { gate, config, texts } = ui;
  const h = builder(document);
  const necessaryOnly = config.optional.length === 0;
  const optIn = config.mode === 'opt-in';
  const button = (hook: string, label: string, onclick: () => void, props: Record<string, string> = {}) =>
    h('button', { type: 'button', 'data-cg': hook, onclick, ...props }, label);
  const acknowledge = () => button('acknowledge', texts.acknowledge, gate.acknowledge, { 'aria-describedby': 'cg-banner-text' });

  let choices: Child[];
  if (necessaryOnly) choices = [acknowledge()];
  else if (optIn) choices = [button('accept-all', texts.acceptAll, gate.acceptAll), button('reject-all', texts.rejectAll, gate.rejectAll)];
  else choices = [acknowledge(), button('reject-all', texts.optOut, gate.rejectAll)];

  const manage = !necessaryOnly && button('manage', texts.manage, onManage, { class: 'alt' });
  if (manage) {
    manage.addEventListener('pointerenter', onIntent);
    manage.addEventListener('focus', onIntent);
  }

  const banner = h(
    'section',
    { class: `banner ${config.position}`, 'data-cg': 'banner', 'aria-label': texts.bannerLabel },
    h('h2', { class: 'title', id: 'cg-banner-title' }, texts.bannerTitle),
    h('p', { class: 'text', id: 'cg-banner-text' }, h('slot')),
    h(
      'div',
      { class: 'actions' },
      ...choices,
      manage,
      config.closeButton && button('continue', texts.continue, optIn ? gate.rejectAll : gate.acknowledge, { class: 'link' }),
    ),
  );
  return { banner, words: words(ui, h) };
}

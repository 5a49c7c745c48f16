/**
 * The banner's first layer (GDPR Art. 13): what cookies are for, who the third parties are, how to
 * change or withdraw the choice later, the privacy policy, and buttons of equal size and weight.
 * Plain DOM: it is the first thing a visitor sees, so it carries no framework.
 *
 * The banner element, the landmark with its name, is a light-DOM child of the host
 * (`#consent-gate`), and every word of the first layer (title, text, links, buttons) is a light-DOM
 * child of it: compliance scanners and regulators' crawlers find it with
 * `document.querySelectorAll` and read its `textContent`, which holds the whole first layer. Its
 * own shadow root lays the words out and shields them from page CSS (./styles/banner). There is one
 * copy, so screen readers read it once.
 */
import { fill, joinList, purposes, retention, vendorNames, type Texts } from '../i18n/texts';
import type { UiContext } from './context';
import { builder, type Builder, type Child } from './dom';
import { BANNER_CSS } from './styles/banner';

export interface BannerActions {
  /** "Manage preferences" was pressed. */
  onManage(): void;
  /** The visitor shows intent to open the dialog (hover, focus): time to fetch it. */
  onIntent(): void;
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

/**
 * The banner's words: the text with its purposes and partners, how long the choice is kept, then
 * the privacy policy link. Top-level children of the banner, where its CSS can reach them.
 */
function words(ui: UiContext, h: Builder): HTMLElement[] {
  const { config, texts, language } = ui;
  const raw = config.optional.length === 0 ? texts.necessaryOnlyText : config.mode === 'opt-in' ? texts.bannerText : texts.noticeText;
  const withPurposes = (text: string) => fill(text, { purposes: purposes(texts, config, language) });
  // Split before filling: a category label could itself contain "{partners}".
  const at = raw.indexOf(PARTNERS);
  const children: Child[] =
    at < 0 ? [withPurposes(raw)] : [withPurposes(raw.slice(0, at)), ...partners(h, texts, vendorNames(config), language), withPurposes(raw.slice(at + PARTNERS.length))];
  children.push(' ', retention(texts, config.cookie.days, language));
  const policy = config.privacyPolicyUrl;
  if (policy) children.push(' ', h('a', { href: policy }, texts.privacyPolicy));
  // Each run of text in a span of its own, and every word element with an id for "Got it"'s
  // description: the paragraph is in the banner's shadow root, where an ID reference cannot reach.
  const nodes: HTMLElement[] = [];
  let run = '';
  for (const child of [...children, null]) {
    if (typeof child === 'string') run += child;
    else {
      if (run) nodes.push(h('span', {}, run));
      run = '';
      if (child) nodes.push(child as HTMLElement);
    }
  }
  nodes.forEach((node, index) => (node.id = `cg-banner-text-${index}`));
  return nodes;
}

/** The banner, ready for the host's light DOM: a `section` landmark holding the whole first layer. */
export function createBanner(ui: UiContext, document: Document, { onManage, onIntent }: BannerActions): HTMLElement {
  const { gate, config, texts } = ui;
  const h = builder(document);
  const necessaryOnly = config.optional.length === 0;
  const optIn = config.mode === 'opt-in';
  const button = (hook: string, label: string, onclick: () => void, props: Record<string, string> = {}) =>
    h('button', { type: 'button', slot: 'actions', 'data-cg': hook, onclick, ...props }, label);
  const text = words(ui, h);
  const described = text.map((node) => node.id).join(' ');
  const acknowledge = () => button('acknowledge', texts.acknowledge, gate.acknowledge, { 'aria-describedby': described });

  let choices: Child[];
  if (necessaryOnly) choices = [acknowledge()];
  else if (optIn) choices = [button('accept-all', texts.acceptAll, gate.acceptAll), button('reject-all', texts.rejectAll, gate.rejectAll)];
  else choices = [acknowledge(), button('reject-all', texts.optOut, gate.rejectAll)];

  const manage = !necessaryOnly && button('manage', texts.manage, onManage, { class: 'alt' });
  if (manage) {
    manage.addEventListener('pointerenter', onIntent);
    manage.addEventListener('focus', onIntent);
  }

  // role="region" spelled out: a crawler looking for landmarks by role finds it without knowing
  // that a named <section> is one.
  const banner = h(
    'section',
    { class: `${config.layout} ${config.position}`, role: 'region', 'data-cg': 'banner', 'aria-label': texts.bannerLabel, lang: ui.language, dir: ui.dir },
    h('h2', { slot: 'title', id: 'cg-banner-title' }, texts.bannerTitle),
    ...text,
    ...choices,
    manage,
    config.closeButton && button('continue', texts.continue, optIn ? gate.rejectAll : gate.acknowledge, { class: 'link' }),
  );
  const shadow = banner.attachShadow({ mode: 'open' });
  ui.adopt(shadow, BANNER_CSS);
  shadow.append(
    h('div', { class: 'in' }, h('slot', { name: 'title' }), h('p', { class: 'text' }, h('slot')), h('div', { class: 'actions' }, h('slot', { name: 'actions' }))),
  );
  return banner;
}

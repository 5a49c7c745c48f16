/**
 * The banner's first layer (contract sections 3 and 10): what cookies are for, that third
 * parties are involved, how to change the choice later, and buttons of equal size and weight.
 * Plain DOM: it is the first thing a visitor sees, so it carries no framework.
 */
import { fill, purposes } from '../i18n/texts';
import type { UiContext } from './context';
import { builder, type Child } from './dom';

export interface BannerActions {
  /** "Manage preferences" was pressed. */
  onManage(): void;
  /** The visitor shows intent to open the dialog (hover, focus): time to fetch it. */
  onIntent(): void;
}

export function createBanner(ui: UiContext, document: Document, { onManage, onIntent }: BannerActions): HTMLElement {
  const { gate, config, texts } = ui;
  const h = builder(document);
  const necessaryOnly = config.optional.length === 0;
  const optIn = config.mode === 'opt-in';
  const text = necessaryOnly ? texts.necessaryOnlyText : fill(optIn ? texts.bannerText : texts.noticeText, { purposes: purposes(texts, config, ui.language) });
  const policy = config.privacyPolicyUrl;
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

  return h(
    'section',
    { class: `banner ${config.position}`, 'data-cg': 'banner', 'aria-label': texts.bannerLabel },
    h('h2', { class: 'title', id: 'cg-banner-title' }, texts.bannerTitle),
    h('p', { class: 'text', id: 'cg-banner-text' }, text, policy && ' ', policy && h('a', { href: policy }, texts.privacyPolicy)),
    h(
      'div',
      { class: 'actions' },
      ...choices,
      manage,
      config.closeButton && button('continue', texts.continue, optIn ? gate.rejectAll : gate.acknowledge, { class: 'link' }),
    ),
  );
}

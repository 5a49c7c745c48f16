/**
 * The banner's first layer (contract sections 3 and 10): what cookies are for, that third
 * parties are involved, how to change the choice later, and buttons of equal size and weight.
 */
import { fill, purposes } from '../i18n/texts';
import { useUi } from './context';

export function Banner({ onManage }: { onManage: () => void }) {
  const { gate, config, texts } = useUi();
  const necessaryOnly = config.optional.length === 0;
  const optIn = config.mode === 'opt-in';
  const text = necessaryOnly ? texts.necessaryOnlyText : fill(optIn ? texts.bannerText : texts.noticeText, { purposes: purposes(texts, config) });
  const policy = config.source.privacyPolicyUrl;

  return (
    <section class={`banner ${config.source.position === 'top' ? 'top' : 'bottom'}`} data-cg="banner" aria-label={texts.bannerLabel}>
      <h2 class="title" id="cg-banner-title">
        {texts.bannerTitle}
      </h2>
      <p class="text" id="cg-banner-text">
        {text}
        {policy && (
          <>
            {' '}
            <a href={policy}>{texts.privacyPolicy}</a>
          </>
        )}
      </p>
      <div class="actions">
        {necessaryOnly ? (
          <button type="button" data-cg="acknowledge" aria-describedby="cg-banner-text" onClick={gate.acknowledge}>
            {texts.acknowledge}
          </button>
        ) : optIn ? (
          <>
            <button type="button" data-cg="accept-all" onClick={gate.acceptAll}>
              {texts.acceptAll}
            </button>
            <button type="button" data-cg="reject-all" onClick={gate.rejectAll}>
              {texts.rejectAll}
            </button>
          </>
        ) : (
          <>
            <button type="button" data-cg="acknowledge" aria-describedby="cg-banner-text" onClick={gate.acknowledge}>
              {texts.acknowledge}
            </button>
            <button type="button" data-cg="reject-all" onClick={gate.rejectAll}>
              {texts.optOut}
            </button>
          </>
        )}
        {!necessaryOnly && (
          <button type="button" data-cg="manage" onClick={onManage}>
            {texts.manage}
          </button>
        )}
        {config.source.closeButton && (
          <button type="button" class="link" data-cg="continue" onClick={optIn ? gate.rejectAll : gate.acknowledge}>
            {texts.continue}
          </button>
        )}
      </div>
    </section>
  );
}

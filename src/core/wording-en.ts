/**
 * The console's words for every run-time warning and error, by code. Development builds print
 * them directly; production builds print the code and its values, and the script tag words them
 * through its `messages` part. `{name}` placeholders are filled from the message's values.
 */
export const WORDING = {
  // A part that could not load, one code each, so the first view carries no words for them.
  'activation-failed': 'the activation part could not be loaded (offline, blocked, or not the file this build made); allowed elements stay inert.',
  'dialog-failed': 'the dialog part could not be loaded (offline, blocked, or not the file this build made); showing the banner instead.',
  'placeholders-failed': 'the placeholders part could not be loaded (offline, blocked, or not the file this build made); blocked embeds stay hidden.',
  'cookie-table-failed': 'the cookie-table part could not be loaded (offline, blocked, or not the file this build made); no cookie table.',
  'catalogue-failed': 'the catalogue part could not be loaded (offline, blocked, or not the file this build made); only declared cookies were deleted.',
  'reload-notice-failed': 'the reload-notice part could not be loaded (offline, blocked, or not the file this build made); no offer to reload after the withdrawal (the choice is saved).',
  'log-failed': 'the log part could not be loaded (offline, blocked, or not the file this build made); the decisions of this page view are kept and sent from a later one.',
  'locale-failed': 'could not load the "{language}" locale; showing English.',
  'locale-missing':
    '{file} was not found next to the script (HTTP {status} from {base}): copy the whole dist/locales/ folder of the same build next to the script (its file names change with each build); showing English.',
  'locale-mismatch':
    '{file} next to the script ({base}) is not the file this build made (its sha256 differs): copy dist/locales/ from the same build as the script; showing English.',
  'cookie-domain': 'the browser refused cookie.domain "{domain}" on {host}; the decision is stored for this host only. Use a parent domain of this host that is not a public suffix.',
  'cookie-refused': 'the browser refused the consent cookie; the decision holds for this page only.',
  'cookies-remaining': 'these cookies could not be deleted from JavaScript (set for another path or domain):',
  'set-unknown': 'set(): "{id}" is not a configurable category; configured: {configured}',
  'listener-threw': 'a "{event}" listener threw:',
  'script-failed': 'could not activate a gated script:',
  'unknown-category': 'data-consent names the unknown category "{id}"; the element stays inert. Configure the category or fix the markup:',
  'empty-consent': 'data-consent is empty; the element stays inert:',
  'script-ran': 'a data-consent script is not type="text/plain", so the browser already ran it; write it inert:',
  'script-nonce': 'a gated script without the page nonce is left inert (injected markup must not run through the gate):',
  'script-type': 'a gated script has data-type "{type}", which is not JavaScript, so it would never run; it stays inert. Use a JavaScript type, "module", or none:',
  'inline-necessary':
    'a gated script in the necessary category stays inert: without a page nonce, markup injected into the page cannot be told from the site\'s own. Give your scripts a nonce (CSP), or set "allowInlineNecessary": true:',
  'log-headless':
    'log.endpoint is set, but a headless instance sends no records by itself: call startConsentLog(consent, …) from "consent-gate/log" with the texts your interface shows.',
  'table-failed': 'could not build the cookie table:',
  'language-unsupported':
    '"language": "{language}" has no built-in locale (built in: {languages}), and "texts" for it do not provide every text (missing: {missing}); those show in "{shown}". Add the missing texts, or choose a built-in language.',
  'autoblock-late':
    'autoBlock: {host} came as HTML or through the parser, too late to stop. Write it inert (data-consent) or insert it with DOM methods:',
  'autoblock-unconfigured':
    'autoBlock: {vendor} ({host}) is in a category this site has not configured, so it stays blocked. Add the category, or list the host in a category\'s vendors[].domains.',
  'autoblock-unknown': 'autoBlock: third-party hosts that loaded and are in no category (declare them in vendors[].domains if they need consent):',
};

export type MessageCode = keyof typeof WORDING;

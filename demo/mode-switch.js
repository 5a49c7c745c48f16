// Demo only: ?mode=opt-out / ?mode=opt-in rewrites the config block before Consent Gate reads
// it (a real site renders the right config on the server); ?mode=reset forgets the decision.
(function () {
  var params = new URLSearchParams(location.search);
  var asked = params.get('mode');
  if (asked === 'reset') {
    document.cookie = 'consent_gate=; path=/; max-age=0';
    history.replaceState(null, '', location.pathname);
  } else if (asked === 'opt-in' || asked === 'opt-out') {
    sessionStorage.setItem('demo-mode', asked);
    history.replaceState(null, '', location.pathname);
  }
  var language = params.get('lang');
  if (language) sessionStorage.setItem('demo-lang', language);
  var mode = sessionStorage.getItem('demo-mode') || 'opt-in';
  var block = document.getElementById('consent-gate-config');
  var config = JSON.parse(block.textContent);
  config.mode = mode;
  if (sessionStorage.getItem('demo-lang')) config.language = sessionStorage.getItem('demo-lang');
  // ?layout=bar|box and ?position=top show the banner's other shapes (for the screenshots).
  if (params.get('layout')) config.layout = params.get('layout');
  if (params.get('position')) config.position = params.get('position');
  // A different mode is a different notice: ask again.
  config.revision = mode === 'opt-in' ? 1 : 2;
  block.textContent = JSON.stringify(config);
})();

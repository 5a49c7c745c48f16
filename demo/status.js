// Demo only: shows, live, which categories are allowed and which third-party requests happened.
(function () {
  var allowed = document.getElementById('status-allowed');
  var count = document.getElementById('status-count');
  var list = document.getElementById('status-requests');
  var mode = sessionStorage.getItem('demo-mode') || 'opt-in';
  document.querySelectorAll('[data-mode]').forEach(function (link) {
    if (link.getAttribute('data-mode') === mode) link.setAttribute('aria-current', 'true');
  });

  function showConsent(state) {
    if (!state) return;
    var ids = Object.keys(state.categories).filter(function (id) { return state.categories[id]; });
    allowed.textContent = ids.join(', ') + (state.decided ? ' (' + state.method + ')' : ' (no decision yet)');
  }
  if (window.consentGate) showConsent(window.consentGate.get());
  document.addEventListener('consent-gate:change', function (event) { showConsent(event.detail); });

  var records = document.getElementById('status-records');
  function showRecords() {
    var state = window.consentGate && window.consentGate.get();
    if (!records || !state || !state.id) return;
    fetch('/demo/records?id=' + encodeURIComponent(state.id), { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (stored) {
        records.textContent = stored.length + ' stored for consent id ' + state.id + ' (' +
          stored.map(function (record) { return record.method; }).join(', ') + ')';
      })
      .catch(function () {});
  }
  document.addEventListener('consent-gate:change', function () { setTimeout(showRecords, 500); });
  showRecords();

  var seen = 0;
  // This page view's id: its third-party URLs carry it, so the panel lists what this page loaded,
  // not what earlier page views (before "forget my choice", say) did.
  var pageView = document.querySelector('[data-page-view]').getAttribute('data-page-view');
  function poll() {
    // The demo server relays the third party's log, so this panel itself never calls the third party.
    fetch('/demo/requests?pv=' + encodeURIComponent(pageView), { cache: 'no-store' })
      .then(function (response) { return response.json(); })
      .then(function (log) {
        if (log.length === seen) return;
        seen = log.length;
        count.textContent = String(log.length);
        list.replaceChildren.apply(list, log.slice(-8).map(function (entry) {
          var item = document.createElement('li');
          item.textContent = new Date(entry.time).toLocaleTimeString() + ' ' + entry.path;
          return item;
        }));
      })
      .catch(function () {});
  }
  poll();
  setInterval(poll, 1000);
})();

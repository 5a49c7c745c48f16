// The npm API as an app uses it: the headless core, with the site's own controls.
import { createConsent } from 'consent-gate/headless';

const gate = createConsent({ revision: 1, categories: { social: {}, advertising: {} } });
const state = document.getElementById('state');
const social = document.getElementById('social');

function show(current) {
  state.textContent = JSON.stringify({ decided: current.decided, method: current.method, categories: current.categories });
  social.checked = current.categories.social;
}

gate.$consent.subscribe(show);
document.getElementById('accept').addEventListener('click', () => gate.acceptAll());
document.getElementById('reject').addEventListener('click', () => gate.rejectAll());
social.addEventListener('change', () => gate.set({ social: social.checked }));

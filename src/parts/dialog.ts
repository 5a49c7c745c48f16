/** Part `dialog`: the preferences dialog (Preact), loaded on first intent to open it. */
export { openPreferences } from '../ui/dialog/open';

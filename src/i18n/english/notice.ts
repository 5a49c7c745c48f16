/**
 * English texts of the reload notice (its part carries only these; `./later` includes them for
 * the dialog, whose close button shares `close`).
 */
const notice = {
  close: 'Close',
  reloadText: 'Reload the page to stop the features you switched off.',
  reload: 'Reload page',
};

export default notice;

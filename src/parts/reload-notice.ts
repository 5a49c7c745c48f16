/** Part `reload-notice`: the offer to reload after a withdrawal, loaded when one happens. */
export { createReloadNotice } from '../ui/reload-notice';

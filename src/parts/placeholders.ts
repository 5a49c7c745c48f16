/** Part `placeholders`: placeholders for blocked embeds, loaded when a page has one to show. */
export { createPlaceholders } from '../ui/placeholders';

/** Part `cookie-table`: the cookie declaration, loaded when a page has `data-consent-cookie-table`. */
export { renderCookieTables } from '../ui/cookie-table';

/**
 * The cookie table's CSS, shipped with the cookie-table part and adopted into the page (the
 * table lives in the page's light DOM, in the page's own styles). It only adds reflow: where the
 * table's container is narrower than 600 px, each cookie becomes a stacked card, every value
 * labelled with its column's heading, so nothing scrolls sideways (WCAG 1.4.10). Class names are
 * prefixed, so it touches nothing else on the page.
 */
export const COOKIE_TABLE_CSS = `
.consent-gate-cookies{container-type:inline-size}
@container (max-width:600px){
.consent-gate-cookie-table,.consent-gate-cookie-table tbody,.consent-gate-cookie-table tr,.consent-gate-cookie-table td{display:block;width:auto}
.consent-gate-cookie-table thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.consent-gate-cookie-table tr{padding:.5em 0;border-bottom:1px solid}
.consent-gate-cookie-table td{padding:.125em 0;border:0;overflow-wrap:anywhere}
.consent-gate-cookie-table td:empty{display:none}
.consent-gate-cookie-table td::before{content:attr(data-label) ": ";content:attr(data-label) ": " / "";font-weight:bold}
}
`;

/**
 * The banner's CSS, adopted into the banner's own shadow root (../banner). The banner element
 * and its words are in the page's light DOM, so page CSS reaches them; the rules on them
 * (`:host`, `::slotted`; the others too, for one simple rule) are all `!important`, and an
 * important declaration of a shadow tree wins over every important declaration of the page,
 * layered or not (CSS Cascade 5, "context"). `all` resets whatever this file does not set;
 * colours and the font come from the interface root (`.cg`, ./base), along the flat tree.
 *
 * Layouts: `bar` spans the viewport's width; `box` is a card of at most 400 px in the bottom (or
 * top) end corner. Up to 600 px wide both are a compact bar within 40 % of a 320×640 screen in
 * English: smaller type, the title run in, the two choices side by side and "Manage
 * preferences" below them.
 */

/**
 * The breakpoint between the box and the phones' bar, and the box's gap to the viewport's edges:
 * the shell reserves that gap in the scroll padding too (../scroll-padding).
 */
export const WIDE = '(min-width:601px)';
export const BOX_GAP = 16;

// Every declaration is made important (the `replace` at the end), so each one ends with `;`.
export const BANNER_CSS = `
:host{all:initial;display:block;position:fixed;z-index:2147483646;inset:auto 0 0;max-height:100%;overflow:auto;box-sizing:border-box;font:inherit;color:inherit;background:var(--bg);box-shadow:0 2px 16px rgba(0,0,0,.3);border-top:1px solid var(--border);padding:16px max(16px,env(safe-area-inset-left));}
:host(.top){inset:0 0 auto;border-width:0 0 1px;}
.in{max-width:960px;margin-inline:auto;}
.text{margin:0;}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px;}
::slotted(h2){all:unset;display:block;font-size:1.125em;font-weight:700;}
::slotted(span){all:unset;}
::slotted(a),::slotted(button:not([slot])){all:unset;color:var(--accent);text-decoration:underline;cursor:pointer;}
::slotted([slot=actions]){all:unset;box-sizing:border-box;flex:1 1 10em;min-height:44px;padding:8px 16px;text-align:center;font-weight:600;color:var(--on);background:var(--accent);border:2px solid var(--accent);border-radius:var(--radius);cursor:pointer;}
::slotted(.alt){color:var(--accent);background:var(--bg);}
::slotted(.link){flex:0 1 auto;color:var(--fg);background:0;border-color:transparent;font-weight:400;text-decoration:underline;}
::slotted(:focus-visible){outline:3px solid var(--focus);outline-offset:2px;}
@media (hover:hover){::slotted([slot=actions]:hover){text-decoration:underline;}}
@media ${WIDE}{:host(.box){inset:auto ${BOX_GAP}px ${BOX_GAP}px auto;inset-inline:auto ${BOX_GAP}px;width:400px;max-width:calc(100% - ${2 * BOX_GAP}px);max-height:calc(100% - ${2 * BOX_GAP}px);border:1px solid var(--border);border-radius:var(--radius);padding:16px;font-size:.9375em;}:host(.box.top){inset-block:${BOX_GAP}px auto;}}
@media (max-width:600px){:host{padding:10px 12px;}.in{font-size:.8125em;line-height:1.4;}.text{display:inline;}::slotted(h2){display:inline;font-size:1em;margin-inline-end:4px;}.actions{margin-top:8px;row-gap:4px;}::slotted([slot=actions]){flex-basis:40%;padding:8px;}::slotted(.alt){flex-basis:100%;}}
`.replace(/;/g, '!important;');

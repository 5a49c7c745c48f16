/**
 * The banner's CSS, adopted into the banner's own shadow root (../banner). The banner element
 * and its words are in the page's light DOM, so page CSS reaches them; the rules on them (`:host`
 * and `::slotted`) are all `!important`, and an important declaration of a shadow tree wins over
 * every important declaration of the page, layered or not (CSS Cascade 5, "context"). `all`
 * resets whatever this file does not set; colours and the font come from the interface root
 * (`.cg`, ./base), inherited along the flat tree.
 *
 * Layouts: `bar` spans the viewport's width; `box` is a card of at most 400 px in the bottom (or
 * top) end corner. Up to 600 px wide both are a compact bar within 40 % of a 320×640 screen in
 * English: smaller type, the title run in, the two choices side by side and "Manage
 * preferences" below them.
 */

/** Makes every declaration of a rule body (`a:b;c:d;`) important. */
const important = (body: string) => body.replace(/;/g, '!important;');

const HOST = important(
  'all:initial;display:block;position:fixed;z-index:2147483646;inset:auto 0 0;max-height:100%;overflow:auto;box-sizing:border-box;font:inherit;color:inherit;background:var(--bg);box-shadow:0 2px 16px rgba(0,0,0,.3);border-top:1px solid var(--border);padding:16px max(16px,env(safe-area-inset-left));',
);
const TOP = important('inset:0 0 auto;border-width:0 0 1px;');
// The card's gap to the viewport's edges is the host's padding, so the height the scroll padding
// reserves (../scroll-padding) includes it; the gap lets clicks through.
const BOX = important('inset:auto 0 0;inset-inline:auto 0;width:432px;max-width:100%;padding:0 16px 16px;background:none;border:0;box-shadow:none;overflow:visible;pointer-events:none;');
const CARD = 'font-size:.9375em;pointer-events:auto;max-height:calc(100vh - 16px);overflow:auto;max-width:none;padding:16px;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 2px 16px rgba(0,0,0,.3)';
const BUTTON = important(
  'all:unset;box-sizing:border-box;flex:1 1 10em;min-height:44px;padding:8px 16px;text-align:center;font-weight:600;color:var(--on);background:var(--accent);border:2px solid var(--accent);border-radius:var(--radius);cursor:pointer;',
);
const LINK = important('all:unset;color:var(--accent);text-decoration:underline;cursor:pointer;');
const FOCUS = important('outline:3px solid var(--focus);outline-offset:2px;');

export const BANNER_CSS = `
:host{${HOST}}
:host(.top){${TOP}}
.in{max-width:960px;margin-inline:auto}
.text{margin:0}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
::slotted(h2){${important('all:unset;display:block;font-size:1.125em;font-weight:700;')}}
::slotted(span){${important('all:unset;')}}
::slotted(a),::slotted(button:not([slot])){${LINK}}
::slotted([slot=actions]){${BUTTON}}
::slotted(.alt){${important('color:var(--accent);background:var(--bg);')}}
::slotted(.link){${important('flex:0 1 auto;color:var(--fg);background:0;border-color:transparent;font-weight:400;text-decoration:underline;')}}
::slotted(:focus-visible){${FOCUS}}
@media (hover:hover){::slotted([slot=actions]:hover){${important('text-decoration:underline;')}}}
@media (min-width:601px){:host(.box){${BOX}}:host(.box.top){${important('inset-block:0 auto;padding:16px 16px 0;')}}:host(.box) .in{${CARD}}}
@media (max-width:600px){:host{${important('padding:10px 12px;')}}.in{font-size:.8125em;line-height:1.4}.text{display:inline}::slotted(h2){${important('display:inline;font-size:1em;margin-inline-end:4px;')}}.actions{margin-top:8px;row-gap:4px}::slotted([slot=actions]){${important('flex-basis:40%;')}}::slotted(.alt){${important('flex-basis:100%;')}}}
`;

/**
 * The first view's CSS (banner, settings button), adopted into each shadow root. Theming
 * through `--cg-*` custom properties (documented in the README); dark mode by
 * `prefers-color-scheme` or `"theme": "dark"`; forced colours. Colours meet WCAG 2.2 AA: text
 * ≥ 4.5:1 (also `--on` on `--accent`, the filled buttons), borders ≥ 3:1, in both themes.
 * Every byte here is in every first view: the parts bring their own CSS.
 */
const LIGHT = '--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--muted:var(--cg-muted,#474747);--accent:var(--cg-accent,#1d4ed8);--on:var(--cg-on-accent,#fff);--border:var(--cg-border,#6b6b6b);--focus:var(--cg-focus,#1d4ed8)';
const DARK = '--bg:var(--cg-bg-dark,#1c1c1e);--fg:var(--cg-fg-dark,#f2f2f2);--muted:var(--cg-muted-dark,#c9c9c9);--accent:var(--cg-accent-dark,#93b4ff);--on:var(--cg-on-accent-dark,#1c1c1e);--border:var(--cg-border-dark,#a3a3a3);--focus:var(--cg-focus-dark,#93b4ff)';

/**
 * The settings button and what the shadow root shares with the parts: colours, buttons (filled
 * for choices of equal weight, outlined `.alt` for secondary actions), the `.actions` row. The
 * banner is a light-DOM child of the host with a shadow root and CSS of its own (./banner); it
 * inherits the colours and font of `.cg`, where the host's slot shows it. The reload notice
 * brings its own CSS (./notice).
 */
export const BASE_CSS = `
:host{all:initial;display:block}
.cg,.placeholder{${LIGHT};--radius:var(--cg-radius,8px);font:var(--cg-font,16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);-webkit-text-size-adjust:100%}
@media (prefers-color-scheme:dark){.cg[data-theme=auto],.placeholder[data-theme=auto]{${DARK}}}
.cg[data-theme=dark],.placeholder[data-theme=dark]{${DARK}}
*{box-sizing:border-box}
h2,p{margin:0}
a{color:var(--accent)}
button{font:inherit;font-weight:600;color:var(--on);background:var(--accent);border:2px solid var(--accent);border-radius:var(--radius);min-height:44px;padding:8px 16px;cursor:pointer;flex:1 1 10em}
@media (hover:hover){button:hover{text-decoration:underline}.settings:hover::after{display:block}}
.alt{color:var(--accent);background:var(--bg)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.settings{position:fixed;z-index:2147483646;bottom:12px;left:12px;width:48px;height:48px;padding:10px;border-radius:50%;background:var(--accent);box-shadow:0 2px 16px rgba(0,0,0,.3)}
.settings.right{left:auto;right:12px}
.settings::after{content:attr(aria-label);display:none;position:absolute;bottom:8px;left:calc(100% + 8px);padding:4px 8px;border-radius:4px;background:var(--fg);color:var(--bg);font-size:.875em;font-weight:400;white-space:nowrap}
.right::after{left:auto;right:calc(100% + 8px)}
.settings:focus-visible::after{display:block}
.settings[data-quiet]::after{display:none!important}
svg{display:block;width:24px;height:24px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

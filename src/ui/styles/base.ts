/**
 * The first view's CSS (banner, settings button, notices), adopted into each shadow root. Theming through `--cg-*` custom properties
 * (documented in the README); dark mode by `prefers-color-scheme` or `"theme": "dark"`; reduced
 * motion; forced colours. Colours meet WCAG 2.2 AA: text ≥ 4.5:1, borders ≥ 3:1, in both themes.
 */
const LIGHT = '--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--muted:var(--cg-muted,#474747);--accent:var(--cg-accent,#1d4ed8);--border:var(--cg-border,#6b6b6b);--focus:var(--cg-focus,#1d4ed8)';
const DARK = '--bg:var(--cg-bg-dark,#1c1c1e);--fg:var(--cg-fg-dark,#f2f2f2);--muted:var(--cg-muted-dark,#c9c9c9);--accent:var(--cg-accent-dark,#93b4ff);--border:var(--cg-border-dark,#a3a3a3);--focus:var(--cg-focus-dark,#93b4ff)';

/** The banner, the settings button, the reload notice and what they share with the parts. */
export const BASE_CSS = `
:host{all:initial;display:block}
.cg,.placeholder{${LIGHT};--radius:var(--cg-radius,8px);font:var(--cg-font,16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif);color:var(--fg);-webkit-text-size-adjust:100%}
@media (prefers-color-scheme:dark){.cg[data-theme=auto],.placeholder[data-theme=auto]{${DARK}}}
.cg[data-theme=dark],.placeholder[data-theme=dark]{${DARK}}
*{box-sizing:border-box}
h2,h3,p{margin:0}
a{color:var(--accent);text-decoration:underline}
button{font:inherit;color:var(--fg);background:var(--bg);border:2px solid var(--accent);border-radius:var(--radius);min-height:44px;padding:8px 16px;cursor:pointer;flex:1 1 11em}
button:hover{background:var(--accent);color:var(--bg)}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
button.link{flex:0 1 auto;border-color:transparent;text-decoration:underline}
button.link:hover{background:var(--bg);color:var(--fg)}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.banner{position:fixed;left:0;right:0;bottom:0;z-index:2147483646;max-height:80vh;overflow:auto;padding:16px max(16px,env(safe-area-inset-left));background:var(--bg);border-top:1px solid var(--border);box-shadow:0 -4px 16px rgba(0,0,0,.2)}
.banner.top{top:0;bottom:auto;border-top:0;border-bottom:1px solid var(--border)}
.banner>*{max-width:960px;margin-left:auto;margin-right:auto}
.title{font-size:1.125em;margin-bottom:4px}
.small{font-size:.875em}
.settings{position:fixed;bottom:12px;left:12px;z-index:2147483645;flex:none;min-height:40px;padding:6px 12px;font-size:.875em;box-shadow:0 2px 8px rgba(0,0,0,.25)}
[dir=rtl] .settings{left:auto;right:12px}
.notice{position:fixed;bottom:12px;right:12px;z-index:2147483646;max-width:min(360px,calc(100% - 24px));padding:12px 16px;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 4px 16px rgba(0,0,0,.25)}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.banner{padding:12px}.actions button{flex-basis:100%}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

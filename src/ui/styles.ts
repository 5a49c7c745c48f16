/**
 * The interface's CSS, adopted into each shadow root. Theming through `--cg-*` custom properties
 * (documented in the README); dark mode by `prefers-color-scheme` or `"theme": "dark"`; reduced
 * motion; forced colors keep the switch state visible by the thumb's position and system colours.
 * Colours meet WCAG 2.2 AA: text ≥ 4.5:1, borders and switch parts ≥ 3:1, in both themes.
 */
const LIGHT = '--bg:var(--cg-bg,#fff);--fg:var(--cg-fg,#1a1a1a);--muted:var(--cg-muted,#474747);--accent:var(--cg-accent,#1d4ed8);--border:var(--cg-border,#6b6b6b);--focus:var(--cg-focus,#1d4ed8)';
const DARK = '--bg:var(--cg-bg-dark,#1c1c1e);--fg:var(--cg-fg-dark,#f2f2f2);--muted:var(--cg-muted-dark,#c9c9c9);--accent:var(--cg-accent-dark,#93b4ff);--border:var(--cg-border-dark,#a3a3a3);--focus:var(--cg-focus-dark,#93b4ff)';

export const CSS = `
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
.dialog{width:calc(100% - 24px);max-width:640px;max-height:calc(100% - 24px);padding:0;border:1px solid var(--border);border-radius:var(--radius);background:var(--bg);color:var(--fg)}
.dialog[open]{display:flex;flex-direction:column}
.dialog::backdrop{background:rgba(0,0,0,.55)}
.dialog-head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 8px 8px 16px;border-bottom:1px solid var(--border)}
.dialog-head h2{font-size:1.25em}
.dialog-body{overflow:auto;padding:12px 16px}
.dialog>.actions{margin:0;padding:12px 16px;border-top:1px solid var(--border)}
.close{flex:0 0 auto;min-width:44px;padding:0;border-color:transparent;font-size:1.5em;line-height:1}
.categories{list-style:none;padding:0;margin:12px 0}
.category{border-top:1px solid var(--border);padding:12px 0}
.category-head{display:flex;align-items:center;justify-content:space-between;gap:12px}
.category-head h3{font-size:1em}
.category-text,.small{color:var(--muted);margin-top:4px}
.small{font-size:.875em}
.always{font-weight:600;white-space:nowrap}
.gpc{font-weight:600;border-left:4px solid var(--accent);padding-left:8px;margin-top:8px}
.details{margin-top:4px}
.details summary{cursor:pointer;min-height:24px;color:var(--accent)}
.details ul{margin:4px 0;padding-left:20px;color:var(--muted);overflow-wrap:anywhere}
.switch{position:relative;flex:0 0 auto;width:56px;height:32px;min-height:32px;padding:0;border-radius:16px;border-color:var(--border)}
.thumb{position:absolute;top:3px;left:3px;width:22px;height:22px;border-radius:50%;background:var(--border);transition:transform .15s}
.switch[aria-checked=true],.switch[aria-checked=true]:hover{background:var(--accent);border-color:var(--accent)}
.switch[aria-checked=true] .thumb{transform:translateX(24px);background:var(--bg)}
[dir=rtl] .thumb{left:auto;right:3px}
[dir=rtl] .switch[aria-checked=true] .thumb{transform:translateX(-24px)}
.settings{position:fixed;bottom:12px;left:12px;z-index:2147483645;flex:none;min-height:40px;padding:6px 12px;font-size:.875em;box-shadow:0 2px 8px rgba(0,0,0,.25)}
[dir=rtl] .settings{left:auto;right:12px}
.notice{position:fixed;bottom:12px;right:12px;z-index:2147483646;max-width:min(360px,calc(100% - 24px));padding:12px 16px;background:var(--bg);border:1px solid var(--border);border-radius:var(--radius);box-shadow:0 4px 16px rgba(0,0,0,.25)}
.placeholder{display:flex;flex-direction:column;justify-content:center;gap:4px;height:100%;min-height:inherit;padding:16px;background:var(--bg);border:1px dashed var(--border);border-radius:var(--radius)}
.placeholder .actions{margin-top:8px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.banner{padding:12px}.actions button{flex-basis:100%}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
@media (forced-colors:active){.switch{forced-color-adjust:none;background:Canvas;border-color:ButtonText}.thumb{background:ButtonText}.switch[aria-checked=true],.switch[aria-checked=true]:hover{background:Highlight;border-color:Highlight}.switch[aria-checked=true] .thumb{background:HighlightText}}
`;

/** Styles for a shadow root: a constructable sheet where supported (no inline style to allow under CSP), else a `<style>`. */
export function styleAdopter(document: Document, nonce?: string): (root: ShadowRoot) => void {
  const view = document.defaultView!;
  let sheet: CSSStyleSheet | undefined;
  try {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(CSS);
  } catch {
    sheet = undefined;
  }
  return (root) => {
    if (sheet && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = [sheet];
      return;
    }
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = CSS;
    root.append(style);
  };
}

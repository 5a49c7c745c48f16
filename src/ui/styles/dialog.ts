/**
 * The preferences dialog's CSS, shipped with the dialog part (on top of the base CSS). Light:
 * categories are soft cards rather than grey rules; the dialog is lifted by a shadow, with a
 * transparent border that forced colours turn into a visible one.
 */
export const DIALOG_CSS = `
.dialog{width:calc(100% - 24px);max-width:640px;max-height:calc(100% - 24px);padding:0;border:1px solid transparent;border-radius:calc(var(--radius) * 1.5);background:var(--bg);color:var(--fg);box-shadow:0 12px 48px rgba(0,0,0,.35)}
.dialog[open]{display:flex;flex-direction:column}
.dialog::backdrop{background:rgba(0,0,0,.55)}
.dialog-head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 12px 4px 20px}
.dialog-head h2{font-size:1.25em}
.dialog-body{overflow:auto;padding:4px 20px}
.dialog>.actions{margin:0;padding:12px 20px 20px}
.close{flex:0 0 auto;min-width:44px;padding:0;color:var(--fg);background:0;border-color:transparent;font-size:1.5em;line-height:1}
.categories{list-style:none;padding:0;margin:12px 0}
.category{margin:8px 0;padding:12px 16px;border-radius:var(--radius);background:color-mix(in srgb,var(--fg) 6%,var(--bg))}
.category-head{display:flex;align-items:center;justify-content:space-between;gap:12px}
.category-head h3{font-size:1em;margin:0}
.category-text,.small{color:var(--muted);margin-top:4px}
.small{font-size:.875em;margin-bottom:8px}
.always{font-weight:600;white-space:nowrap}
.gpc{font-weight:600;border-inline-start:4px solid var(--accent);padding-inline-start:8px;margin-top:8px}
.details{margin-top:4px}
.details summary{cursor:pointer;min-height:24px;color:var(--accent)}
.details ul{margin:4px 0;padding-inline-start:20px;color:var(--muted);overflow-wrap:anywhere}
.switch{position:relative;flex:0 0 auto;width:56px;height:32px;min-height:32px;padding:0;border-radius:16px;background:var(--bg);border-color:var(--border)}
.thumb{position:absolute;top:3px;left:3px;width:22px;height:22px;border-radius:50%;background:var(--border);transition:transform .15s}
.switch[aria-checked=true]{background:var(--accent);border-color:var(--accent)}
.switch[aria-checked=true] .thumb{transform:translateX(24px);background:var(--bg)}
[dir=rtl] .thumb{left:auto;right:3px}
[dir=rtl] .switch[aria-checked=true] .thumb{transform:translateX(-24px)}
@media (forced-colors:active){.switch{forced-color-adjust:none;background:Canvas;border-color:ButtonText}.thumb{background:ButtonText}.switch[aria-checked=true]{background:Highlight;border-color:Highlight}.switch[aria-checked=true] .thumb{background:HighlightText}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

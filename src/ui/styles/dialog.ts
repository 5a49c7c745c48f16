/** The preferences dialog's CSS, shipped with the dialog part (on top of the base CSS). */
export const DIALOG_CSS = `
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
@media (forced-colors:active){.switch{forced-color-adjust:none;background:Canvas;border-color:ButtonText}.thumb{background:ButtonText}.switch[aria-checked=true],.switch[aria-checked=true]:hover{background:Highlight;border-color:Highlight}.switch[aria-checked=true] .thumb{background:HighlightText}}
`;

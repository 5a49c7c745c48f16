/**
 * The preferences dialog's CSS, shipped with the dialog part (on top of the base CSS). Light:
 * categories are soft cards rather than grey rules; the dialog is lifted by a shadow, with a
 * transparent border that forced colours turn into a visible one. "Accept all" and "Reject all" are
 * the same filled buttons, kept apart from Save in a pair of their own, so they are either side by
 * side as two equal halves or stacked at full width, never one of each (11 CCR §7004);
 * "Save choices" is outlined (`.alt`), as "Manage preferences" is in the banner, in the same place:
 * it saves the switches, a different kind of act. A switch is enabled in both states (WCAG 1.4.11:
 * track and thumb ≥ 3:1 against the card): off is a dark outline with a small dark thumb at the
 * start, on is filled with a large thumb carrying a check mark at the end, so the state shows
 * without colour (1.4.1).
 */
export const DIALOG_CSS = `
.dialog{width:calc(100% - 24px);max-width:640px;max-height:calc(100% - 24px);padding:0;border:1px solid transparent;border-radius:calc(var(--radius) * 1.5);background:var(--bg);color:var(--fg);box-shadow:0 12px 48px rgba(0,0,0,.35)}
.dialog[open]{display:flex;flex-direction:column}
.dialog::backdrop{background:rgba(0,0,0,.55)}
.dialog-head{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:12px 12px 4px 20px}
.dialog-head h2{font-size:1.25em}
.dialog-body{overflow:auto;padding:4px 20px}
.dialog>.actions{margin:0;padding:12px 20px 20px}
.pair{display:flex;flex-wrap:wrap;gap:8px;flex:2 1 20em}
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
.switch{position:relative;flex:0 0 auto;width:56px;height:32px;min-height:32px;padding:0;border-radius:16px;background:var(--bg);border-color:var(--muted)}
.thumb{position:absolute;top:6px;inset-inline-start:6px;width:16px;height:16px;border-radius:50%;background:var(--muted);transition:.15s}
.switch[aria-checked=true]{background:var(--accent);border-color:var(--accent)}
.switch[aria-checked=true] .thumb{top:3px;inset-inline-start:27px;width:22px;height:22px;background:var(--bg)}
.switch[aria-checked=true] .thumb::after{content:"";position:absolute;left:8px;top:4px;width:6px;height:11px;border:solid var(--accent);border-width:0 2px 2px 0;transform:rotate(45deg)}
@media (hover:hover){.switch:hover{box-shadow:0 0 0 3px color-mix(in srgb,var(--accent) 25%,transparent)}}
@media (forced-colors:active){.switch{forced-color-adjust:none;background:Canvas;border-color:ButtonText}.thumb{background:ButtonText}.switch[aria-checked=true]{background:Highlight;border-color:Highlight}.switch[aria-checked=true] .thumb{background:HighlightText}.thumb::after{border-color:Highlight!important}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

/**
 * Placeholders' CSS, shipped with the placeholders part (on top of the base CSS): a soft card
 * the size of the embed, centred, with an icon, the question and the two actions; for a small
 * widget, its one button alone (WCAG 2.5.8's 24 px target, no taller than a 28 px like button).
 */
export const PLACEHOLDER_CSS = `
.placeholder{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:4px;height:100%;min-height:inherit;padding:16px;text-align:center;background:var(--bg);background:color-mix(in srgb,var(--accent) 8%,var(--bg));border:1px solid var(--border);border-radius:var(--radius)}
.placeholder svg{width:32px;height:32px;color:var(--accent)}
.vendor{font-weight:700;font-size:1.125em}
.placeholder .actions{justify-content:center;width:100%;max-width:28em;margin-top:8px}
.placeholder button{flex-basis:12em}
.compact{flex:1;padding:0;background:0;border:0}
.compact button{flex:0 1 auto;min-height:24px;padding:2px 10px;font-size:.875em;line-height:1.25}
`;

/** Placeholders' CSS, shipped with the placeholders part (on top of the base CSS). */
export const PLACEHOLDER_CSS = `
.placeholder{display:flex;flex-direction:column;justify-content:center;gap:4px;height:100%;min-height:inherit;padding:16px;background:var(--bg);border:1px dashed var(--border);border-radius:var(--radius)}
.placeholder .actions{margin-top:8px}
`;

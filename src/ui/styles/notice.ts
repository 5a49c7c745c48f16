/**
 * The reload notice's CSS, adopted with the `reload-notice` part. It sits above the settings
 * button, or at the other edge from a banner (`data-banner` on the root says where one is), so
 * no two pieces overlap; buttons, colours and the `.actions` row come from the base CSS.
 */
export const NOTICE_CSS = `
.notice{position:fixed;z-index:2147483646;bottom:72px;left:12px;right:12px;max-width:360px;padding:12px 16px;background:var(--bg);box-shadow:0 2px 16px rgba(0,0,0,.3);border:1px solid var(--border);border-radius:var(--radius)}
[data-banner=bottom] .notice{top:12px;bottom:auto}
`;

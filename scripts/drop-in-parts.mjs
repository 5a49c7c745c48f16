/**
 * Parts that only some script-tag builds list: the others' main files do not carry their names
 * or hashes (and do not grow), and the size check leaves them out of the default script tag's
 * files. Shared by scripts/build-script-tag.mjs and scripts/size.mjs.
 */
export const DROP_IN_PARTS = { 'autoblock-report': ['consent-gate.autoblock', 'consent-gate.full'] };

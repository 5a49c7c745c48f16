/**
 * The esbuild options of every script-tag bundle: the build (scripts/build-script-tag.mjs) and the
 * size check's measurement of the vendor catalogue (scripts/size.mjs) bundle the same way.
 */
export function scriptTagOptions(root, version) {
  return {
    bundle: true,
    minify: true,
    write: false,
    target: 'es2020',
    format: 'iife',
    legalComments: 'none',
    // nanostores and our dev-only branches read process.env.NODE_ENV; the browser has no `process`.
    define: { 'process.env.NODE_ENV': '"production"', __CONSENT_GATE_VERSION__: JSON.stringify(version) },
    absWorkingDir: root,
  };
}

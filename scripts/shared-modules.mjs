/**
 * Parts borrow code from the main file instead of carrying a copy (src/script-tag/shared.ts).
 * This esbuild plugin, used when building a part, replaces each module that shared.ts imports
 * from with a module that reads the shared names from `consentGatePart.shared` and re-exports
 * the module's other names from the real file (bundled into the part as usual).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const SHARED_FILE = 'src/script-tag/shared.ts';

/** Module file → the names shared.ts imports from it, read from its `import { … } from '…'` lines. */
export function sharedNames(root) {
  const source = readFileSync(path.join(root, SHARED_FILE), 'utf8');
  const modules = new Map();
  for (const [, names, from] of source.matchAll(/^import \{([^}]+)\} from '([^']+)';$/gm)) {
    const file = path.resolve(path.dirname(path.join(root, SHARED_FILE)), `${from}.ts`);
    modules.set(file, names.split(',').map((name) => name.trim()));
  }
  if (modules.size === 0) throw new Error(`${SHARED_FILE}: no "import { … } from '…';" lines found`);
  return modules;
}

/** Every runtime export of a module (types are erased), from esbuild's own reading of it. */
export async function moduleExports(file) {
  const result = await build({ entryPoints: [file], bundle: false, write: false, format: 'esm', metafile: true, logLevel: 'silent' });
  return Object.values(result.metafile.outputs)[0].exports;
}

/** The esbuild plugin for part builds. */
export function sharedModulesPlugin(root) {
  const modules = sharedNames(root);
  // Several parts import the same module: read its exports once per build.
  const exported = new Map();
  const exportsOnce = (file) => {
    if (!exported.has(file)) exported.set(file, moduleExports(file));
    return exported.get(file);
  };
  return {
    name: 'consent-gate-shared-modules',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, async (args) => {
        // The lookup just below comes back through this hook: let esbuild resolve it as usual.
        if (args.pluginData === 'real') return undefined;
        const resolved = await builder.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'real' });
        if (resolved.errors.length > 0 || !modules.has(resolved.path)) return undefined;
        return { path: resolved.path, namespace: 'shared' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'shared' }, async (args) => {
        const shared = modules.get(args.path);
        const others = (await exportsOnce(args.path)).filter((name) => !shared.includes(name));
        const lines = [
          'const shared = self.consentGatePart.shared;',
          ...shared.map((name) => `export const ${name} = shared.${name};`),
          others.length > 0 ? `export { ${others.join(', ')} } from ${JSON.stringify(args.path)};` : '',
        ];
        // The real file is named by its absolute path, which this plugin's filter (/^\./) lets through.
        return { contents: lines.join('\n'), loader: 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

import type { Plugin } from 'esbuild';

/** Module file → the names src/script-tag/shared.ts imports from it. */
export function sharedNames(root: string): Map<string, string[]>;
/** Every runtime export of a module (types are erased). */
export function moduleExports(file: string): Promise<string[]>;
/** The esbuild plugin that makes a part read those names from `consentGatePart.shared`. */
export function sharedModulesPlugin(root: string): Plugin;

/**
 * The Node tools' dependencies are optional peer dependencies: a browser project's `npm install
 * consent-gate` does not pull them. When some are missing, say which command installs all of them
 * at once, before the command has written anything.
 */

/** Names in words: `a`, `a and b`, `a, b and c`. */
function listOf(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Peer dependencies the requested feature needs are not installed. */
export class MissingDependencyError extends Error {
  override readonly name = 'MissingDependencyError';
  /** Machine-readable code, stable for callers. */
  readonly code = 'missing_dependency';

  constructor(
    /** The npm packages to install. */
    readonly packages: readonly string[],
    /** What needs them, e.g. "the embedded store". */
    readonly purpose: string,
  ) {
    super(`${purpose} needs ${listOf(packages)}, which ${packages.length === 1 ? 'is' : 'are'} not installed. Run: npm install ${packages.join(' ')}`);
  }
}

function isModuleNotFound(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return error.message.includes(name);
}

/**
 * Loads an optional peer dependency. `load` must be a literal `import('name')` so bundlers keep
 * it as an external import.
 * @throws {MissingDependencyError} naming the install command when the package is missing.
 */
export async function importOptional<T>(name: string, load: () => Promise<T>, purpose: string, installWith: readonly string[] = [name]): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isModuleNotFound(error, name)) throw new MissingDependencyError(installWith, purpose);
    throw error;
  }
}

/** One optional peer dependency: its npm name and a literal `import('name')`. */
export interface OptionalDependency<T = unknown> {
  name: string;
  load: () => Promise<T>;
}

/**
 * Loads several optional peer dependencies at once, so a person who lacks three learns about all
 * three from one message (and one `npm install`), not one per run. Call it before the command
 * writes anything (a data directory, a report), so a failed run leaves nothing behind.
 * @throws {MissingDependencyError} naming every missing package, in the order given.
 * @example
 * const [pglite, ajv] = await importOptionals([
 *   { name: '@electric-sql/pglite', load: () => import('@electric-sql/pglite') },
 *   { name: 'ajv', load: () => import('ajv') },
 * ], 'consent-gate records serve');
 */
export async function importOptionals<const T extends readonly OptionalDependency[]>(
  dependencies: T,
  purpose: string,
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]['load']>> }> {
  const settled = await Promise.allSettled(dependencies.map((dependency) => dependency.load()));
  const missing: string[] = [];
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    const { name } = dependencies[i]!;
    if (!isModuleNotFound(result.reason, name)) throw result.reason;
    missing.push(name);
  });
  if (missing.length) throw new MissingDependencyError(missing, purpose);
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as never;
}

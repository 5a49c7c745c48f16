/**
 * The Node tools' dependencies are optional peer dependencies (contract section 11): a browser
 * project's `npm install consent-gate` does not pull them. When one is missing, say which
 * command installs it instead of surfacing the loader's error.
 */

/** A peer dependency the requested feature needs is not installed. */
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
    super(`${purpose} needs ${packages.join(' and ')}, which ${packages.length === 1 ? 'is' : 'are'} not installed. Run: npm install ${packages.join(' ')}`);
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

/** An optional peer dependency and its loader (a literal `import('name')`). */
export interface OptionalPackage {
  name: string;
  load: () => Promise<unknown>;
}

/**
 * Checks that every package `purpose` needs is installed, before any work starts, so that the
 * message names all the missing ones at once.
 * @throws {MissingDependencyError} naming every missing package and the one install command.
 */
export async function requireAll(purpose: string, packages: readonly OptionalPackage[]): Promise<void> {
  const missing: string[] = [];
  for (const { name, load } of packages) {
    try {
      await load();
    } catch (error) {
      if (!isModuleNotFound(error, name)) throw error;
      missing.push(name);
    }
  }
  if (missing.length) throw new MissingDependencyError(missing, purpose);
}

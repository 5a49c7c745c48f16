// The README as a newcomer reads it: tables that render as tables, a configuration table that
// lists every key, claims that match the code and the package, and Node versions that match
// what the dependencies ask for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../src/config/checks';

const root = path.resolve(__dirname, '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The README's lines outside fenced code blocks, with their line numbers. */
function proseLines(): Array<{ number: number; text: string }> {
  let fenced = false;
  return readme.split('\n').flatMap((text, index) => {
    if (text.startsWith('```')) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ number: index + 1, text }];
  });
}

/** The text of a `## ` section, up to the next one. */
function section(title: string): string {
  const start = readme.indexOf(`\n## ${title}\n`);
  expect(start, title).toBeGreaterThan(-1);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** `20.19` → [20, 19, 0]. */
function version(text: string): number[] {
  const parts = text.split('.').map(Number);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0];
}

function compare(a: number[], b: number[]): number {
  return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
}

/** Whether `node` satisfies an engines range of the forms packages use: `^20.19.0 || >=22.12`, `>= 18`. */
function satisfies(node: string, range: string): boolean {
  return range.split('||').some((part) => {
    const match = /^(\^|>=)\s*([\d.]+)$/.exec(part.trim());
    if (!match) throw new Error(`unexpected engines range "${range}"`);
    const [wanted, have] = [version(match[2]!), version(node)];
    return compare(have, wanted) >= 0 && (match[1] === '>=' || have[0] === wanted[0]);
  });
}

function installed(name: string): { version: string; engines?: { node?: string } } {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string; engines?: { node?: string } };
}

describe('the README', () => {
  it('ends every table before the next paragraph or list (a line right after a table renders as one more row)', () => {
    const lines = proseLines();
    const glued = lines.filter((line, i) => i > 0 && lines[i - 1]!.text.startsWith('|') && lines[i - 1]!.number === line.number - 1 && line.text.trim() !== '' && !line.text.startsWith('|'));
    expect(glued.map((line) => `line ${line.number}: ${line.text}`)).toEqual([]);
  });

  it('lists every top-level config key in the configuration table, those of the feature builds included', () => {
    const known = checkConfig({ '?': 1 })[0]!.detail as string[];
    const rows = section('Configuration')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => /^\| `([^`.]+)`/.exec(line)?.[1]);
    for (const key of [...known, 'googleConsentMode', 'autoBlock']) expect(rows, key).toContain(key);
  });

  it('does not say automatic blocking is missing: it is built (the autoblock build)', () => {
    expect(section('What it is not')).not.toMatch(/Automatic blocking[^.]*not built/);
  });

  it('names no version of the package newer than this one', () => {
    // "since 0.2" in a 0.1.0 package tells a reader of features from a release that does not exist.
    const newer = [...readme.matchAll(/\bsince (?:v|version )?(\d+\.\d+(?:\.\d+)?)\b/g)]
      .map((match) => match[1]!)
      .filter((named) => compare(version(named), version(manifest.version)) > 0);
    expect(newer).toEqual([]);
  });

  it('states the Node versions the dependencies ask for: each one\'s range admits the stated minimum', () => {
    const develop = /On a fresh machine with Node\.js (\d+\.\d+) or newer \(to develop; the package itself needs (\d+\.\d+)/.exec(readme);
    expect(develop).not.toBeNull();
    const [developing, using] = [develop![1]!, develop![2]!];
    expect(manifest.engines.node).toBe(`>=${using}`);
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      const range = installed(name).engines?.node;
      if (range) expect(satisfies(developing, range), `${name} (${range}) on Node ${developing}`).toBe(true);
    }
    for (const name of Object.keys(manifest.dependencies)) {
      const range = installed(name).engines?.node;
      if (range) expect(satisfies(using, range), `${name} (${range}) on Node ${using}`).toBe(true);
    }
  });

  it('keeps its table of the dependencies\' Node ranges equal to what is installed', () => {
    const rows = new Map(
      section('Development')
        .split('\n')
        .map((line) => /^\| ([@\w/.-]+)(?: \([^)]*\))? \| ([\d.]+) \| (.+) \|$/.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map(([, name, version, range]) => [name!, { version: version!, range: range!.replace(/`/g, '').replace(/\\\|/g, '|') }]),
    );
    for (const name of Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) {
      const { version, engines } = installed(name);
      if (!engines?.node && !rows.has(name)) continue;
      expect(rows.get(name), name).toEqual({ version, range: engines?.node ?? 'any' });
    }
  });
});

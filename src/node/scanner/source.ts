/**
 * The page's HTML source as served: where its inline scripts are, so that a request a script
 * made can be traced to the `<script>` block whose line and column DevTools reports.
 */
import type { TagRef } from './types.js';

/** An inline `<script>` block of the source. */
export interface InlineScript {
  /** The start tag's attributes, as written. */
  attributes: Array<[string, string]>;
  /** The script's text, exactly as in the source. */
  text: string;
  /** Offset of the text's first character in the source. */
  start: number;
  /** Offset just past the text's last character. */
  end: number;
  /** 1-based line of the start tag. */
  line: number;
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references that occur in attribute values of real pages. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** The attributes of a start tag's inside (`async src="x.js"`), names lower-cased. */
export function parseAttributes(inside: string): Array<[string, string]> {
  const list: Array<[string, string]> = [];
  for (const match of inside.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    if (list.some(([seen]) => seen === name)) continue; // the HTML parser keeps the first
    list.push([name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? '')]);
  }
  return list;
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = source.indexOf('\n'); i >= 0 && i < offset; i = source.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Every inline script of an HTML source (comments skipped). A `<script>` with `src` is not
 * inline: its text, if any, never runs.
 */
export function inlineScripts(source: string): InlineScript[] {
  const scripts: InlineScript[] = [];
  const pattern = /<!--[\s\S]*?-->|<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const match of source.matchAll(pattern)) {
    if (match[0].startsWith('<!--')) continue;
    const attributes = parseAttributes(match[1] ?? '');
    if (attributes.some(([name]) => name === 'src')) continue;
    const start = match.index + match[0].indexOf('>') + 1;
    scripts.push({ attributes, text: match[2]!, start, end: start + match[2]!.length, line: lineAt(source, match.index) });
  }
  return scripts;
}

/** Offset in `source` of a 0-based line and column, as DevTools reports positions. */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) {
    const next = source.indexOf('\n', offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  return offset + column;
}

/** The inline script at a DevTools position of the source, as a tag reference. */
export function inlineScriptAt(source: string, scripts: readonly InlineScript[], line: number, column: number): TagRef | undefined {
  const offset = offsetOf(source, line, column);
  const script = scripts.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  return script && { kind: 'inline-script', attributes: script.attributes, text: script.text, line: script.line };
}

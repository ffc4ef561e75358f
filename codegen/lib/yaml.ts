/**
 * openapi.yaml's text: what Redocly's stringifyYaml (js-yaml's `dump` with
 * `{ noRefs: true, lineWidth: -1 }`, as `redocly bundle` writes) gives for a
 * bundled document, byte for byte, written straight from the plain data.
 *
 * js-yaml 5 first builds a YAML syntax tree of the whole document and then
 * prints it, testing every scalar against the YAML grammar's regular
 * expressions. Here the block structure (mappings, sequences, indentation) is
 * written directly, strings that are plainly safe (a conservative test below)
 * are written as they are, and every other scalar is printed by js-yaml's own
 * presenter, one at a time, so quoting and block scalars stay js-yaml's.
 * Anything this writer does not handle (a key that needs YAML's explicit `? `
 * form) makes it hand the whole document to js-yaml.
 * test/unit/yaml.test.ts compares both on every spec the tests hold.
 */
import { DUMP_SCHEMA, dump } from 'js-yaml';

type Data = null | boolean | number | string | Data[] | { [key: string]: Data };

const OPTIONS = { noRefs: true, lineWidth: -1 } as const;

/** `dump(document, { noRefs: true, lineWidth: -1 })`, faster and without a syntax tree. */
export function stringifyYaml(document: unknown): string {
  if (document === null || typeof document !== 'object' || Array.isArray(document) || !isBlockCollection(document as Data)) return dump(document, OPTIONS);
  try {
    const out: string[] = [];
    openEnded = false;
    writeMapping(out, document as Record<string, Data>, 0, true);
    // js-yaml ends a document whose last scalar keeps its final line breaks with `...`.
    return `${out.join('')}\n${openEnded ? '...\n' : ''}`;
  } catch (error) {
    if (error !== UNSUPPORTED) throw error;
    return dump(document, OPTIONS);
  } finally {
    KEYS.clear();
    SHORT_VALUES.clear();
  }
}

const UNSUPPORTED = Symbol('unsupported');

/** Whether the last scalar written was a block keeping two or more final line breaks (js-yaml's `openEnded`). */
let openEnded = false;

/** `\n` and the indentation of `level` (two spaces a level), as js-yaml's generateNextLine. */
const LINES: string[] = [];
const lineAt = (level: number) => (LINES[level] ??= `\n${'  '.repeat(level)}`);

/** A block mapping at `level`; `compact`: its first pair continues the current line. */
function writeMapping(out: string[], map: Record<string, Data>, level: number, compact: boolean): void {
  let first = true;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    if (!first || !compact) out.push(lineAt(level));
    first = false;
    out.push(keyText(key), ':');
    writeValue(out, value, level + 1);
  }
}

/** A block sequence at `level` (js-yaml indents sequences under their key). */
function writeSequence(out: string[], list: Data[], level: number, compact: boolean): void {
  for (let i = 0; i < list.length; i++) {
    if (i > 0 || !compact) out.push(lineAt(level));
    const item = list[i] === undefined ? null : list[i]!;
    if (isBlockCollection(item)) {
      out.push('- ');
      if (Array.isArray(item)) writeSequence(out, item, level + 1, true);
      else writeMapping(out, item as Record<string, Data>, level + 1, true);
    } else {
      const text = scalarText(item, level + 1);
      out.push(text === '' || text.charCodeAt(0) === 10 ? '-' : '- ', text);
    }
  }
}

/** What follows `key:` for a value at `level`: a space and a scalar or flow collection, or a nested block. */
function writeValue(out: string[], value: Data, level: number): void {
  if (isBlockCollection(value)) {
    if (Array.isArray(value)) writeSequence(out, value, level, false);
    else writeMapping(out, value as Record<string, Data>, level, false);
    return;
  }
  const text = scalarText(value, level);
  out.push(text === '' || text.charCodeAt(0) === 10 ? '' : ' ', text);
}

function isBlockCollection(value: Data): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Array.isArray(value) ? value.length > 0 : Object.keys(value).some((k) => value[k] !== undefined);
}

/**
 * How js-yaml writes a string, where that is certain from a few cheap tests
 * (its rules: js-yaml's scalar styler, `DEFAULT_SCALAR_STYLE_RULES`):
 * - one line, printable, starting with a letter, a digit or `_/$(`, without
 *   `: `, ` #`, a trailing `:` or space, and read back as a string (not a
 *   boolean, null, number or date): plain;
 * - one line, printable, certainly not plain (an indicator first, `: ` or
 *   ` #` inside, a space at either end, read back as another type): single
 *   quotes, `'` doubled;
 * - several lines, printable, not only white space: a literal block (`|`)
 *   with js-yaml's indentation indicator and chomping.
 * Anything else (tabs and other characters js-yaml escapes, lone surrogates,
 * …) returns undefined: js-yaml's own presenter prints it.
 */
const PRINTABLE_LINE = /^[\x20-\x7E\u00A1-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
const PRINTABLE_LINES = /^[\n\x20-\x7E\u00A1-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD]*$/;
const PLAIN_FIRST = /^[A-Za-z0-9_/$(]/;
const NEVER_PLAIN = /^(?:[,[\]{}#&*!|>'"%@`]|[-?:](?: |$))|: | #|:$|^ | $|^=$|^$/;
const STR_TAG = 'tag:yaml.org,2002:str';

function stringText(text: string, level: number): string | undefined {
  openEnded = false;
  if (!text.includes('\n')) {
    if (!PRINTABLE_LINE.test(text) || /^\s+$/.test(text)) return undefined;
    const readBack = DUMP_SCHEMA.resolveImplicitScalarTag(text).tag.tagName;
    if (readBack !== STR_TAG || NEVER_PLAIN.test(text)) return `'${text.replace(/'/g, "''")}'`;
    return PLAIN_FIRST.test(text) ? text : undefined;
  }
  if (!PRINTABLE_LINES.test(text) || /^\s+$/.test(text)) return undefined;
  // js-yaml's renderLiteralBlock: the header, then every non-empty line indented to the content's level.
  const indicator = /^\n* /.test(text) ? '2' : '';
  const last = text.endsWith('\n');
  const chomping = last && (text[text.length - 2] === '\n' || text === '\n') ? '+' : last ? '' : '-';
  const pad = '  '.repeat(level);
  const body = text.replace(/^(?=[^\n])/gm, pad);
  openEnded = text === '\n' || text.endsWith('\n\n');
  return `|${indicator}${chomping}\n${last ? body.slice(0, -1) : body}`;
}

/** Keys repeat (`type`, `description`, …): each is tested once per document. */
const KEYS = new Map<string, string>();

function keyText(key: string): string {
  let text = KEYS.get(key);
  if (text === undefined) KEYS.set(key, (text = keyTextOf(key)));
  return text;
}

function keyTextOf(key: string): string {
  // js-yaml writes a key with a line break, or over 1024 characters, in the explicit form (`? key`).
  if (key.includes('\n') || key.length > 1024) throw UNSUPPORTED;
  const text = stringText(key, 1);
  if (text !== undefined) return text;
  // Printed as the key of a one-pair mapping: `<key>: null`.
  const printed = dump({ [key]: null }, OPTIONS);
  if (!printed.endsWith(': null\n') || printed.startsWith('?')) throw UNSUPPORTED;
  return printed.slice(0, -': null\n'.length);
}

/** One-line strings up to this length are remembered with their text (it does not depend on the level). */
const SHORT = 48;
const SHORT_VALUES = new Map<string, string>();

function scalarText(value: Data, level: number): string {
  openEnded = false;
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return Array.isArray(value) ? '[]' : '{}';
  if (typeof value === 'string') {
    // Short one-line values repeat (`string`, `object`, formats, enum members): each is tested once.
    const short = value.length <= SHORT && !value.includes('\n');
    const known = short ? SHORT_VALUES.get(value) : undefined;
    if (known !== undefined) return known;
    const text = stringText(value, level);
    if (text !== undefined) {
      if (short) SHORT_VALUES.set(value, text);
      return text;
    }
  }
  // js-yaml's int and float tags write a finite number without an exponent as JavaScript does.
  if (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0) && !String(value).includes('e')) return String(value);
  // Printed as the value of `k:` (level 1), then indented for `level`: only a block scalar's lines depend on it.
  const printed = dump({ k: value }, OPTIONS);
  // A keep-chomped block at the end of a document is followed by js-yaml's `...`: a continuing document has none.
  if (printed.endsWith('\n...\n')) throw UNSUPPORTED;
  if (!printed.startsWith('k:') || !printed.endsWith('\n')) throw UNSUPPORTED;
  const body = printed.slice(printed.charCodeAt(2) === 32 ? 3 : 2, -1);
  if ((body.startsWith('|') || body.startsWith('>')) && level > 1) return body.replace(/\n(?!\n|$)/g, `\n${'  '.repeat(level - 1)}`);
  return body;
}

/**
 * Line and column of a JSON pointer in a JSON text, the way Redocly's
 * getLineColLocation reports it, without parsing the whole file into a YAML
 * AST (yaml-ast-parser takes 0.3–0.5 s on a 2.4 MB spec, and lint warnings on
 * the vendors' specs need positions for hundreds of pointers).
 *
 * Same rules as Redocly's getAstNodeByPointer: follow the pointer's segments
 * through objects (first matching key) and arrays (parseInt index) as far as
 * they exist; report the value reached, or with `reportOnKey` its key when it
 * is an object member. Objects are indexed on first visit only (their keys and
 * where each value starts), so pointers sharing a prefix share the work; where
 * each object or array ends is found for the whole text in one pass, on the
 * first pointer (indexing by skipping each member's text read a deep value's
 * bytes once per level above it: 140 ms of 600 warnings' positions on a
 * 2.6 MB spec). Only for text known to be valid JSON (see json-document.ts).
 */
import { jsonStringValue, stringEnd } from './json-document.js';
import { countAtMost } from './sorted.js';

interface ObjectIndex {
  kind: 'object';
  /** key → [key start, value start]; the first occurrence of a key. */
  members: Map<string, [number, number]>;
}
interface ArrayIndex {
  kind: 'array';
  items: number[];
}

export class JsonLocator {
  private readonly index = new Map<number, ObjectIndex | ArrayIndex | null>();
  private lineStarts: number[] | undefined;
  private spans: ContainerSpans | undefined;

  constructor(private readonly text: string) {}

  /** 1-based line and column, as Redocly's getLineColLocation gives them. */
  locate(pointer: string, reportOnKey: boolean): { line: number; col: number } {
    const segments = parsePointer(pointer.startsWith('#/') ? pointer.slice(2) : pointer.replace(/^#/, ''));
    let node = this.skipWs(this.text.charCodeAt(0) === 0xfeff ? 1 : 0);
    let keyStart: number | undefined; // of `node`, when its parent is an object
    for (const segment of segments) {
      const index = this.children(node);
      if (index?.kind === 'object') {
        const member = index.members.get(segment);
        if (!member) break;
        [keyStart, node] = member;
      } else if (index?.kind === 'array') {
        const item = index.items[Number.parseInt(segment, 10)];
        if (item === undefined) break;
        node = item;
        keyStart = undefined;
      }
    }
    return this.lineCol(reportOnKey && keyStart !== undefined ? keyStart : node);
  }

  private lineCol(offset: number): { line: number; col: number } {
    const starts = (this.lineStarts ??= lineStartsOf(this.text));
    const low = countAtMost(starts, (i) => starts[i]!, offset) - 1; // starts[0] is 0
    const lineStart = starts[low]!;
    const skippedCr = low > 0 && this.text[lineStart] === '\r' && offset > lineStart ? 1 : 0;
    return { line: low + 1, col: offset - lineStart + 1 - skippedCr };
  }

  private children(start: number): ObjectIndex | ArrayIndex | null {
    let found = this.index.get(start);
    if (found !== undefined) return found;
    const c = this.text.charCodeAt(start);
    if (c === 0x7b /* { */) {
      const members = new Map<string, [number, number]>();
      let i = this.skipWs(start + 1);
      while (this.text.charCodeAt(i) === 0x22 /* " */) {
        const keyEnd = stringEnd(this.text, i);
        const key = jsonStringValue(this.text, i, keyEnd);
        const value = this.skipWs(this.skipWs(keyEnd) + 1); // past the colon
        if (!members.has(key)) members.set(key, [i, value]);
        i = this.skipWs(this.skipValue(value));
        if (this.text.charCodeAt(i) === 0x2c /* , */) i = this.skipWs(i + 1);
      }
      found = { kind: 'object', members };
    } else if (c === 0x5b /* [ */) {
      const items: number[] = [];
      let i = this.skipWs(start + 1);
      while (i < this.text.length && this.text.charCodeAt(i) !== 0x5d /* ] */) {
        items.push(i);
        i = this.skipWs(this.skipValue(i));
        if (this.text.charCodeAt(i) === 0x2c) i = this.skipWs(i + 1);
      }
      found = { kind: 'array', items };
    } else {
      found = null;
    }
    this.index.set(start, found);
    return found;
  }

  private skipWs(i: number): number {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return i;
    }
  }

  /** From the first character of a value to just past it. */
  private skipValue(i: number): number {
    const t = this.text;
    const c = t.charCodeAt(i);
    if (c === 0x22) return stringEnd(t, i);
    if (c === 0x7b || c === 0x5b) return (this.spans ??= containerSpans(t)).endOf(i);
    let j = i; // a number, true, false or null: up to the next separator
    while (j < t.length && !endsScalar(t.charCodeAt(j))) j++;
    return j;
  }
}

/** A comma, closing bracket or JSON whitespace. */
function endsScalar(c: number): boolean {
  return c === 0x2c || c === 0x5d || c === 0x7d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Where each object and array of a JSON text starts and ends (just past its closing bracket). */
interface ContainerSpans {
  endOf(start: number): number;
}

/** One pass over the text: every container's start (in order) and end. */
function containerSpans(text: string): ContainerSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const open: number[] = []; // indices into starts of the containers not yet closed
  const token = /["[\]{}]/g; // what the pass stops at (whitespace and scalars are skipped natively)
  for (let found = token.exec(text); found; found = token.exec(text)) {
    const j = found.index;
    const c = text.charCodeAt(j);
    if (c === 0x22 /* " */) token.lastIndex = stringEnd(text, j);
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      open.push(starts.length);
      starts.push(j);
      ends.push(text.length);
    } else {
      const k = open.pop();
      if (k !== undefined) ends[k] = j + 1;
    }
  }
  return {
    endOf(start) {
      const k = countAtMost(starts, (i) => starts[i]!, start) - 1;
      return starts[k] === start ? ends[k]! : text.length;
    },
  };
}

/** Redocly's parsePointer: split, unescape `~1` `~0`, percent-decode, drop empty segments. */
function parsePointer(pointer: string): string[] {
  return pointer
    .split('/')
    .map((fragment) => {
      const unescaped = fragment.includes('~') ? fragment.replaceAll('~1', '/').replaceAll('~0', '~') : fragment;
      try {
        return decodeURIComponent(unescaped);
      } catch {
        return unescaped;
      }
    })
    .filter(Boolean);
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

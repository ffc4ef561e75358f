/**
 * A fast path for specs written as JSON. Redocly parses every file with
 * js-yaml, which takes ~0.3 s for a 2.4 MB JSON spec; JSON.parse takes ~25 ms.
 * The result must be what js-yaml would have produced, so the fast path is
 * taken only when it is: the text parses as JSON, and no object repeats a key
 * (js-yaml rejects that as "duplicated mapping key"; JSON.parse would keep the
 * last value without a word). Otherwise the caller parses as before, and gets
 * js-yaml's value or its error with a line and column.
 */

/** The parsed value, or `undefined` when the text must go through the YAML parser. */
export function parseJsonDocument(text: string): unknown {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Only an object or array document: a JSON scalar is also YAML, but not a spec.
  if (!/^\s*[[{]/.test(text.slice(start, start + 256))) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(start ? text.slice(start) : text);
  } catch {
    return undefined;
  }
  return hasDuplicateKey(text) ? undefined : value;
}

/**
 * Whether some object of a valid JSON text has the same key twice (keys
 * compared after unescaping, as parsers do). One pass over the characters.
 */
export function hasDuplicateKey(text: string): boolean {
  // One entry per open bracket: the keys seen so far for an object, null for an array.
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const keys = stack[stack.length - 1]!;
        const key = jsonStringValue(text, i, end);
        if (keys.has(key)) return true;
        keys.add(key);
        expectKey = false;
      }
      i = end - 1;
    } else if (c === 0x7b /* { */) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack.length > 0 && stack[stack.length - 1] !== null;
    }
  }
  return false;
}

/** In a valid JSON text, the index just past the string that opens at `start` (a `"`). */
export function stringEnd(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x5c /* \ */) j++;
    else if (c === 0x22 /* " */) return j + 1;
  }
  return text.length;
}

/** The value of the JSON string `text.slice(start, end)` (quotes included), unescaped only when it has escapes. */
export function jsonStringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

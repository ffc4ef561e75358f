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
  return hasDuplicateKey(text, value) ? undefined : value;
}

/**
 * Whether some object of a valid JSON text has the same key twice (keys
 * compared after unescaping, as parsers do). JSON.parse keeps one of each
 * (`value`, its result): the text has more keys than the value exactly when
 * one repeats. In a valid JSON text a `:` outside strings follows a key, so
 * the text's keys are counted by skipping strings; the value's by walking it.
 */
export function hasDuplicateKey(text: string, value: unknown = JSON.parse(text)): boolean {
  return keysInText(text) !== keysInValue(value);
}

/** The `:` outside strings of a valid JSON text. */
function keysInText(text: string): number {
  let keys = 0;
  let i = 0;
  for (;;) {
    const quote = text.indexOf('"', i);
    const stop = quote < 0 ? text.length : quote;
    for (let colon = text.indexOf(':', i); colon >= 0 && colon < stop; colon = text.indexOf(':', colon + 1)) keys++;
    if (quote < 0) return keys;
    i = stringEnd(text, quote);
  }
}

/** The keys of every object in a parsed JSON value (iterative: any depth JSON.parse accepts). */
function keysInValue(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in node) {
      keys++;
      const child = (node as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return keys;
}

/** In a valid JSON text, the index just past the string that opens at `start` (a `"`). */
export function stringEnd(text: string, start: number): number {
  // The next quote not escaped: one preceded by an even run of backslashes.
  for (let quote = text.indexOf('"', start + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c /* \ */) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  return text.length;
}

/** The value of the JSON string `text.slice(start, end)` (quotes included), unescaped only when it has escapes. */
export function jsonStringValue(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

/**
 * lib/json-locate.ts must put every problem where Redocly's own
 * getLineColLocation puts it (YAML AST of the file), for any pointer: present,
 * partly missing, into arrays, escaped keys, with and without reportOnKey.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLineColLocation, Source } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { JsonLocator } from '../../codegen/lib/json-locate.js';
import { REPO } from '../support/run-cli.js';

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every pointer of the document (every `stride`-th for large ones), plus pointers that leave it. */
function pointersOf(doc: unknown, stride = 1): string[] {
  const all: string[] = [];
  const walk = (value: unknown, pointer: string) => {
    all.push(pointer);
    if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${pointer}/${escape(k)}`);
  };
  walk(doc, '#');
  const picked = all.filter((_, i) => i % stride === 0);
  return [...picked, ...picked.slice(0, 50).map((p) => `${p}/missing/deeper`), '#/paths/nope', '#/servers/99', '#/info/title/x', '#/openapi/0'];
}

function compare(file: string, text: string, stride = 1): void {
  const source = new Source(file, text);
  const locator = new JsonLocator(text);
  const mismatches: string[] = [];
  for (const pointer of pointersOf(JSON.parse(text.replace(/^\uFEFF/, '')), stride)) {
    for (const reportOnKey of [false, true]) {
      const expected = getLineColLocation({ source, pointer, reportOnKey }).start;
      const actual = locator.locate(pointer, reportOnKey);
      if (expected.line !== actual.line || expected.col !== actual.col) {
        mismatches.push(`${pointer} key=${reportOnKey}: redocly ${expected.line}:${expected.col}, ours ${actual.line}:${actual.col}`);
      }
    }
  }
  expect(mismatches.slice(0, 5)).toEqual([]);
}

const ODD = JSON.stringify({
  openapi: '3.1.0',
  'a/b': { 'c~d': [1, { x: null, 'x y': [[], {}] }], 'percent%20': true, '': 'empty key', 'k\u00e9y': '"q"' },
  same: { same: { same: 1 } },
  list: [[0, [1, [2]]], 'str, with ] and }', -1.5e3],
});

describe('JsonLocator', () => {
  it.each([
    ['the layout-json fixture', readFileSync(join(REPO, 'test/fixtures/robust/layout-json/spec.json'), 'utf8')],
    ['odd keys, minified', ODD],
    ['odd keys, 2 spaces', JSON.stringify(JSON.parse(ODD), null, 2)],
    ['odd keys, tabs and CRLF', JSON.stringify(JSON.parse(ODD), null, '\t').replace(/\n/g, '\r\n')],
    ['unicode escapes in keys', '{\n  "\\u0061b": {"c": [1, 2]},\n  "x": "\\"}"\n}'],
  ])('agrees with Redocly on every pointer: %s', (_, text) => {
    compare('/spec.json', text);
  });

  it('counts columns from the line start after a byte order mark (Redocly is one short there)', () => {
    const text = '\uFEFF{\n  "openapi": "3.1.0"\n}';
    expect(new JsonLocator(text).locate('#/openapi', true)).toEqual({ line: 2, col: 3 });
    expect(new JsonLocator(text).locate('#/openapi', false)).toEqual({ line: 2, col: 14 });
  });

  const corpus = join(REPO, '../shared/corpus');
  const specs = ['scale-gp.full.openapi.json', 'launchdarkly.full.openapi.json'].filter((f) => existsSync(join(corpus, f)));
  if (specs.length < 2) console.warn(`[json-locate] corpus comparison skipped: ${corpus} is absent`);
  it.skipIf(specs.length < 2).each(specs)('agrees with Redocly on a sample of pointers of the corpus spec %s', (file) => {
    compare(join(corpus, file), readFileSync(join(corpus, file), 'utf8'), 40);
  }, 60_000);
});

/**
 * lib/limits.ts: a JSON file (no shared objects) is walked without the alias
 * bookkeeping; it must find the same problem, at the same pointer, as the walk
 * that YAML files get (which also counts alias expansion).
 */
import { describe, expect, it } from 'vitest';
import { checkDocumentShape, DEFAULT_LIMITS } from '../../codegen/lib/limits.js';

/** `levels` nested containers, each made by `wrap`, around a leaf. */
function nested(levels: number, wrap: (inner: unknown, level: number) => unknown): unknown {
  let node: unknown = 'leaf';
  for (let level = levels - 1; level >= 0; level--) node = wrap(node, level);
  return node;
}

const limits = { ...DEFAULT_LIMITS, maxDepth: 20 };
const cases: Array<[string, unknown]> = [
  ['shallow', { openapi: '3.1.0', paths: { '/a': { get: { responses: {} } } }, list: [1, [2, [3]]] }],
  ['objects at the limit', nested(20, (inner) => ({ a: inner }))],
  ['objects past the limit', nested(25, (inner, level) => ({ [`k${level}`]: 1, 'x/y~z': inner }))],
  ['arrays past the limit', nested(25, (inner) => [0, inner])],
  ['mixed, the second branch too deep', { ok: nested(5, (i) => [i]), deep: nested(30, (inner, level) => (level % 2 ? [inner] : { p: inner })) }],
];

describe('checkDocumentShape on a JSON file', () => {
  it.each(cases)('%s: the same problem as the alias-aware walk', (_, doc) => {
    expect(checkDocumentShape(doc, limits, false)).toEqual(checkDocumentShape(doc, limits, true));
  });

  it('names where the nesting goes too deep', () => {
    const problem = checkDocumentShape(nested(25, (inner) => [0, inner]), limits, false);
    expect(problem).toMatchObject({ limit: 'maxDepth', message: 'nested deeper than 20 levels' });
    expect(problem?.pointer).toMatch(/^#\/1\/1\/1\/1\/1\/1\/…\(10 more\)…\/1\/1\/1\/1$/);
  });
});

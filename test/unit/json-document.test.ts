import { describe, expect, it } from 'vitest';
import { hasDuplicateKey, parseJsonDocument } from '../../codegen/lib/json-document.js';

describe('parseJsonDocument (the JSON fast path of the spec loader)', () => {
  it('parses objects and arrays as JSON.parse does', () => {
    const text = '{"openapi":"3.1.0","a":[1,{"b":"x\\"y"}],"c":{"d":null,"e":true,"f":1.5e3}}';
    expect(parseJsonDocument(text)).toEqual(JSON.parse(text));
    expect(parseJsonDocument('  [1, 2]')).toEqual([1, 2]);
  });

  it('skips a byte order mark', () => {
    expect(parseJsonDocument('\uFEFF{"a": 1}')).toEqual({ a: 1 });
  });

  it('leaves YAML, JSON scalars and broken JSON to the YAML parser', () => {
    for (const text of ['openapi: 3.1.0\n', '"just a string"', '42', '{"a": 1,}', '{a: 1}', '{"a": 1} trailing', '']) {
      expect(parseJsonDocument(text), text).toBeUndefined();
    }
  });

  it('leaves a repeated key to the YAML parser, which rejects it (fixture broken-json-duplicate-key)', () => {
    expect(parseJsonDocument('{"a": {"b": 1, "b": 2}}')).toBeUndefined();
  });
});

describe('hasDuplicateKey', () => {
  it.each([
    ['{"a":1,"a":2}', true],
    ['{"a":1,"b":{"a":2}}', false],
    ['{"a":{"x":1},"b":{"x":2}}', false],
    ['[{"a":1},{"a":1}]', false],
    ['{"a":["a","a"],"b":"a"}', false],
    ['{"k":{"a":1,"b":[{"c":1}],"a":3}}', true],
    ['{"id":1,"\\u0069d":2}', true],
    ['{"a\\"b":1,"a\\\\":2,"a":3}', false],
    ['{"a\\"b":1,"a\\"b":2}', true],
    ['{"v":"{\\"a\\":1,\\"a\\":2}"}', false],
    ['{}', false],
    ['{"":1,"":2}', true],
  ])('%s → %s', (text, expected) => {
    JSON.parse(text); // the inputs are valid JSON, as hasDuplicateKey assumes
    expect(hasDuplicateKey(text)).toBe(expected);
  });
});

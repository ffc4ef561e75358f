/**
 * codegen/passes/recursive-unions.ts: a self-referencing union schema without
 * a readable name becomes a module-local recursive type alias (tsc rejects
 * it inline: TS2502); a named one is declared under its name by named-types.
 */
import { describe, expect, it } from 'vitest';
import { runPassesOn, specWith } from '../../support/passes.js';

const JSON_VALUE = `    Json:
      anyOf: [{ type: string }, { type: number }, { type: array, items: { $ref: '#/components/schemas/Json' } }, { type: object, additionalProperties: { $ref: '#/components/schemas/Json' } }]
`;

describe('recursive-unions', () => {
  it.each<[string, { given: string; takenNames?: string[]; want: { rewritten: string[]; lines: string[] } }]>([
    [
      'an unnamed self-referencing union: a recursive alias that refers to itself',
      {
        given: JSON_VALUE,
        takenNames: ['Json'],
        want: {
          rewritten: ['Json'],
          lines: ['        Json: $Json_0;', 'type $Json_0 = string | number | $Json_0[] | {\n            [key: string]: $Json_0;\n        };'],
        },
      },
    ],
    [
      'a named one: left to named-types, which declares it under its name',
      { given: JSON_VALUE, want: { rewritten: [], lines: ['        Json: Json;', 'export type Json = string | number | Json[] | {'] } },
    ],
    [
      'a union that does not refer to itself: untouched',
      { given: '    Id: { anyOf: [{ type: string }, { type: integer }] }\n', takenNames: ['Id'], want: { rewritten: [], lines: ['        Id: string | number;'] } },
    ],
  ])('%s', async (_, { given, takenNames, want }) => {
    const { text, facts } = await runPassesOn(specWith(given), takenNames ? { takenNames } : {});
    expect(facts.recursiveUnions).toEqual(want.rewritten);
    for (const line of want.lines) expect(text).toContain(line);
    // No type refers to itself through components (TS2502); the comments naming a declaration's member may.
    expect(text.split('\n').filter((line) => !line.startsWith('//') && line.includes('components["schemas"]'))).toEqual([]);
  });
});

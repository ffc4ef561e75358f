/**
 * codegen/passes/named-types.ts: every schema with a readable name becomes a
 * top-level declaration under it (an interface for an object type, a type
 * alias otherwise), and its `components["schemas"]` member refers to it.
 */
import { describe, expect, it } from 'vitest';
import { runPassesOn, specWith } from '../../support/passes.js';

describe('named-types', () => {
  it.each<[string, { given: string; want: string[] }]>([
    [
      'an object schema: an interface, the member pointing at it',
      { given: '    Pet: { type: object, properties: { name: { type: string } } }\n', want: ['        Pet: Pet;', 'export interface Pet {\n    name?: string;\n}'] },
    ],
    ['anything else: a type alias', { given: '    Status: { type: string, enum: [on, off] }\n', want: ['        Status: Status;', 'export type Status = "on" | "off";'] }],
    [
      'references between named schemas by name',
      {
        given: "    Pet: { type: object, properties: { owner: { $ref: '#/components/schemas/Person' } } }\n    Person: { type: object, properties: { pets: { type: array, items: { $ref: '#/components/schemas/Pet' } } } }\n",
        want: ['owner?: Person;', 'pets?: Pet[];'],
      },
    ],
    [
      'the doc comment moves with the declaration, under the comment naming its member',
      {
        given: '    Pet: { type: object, description: A pet., properties: { name: { type: string } } }\n',
        want: ['// components["schemas"]["Pet"]\n/** @description A pet. */\nexport interface Pet {'],
      },
    ],
    [
      'a machine-made key: the declaration under its readable name, the key kept in components',
      {
        given: '    pkg__module__Thing: { type: object, properties: { x: { type: string } } }\n',
        want: ['        pkg__module__Thing: Thing;', '// components["schemas"]["pkg__module__Thing"]\nexport interface Thing {'],
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const { text, warnings } = await runPassesOn(specWith(given));
    for (const part of want) expect(text).toContain(part);
    expect(text).not.toMatch(/export (interface|type) \w+ [^\n]*components\["schemas"\]/);
    expect(warnings).toEqual([]);
  });

  it('leaves a schema without a readable name inline', async () => {
    const { text } = await runPassesOn(specWith('    Pet: { type: object, properties: { name: { type: string } } }\n'), { takenNames: ['Pet'] });
    expect(text).toContain('        Pet: {\n            name?: string;\n        };');
    expect(text).not.toContain('export interface Pet');
  });
});

/**
 * codegen/passes/boolean-discriminator.ts: a discriminator whose members
 * declare the property as a boolean becomes `true` / `false` literals,
 * optional where the member does not require it; string discriminators stay
 * as openapi-typescript writes them.
 */
import { describe, expect, it } from 'vitest';
import { booleanFromKey } from '../../../codegen/lib/boolean-schema.js';
import { runPassesOn, specWith } from '../../support/passes.js';

const union = (mapping: string, property = 'restore') => `    R:
      oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]
      discriminator: { propertyName: ${property}, mapping: { ${mapping} } }
`;

describe('boolean-discriminator', () => {
  it.each<[string, { given: string; want: { facts: string[]; lines: string[] } }]>([
    [
      'const members, keys spelled True/False',
      {
        given: `${union("'True': '#/components/schemas/A', 'False': '#/components/schemas/B'")}    A: { type: object, required: [restore], properties: { restore: { type: boolean, const: true } } }
    B: { type: object, properties: { restore: { type: boolean, const: false } } }
`,
        want: { facts: ['A.restore: true', 'B.restore: false (optional)'], lines: ['restore: true;', 'restore?: false;'] },
      },
    ],
    [
      'plain booleans: the value from the mapping key (yes, off)',
      {
        given: `${union("'yes': '#/components/schemas/A', 'off': '#/components/schemas/B'", 'isDraft')}    A: { type: object, required: [isDraft], properties: { isDraft: { type: boolean } } }
    B: { type: object, required: [isDraft], properties: { isDraft: { type: boolean } } }
`,
        want: { facts: ['A.isDraft: true', 'B.isDraft: false'], lines: ['isDraft: true;', 'isDraft: false;'] },
      },
    ],
    [
      'one-value enums, the property declared in an allOf part, the doc comment rebuilt from the spec',
      {
        given: `${union("'true': '#/components/schemas/A', 'false': '#/components/schemas/B'", 'on')}    Base: { type: object, required: [on], properties: { on: { type: boolean, description: Switched on } } }
    A: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: object, properties: { on: { type: boolean, enum: [true], description: Switched on } } }] }
    B: { allOf: [{ $ref: '#/components/schemas/Base' }, { type: object, properties: { on: { type: boolean, enum: [false], description: Switched on } } }] }
`,
        want: { facts: ['A.on: true', 'B.on: false'], lines: ['/** @description Switched on */', 'on: true;', 'on: false;'] },
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const { text, facts, warnings, before } = await runPassesOn(specWith(given));
    expect(before).toContain('discriminator enum property added by openapi-typescript');
    expect(facts.booleanDiscriminators).toEqual(want.facts);
    for (const line of want.lines) expect(text).toContain(line);
    expect(text).not.toContain('discriminator enum property added by openapi-typescript');
    expect(warnings).toEqual([]);
  });

  it('leaves a string discriminator as openapi-typescript writes it', async () => {
    const { text, facts } = await runPassesOn(
      specWith(`${union("Cat: '#/components/schemas/A', Dog: '#/components/schemas/B'", 'kind')}    A: { type: object, required: [kind], properties: { kind: { type: string } } }
    B: { type: object, required: [kind], properties: { kind: { type: string } } }
`),
    );
    expect(facts.booleanDiscriminators).toEqual([]);
    expect(text).toContain('kind: "Cat";');
    expect(text).toContain('kind: "Dog";');
  });

  it('types a member mapped to both values as boolean, with a warning', async () => {
    const { text, facts, warnings } = await runPassesOn(
      specWith(`${union("'True': '#/components/schemas/A', 'False': '#/components/schemas/B'")}    S:
      oneOf: [{ $ref: '#/components/schemas/A' }]
      discriminator: { propertyName: restore, mapping: { 'False': '#/components/schemas/A' } }
    A: { type: object, required: [restore], properties: { restore: { type: boolean } } }
    B: { type: object, required: [restore], properties: { restore: { type: boolean } } }
`),
    );
    expect(warnings).toEqual(['boolean discriminator: schema "A" is mapped to true by "R" and to false by "S"; typed as boolean']);
    expect(facts.booleanDiscriminators).toEqual(['A.restore: boolean', 'B.restore: false']);
    expect(text).toContain('restore: boolean;');
  });

  it.each([
    ['True', true],
    ['yes', true],
    ['1', true],
    [' on ', true],
    ['False', false],
    ['n', false],
    ['0', false],
    ['maybe', undefined],
  ])('booleanFromKey(%j) = %s', (key, want) => {
    expect(booleanFromKey(key)).toBe(want);
  });
});

/** codegen/redocly-plugin/nullable-to-type-null.js: 3.0's `nullable` in a 3.1 document, written the 3.1 way. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

const ID = 'vendor-quirks/nullable-to-type-null';

describe(ID, () => {
  const cases: Array<[string, string, unknown]> = [
    ['a type becomes [type, null]', '{ type: string, nullable: true }', { type: ['string', 'null'] }],
    ['oneOf gets a null member', '{ oneOf: [{ type: string }, { type: integer }], nullable: true }', { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] }],
    ['a $ref with the sibling is wrapped in anyOf', "{ $ref: '#/components/schemas/M', nullable: true }", { anyOf: [{ $ref: '#/components/schemas/M' }, { type: 'null' }] }],
    ['allOf without a type is wrapped, its description kept outside', "{ allOf: [{ $ref: '#/components/schemas/M' }], description: d, nullable: true }", { description: 'd', anyOf: [{ allOf: [{ $ref: '#/components/schemas/M' }] }, { type: 'null' }] }],
    ['nullable: false is dropped', '{ type: integer, nullable: false }', { type: 'integer' }],
  ];
  const source = spec(`paths: {}
components:
  schemas:
    N:
      type: object
      properties:
${cases.map(([, given], i) => `        p${i}: ${given}`).join('\n')}
    M: { type: object }
`);

  it.each(cases.map(([name, , want], i) => [name, i, want] as const))('%s', async (_, i, want) => {
    const off = await lintAndBundle(source, {});
    if (i !== 2) expect(off.problems).toContain(`struct #/components/schemas/N/properties/p${i}/nullable`);
    const on = await lintAndBundle(source, { [ID]: 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(on.problems).toContain(`${ID} #/components/schemas/N/properties/p${i}/nullable`);
    expect(on.bundled.components.schemas.N.properties[`p${i}`]).toEqual(want);
  });

  it('leaves a 3.0 document alone (nullable is a keyword there)', async () => {
    const source30 = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents: { schemas: { A: { type: string, nullable: true } } }\n`;
    const { bundled } = await lintAndBundle(source30, { [ID]: 'on' });
    expect(bundled.components.schemas.A).toEqual({ type: 'string', nullable: true });
  });
});

/** codegen/redocly-plugin/discriminator-mapping-ref-object.js: object-form discriminator mapping values become $ref strings. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

describe('vendor-quirks/discriminator-mapping-ref-object', () => {
  const source = spec(`paths: {}
components:
  schemas:
    U:
      oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }]
      discriminator:
        propertyName: restore
        mapping:
          'False': { $ref: '#/components/schemas/A' }
          'True': '#/components/schemas/B'
    A: { type: object, required: [restore], properties: { restore: { type: boolean, const: false } } }
    B: { type: object, required: [restore], properties: { restore: { type: boolean, const: true } } }
`);

  it('turns object-form mapping values into their $ref string, which clears struct', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems).toContain('struct #/components/schemas/U/discriminator/mapping/False');
    const on = await lintAndBundle(source, { 'vendor-quirks/discriminator-mapping-ref-object': 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(on.bundled.components.schemas.U.discriminator.mapping).toEqual({
      False: '#/components/schemas/A',
      True: '#/components/schemas/B',
    });
  });
});

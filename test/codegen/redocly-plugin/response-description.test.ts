/** codegen/redocly-plugin/response-description.js: a response without `description` gets an empty one, with a warning. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

const ID = 'vendor-quirks/response-description';

describe(ID, () => {
  const source = spec(`paths:
  /a:
    get:
      operationId: getA
      summary: s
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/N' } } } }
        '400': { $ref: '#/components/responses/Empty' }
components:
  responses:
    Empty: { content: { application/json: { schema: { $ref: '#/components/schemas/N' } } } }
  schemas:
    N: { type: object }
`);

  it('fills in an empty description where one is missing, and only there', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems).toContain('struct #/components/responses/Empty');
    const on = await lintAndBundle(source, { [ID]: 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(on.problems).toContain(`${ID} #/components/responses/Empty`);
    expect(on.bundled.components.responses.Empty.description).toBe('');
    expect(on.bundled.paths['/a'].get.responses['200'].description).toBe('ok');
  });
});

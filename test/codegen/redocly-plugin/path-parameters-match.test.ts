/** codegen/redocly-plugin/path-parameters-match.js: path parameters made to match the path template. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

describe('vendor-quirks/path-parameters-match', () => {
  const source = spec(`paths:
  /things/{id}:
    parameters:
      - { name: stale, in: path, required: true, schema: { type: string } }
    get:
      operationId: getThing
      parameters:
        - { name: ID, in: path, required: true, schema: { type: string } }
        - { $ref: '#/components/parameters/Limit' }
      responses: { '200': { description: ok } }
    put:
      operationId: putThing
      parameters:
        - { $ref: '#/components/parameters/Id' }
      responses: { '200': { description: ok } }
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer } }
    Id: { name: id, in: path, required: false, schema: { type: string } }
`);

  it('drops path parameters the template lacks, declares the ones it has, makes them required; lint then agrees', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems.filter((p) => p.startsWith('path-parameters-defined')).length).toBeGreaterThan(0);
    const on = await lintAndBundle(source, { 'vendor-quirks/path-parameters-match': 'on' });
    expect(on.problems.filter((p) => p.startsWith('path-parameters-defined'))).toEqual([]);
    const item = on.bundled.paths['/things/{id}'];
    expect(item.parameters).toEqual([]);
    expect(item.get.parameters).toEqual([
      { $ref: '#/components/parameters/Limit' },
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(item.put.parameters).toEqual([{ $ref: '#/components/parameters/Id' }]);
    expect(on.bundled.components.parameters.Id.required).toBe(true);
  });
});

/** codegen/redocly-plugin/operation-id-unique.js: a shared operationId made unique per operation. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

describe('vendor-quirks/operation-id-unique', () => {
  const source = spec(`paths:
  /accounts:
    post: { operationId: 'POST-V4-/accounts', summary: s, responses: { '200': { description: ok }, '400': { description: bad } } }
  /v4/accounts:
    post: { operationId: 'POST-V4-/accounts', summary: s, responses: { '200': { description: ok }, '400': { description: bad } } }
  /größe/{id}:
    get:
      operationId: 'größe'
      summary: s
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '400': { description: bad } }
  /grüße/{id}:
    get:
      operationId: 'grüße'
      summary: s
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '400': { description: bad } }
`);

  it('gives every operation of a shared id (also ids equal only once made URL-safe) METHOD-/path, injectively', async () => {
    const off = await lintAndBundle(source, { 'vendor-quirks/operation-id-url-safe': 'on' });
    expect(off.problems.filter((p) => p.startsWith('operation-operationId-unique'))).toHaveLength(2);
    const { problems, bundled } = await lintAndBundle(source, { 'vendor-quirks/operation-id-url-safe': 'on', 'vendor-quirks/operation-id-unique': 'on' });
    expect(problems.filter((p) => p.startsWith('operation-operationId-unique') || p.startsWith('operation-operationId-url-safe'))).toEqual([]);
    const ids = [
      bundled.paths['/accounts'].post,
      bundled.paths['/v4/accounts'].post,
      bundled.paths['/größe/{id}'].get,
      bundled.paths['/grüße/{id}'].get,
    ].map((o: any) => [o.operationId, o['x-vendor-operation-id']]);
    expect(ids).toEqual([
      ['POST-/accounts', 'POST-V4-/accounts'],
      ['POST-/v4/accounts', 'POST-V4-/accounts'],
      ['GET-/gr~C3~B6~C3~9Fe/~7Bid~7D', 'größe'],
      ['GET-/gr~C3~BC~C3~9Fe/~7Bid~7D', 'grüße'],
    ]);
  });
});

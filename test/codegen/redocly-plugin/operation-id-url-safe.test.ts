/** codegen/redocly-plugin/operation-id-url-safe.js: operationIds made URL-safe, the vendor id kept. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

describe('vendor-quirks/operation-id-url-safe', () => {
  const source = spec(`paths:
  /a/{id}:
    get:
      operationId: 'GET-V4-/a/{id}'
      summary: s
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok }, '400': { description: bad } }
  /b:
    get:
      operationId: 'list b ünïcode'
      summary: s
      responses: { '200': { description: ok }, '400': { description: bad } }
    post:
      operationId: clean-id
      summary: s
      responses: { '200': { description: ok }, '400': { description: bad } }
`);

  it('rewrites unsafe ids readably, keeps the vendor id, leaves clean ids alone', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems.filter((p) => p.startsWith('operation-operationId-url-safe'))).toHaveLength(2);
    const { problems, bundled } = await lintAndBundle(source, { 'vendor-quirks/operation-id-url-safe': 'on' });
    expect(problems.filter((p) => p.startsWith('operation-operationId-url-safe'))).toEqual([]);
    expect(bundled.paths['/a/{id}'].get.operationId).toBe('GET-V4-/a/:id');
    expect(bundled.paths['/a/{id}'].get['x-vendor-operation-id']).toBe('GET-V4-/a/{id}');
    expect(bundled.paths['/b'].get.operationId).toBe('list-b-n-code');
    expect(bundled.paths['/b'].post.operationId).toBe('clean-id');
    expect(bundled.paths['/b'].post['x-vendor-operation-id']).toBeUndefined();
  });
});

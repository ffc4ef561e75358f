/** codegen/redocly-plugin/header-param-to-security.js: credential header parameters become security requirements. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle } from '../../support/redocly-plugin.js';

describe('vendor-quirks/header-param-to-security', () => {
  const source = `openapi: 3.1.0
info: { title: t, version: '1', license: { name: MIT, url: 'https://example.com' } }
servers: [{ url: 'https://example.com' }]
paths:
  /a:
    get:
      operationId: a
      summary: s
      parameters:
        - { name: authorization, in: header, required: true, schema: { type: string } }
        - { name: X-Trace, in: header, schema: { type: string } }
      responses: { '200': { description: ok }, '400': { description: bad } }
  /b:
    get:
      operationId: b
      summary: s
      parameters:
        - $ref: '#/components/parameters/Key'
      responses: { '200': { description: ok }, '400': { description: bad } }
components:
  parameters:
    Key: { name: x-api-key, in: header, required: true, schema: { type: string } }
  securitySchemes:
    ApiKey: { type: apiKey, in: header, name: Authorization }
    Other: { type: apiKey, in: header, name: X-Api-Key }
`;

  it('moves credential header parameters into security requirements (case-insensitive, through $ref)', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems.filter((p) => p.startsWith('security-defined'))).toHaveLength(2);
    const { problems, bundled } = await lintAndBundle(source, { 'vendor-quirks/header-param-to-security': 'on' });
    expect(problems.filter((p) => p.startsWith('security-defined') || p.includes('securitySchemes'))).toEqual([]);
    expect(bundled.paths['/a'].get.security).toEqual([{ ApiKey: [] }]);
    expect(bundled.paths['/a'].get.parameters.map((p: any) => p.name)).toEqual(['X-Trace']);
    expect(bundled.paths['/b'].get.security).toEqual([{ Other: [] }]);
    expect(bundled.paths['/b'].get.parameters).toBeUndefined();
  });
});

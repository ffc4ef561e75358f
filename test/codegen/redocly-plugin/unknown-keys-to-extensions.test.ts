/** codegen/redocly-plugin/unknown-keys-to-extensions.js: keys OpenAPI does not define on an object become `x-` extensions. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle } from '../../support/redocly-plugin.js';

const ID = 'vendor-quirks/unknown-keys-to-extensions';

describe(ID, () => {
  const source = `openapi: 3.1.0
info: { title: t, version: '1', wrong: 1 }
servers: [{ url: 'https://example.com', wrong: 2, x-wrong: kept }]
paths:
  /a:
    get:
      responses:
        '200': { description: ok, operationId: stray }
components:
  schemas:
    M: { type: object, x-unknown: kept }
`;

  it('renames unknown keys outside schemas, keeping their values; an existing x- key wins', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems).toEqual(expect.arrayContaining(['struct #/info/wrong', 'struct #/servers/0/wrong', 'struct #/paths/~1a/get/responses/200/operationId']));
    const on = await lintAndBundle(source, { [ID]: 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual(['struct #/servers/0/wrong']);
    expect(on.bundled.info).toEqual({ title: 't', version: '1', 'x-wrong': 1 });
    expect(on.bundled.servers).toEqual([{ url: 'https://example.com', wrong: 2, 'x-wrong': 'kept' }]);
    expect(on.bundled.paths['/a'].get.responses['200']).toEqual({ description: 'ok', 'x-operationId': 'stray' });
    expect(on.bundled.components.schemas.M).toEqual({ type: 'object', 'x-unknown': 'kept' });
  });
});

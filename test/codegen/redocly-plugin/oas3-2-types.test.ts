/** codegen/redocly-plugin/oas3-2-types.js: the plugin's typeExtension, OpenAPI 3.2 types @redocly/openapi-core 2.64 gets wrong. */
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { lintAndBundle } from '../../support/redocly-plugin.js';

describe('vendor-quirks typeExtension (OpenAPI 3.2 types of @redocly/openapi-core 2.64)', () => {
  const source = `openapi: 3.2.0
info: { title: t, version: '1', license: { name: MIT, url: 'https://example.com' } }
servers: [{ url: 'https://example.com' }]
security: [{ oauth: [read] }]
paths: {}
components:
  securitySchemes:
    oauth:
      type: oauth2
      flows: { deviceAuthorization: { deviceAuthorizationUrl: 'https://example.com/d', tokenUrl: 'https://example.com/t', scopes: { read: r } } }
  mediaTypes:
    Json: { schema: { type: object } }
`;

  it('lints the OAuth device flow and reusable media types (the library alone throws / reports struct)', async () => {
    const bare = await createConfig({ extends: ['minimal'] });
    await expect(lintFromString({ source, absoluteRef: '/spec.yaml', config: bare })).rejects.toThrow(/Unknown type name found: string/);
    const { problems } = await lintAndBundle(source, {});
    expect(problems.filter((p) => p.startsWith('struct'))).toEqual([]);
  });
});

/**
 * codegen/redocly-plugin/codegen-profile.js: the `vendor-quirks/codegen` lint
 * profile. Its cosmetic normalisers together turn each `struct` error of a
 * sloppy spec into a warning and a normalised bundle.
 */
import { describe, expect, it } from 'vitest';
import { lintAndBundle } from '../../support/redocly-plugin.js';

describe('the vendor-quirks/codegen profile', () => {
  const source = `openapi: 3.1.0
info: { version: 2 }
servers: [{ url: 'https://example.com', wrong: 1 }]
components:
  responses:
    Empty: { content: { application/json: { schema: { $ref: '#/components/schemas/N' } } } }
  schemas:
    N:
      type: object
      properties:
        a: { type: string, nullable: true }
        b: { oneOf: [{ type: string }, { type: integer }], nullable: true }
        c: { $ref: '#/components/schemas/M', nullable: true }
        d: { allOf: [{ $ref: '#/components/schemas/M' }], description: d, nullable: true }
        e: { type: integer, nullable: false }
    M: { type: object, x-unknown: kept }
`;

  it('turns each struct error into a warning and a normalised spec', async () => {
    const off = await lintAndBundle(source, {});
    expect(off.problems.filter((p) => p.startsWith('struct')).length).toBeGreaterThanOrEqual(6);
    const { problems, errors, bundled } = await lintAndBundle(source, {}, { extends: ['recommended', 'vendor-quirks/codegen'] });
    expect(problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(errors).toEqual([]);
    expect(bundled.info).toEqual({ version: '2', title: 'spec' });
    expect(bundled.paths).toEqual({});
    expect(bundled.servers).toEqual([{ url: 'https://example.com', 'x-wrong': 1 }]);
    expect(bundled.components.responses.Empty.description).toBe('');
    expect(bundled.components.schemas.N.properties).toEqual({
      a: { type: ['string', 'null'] },
      b: { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
      c: { anyOf: [{ $ref: '#/components/schemas/M' }, { type: 'null' }] },
      d: { description: 'd', anyOf: [{ allOf: [{ $ref: '#/components/schemas/M' }] }, { type: 'null' }] },
      e: { type: 'integer' },
    });
    expect(bundled.components.schemas.M).toEqual({ type: 'object', 'x-unknown': 'kept' });
  });

  it('keeps findings that change the generated code errors, and makes the cosmetic ones warnings', async () => {
    const source30 = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /a:
    get:
      operationId: same
      responses: { '200': { description: ok } }
  /b:
    get:
      operationId: same
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Missing' } } } } }
`;
    const rules = (problems: string[]) => [...new Set(problems.map((p) => p.split(' ')[0]))].sort();
    const recommended = await lintAndBundle(source30, {});
    expect(rules(recommended.errors)).toEqual(['no-empty-servers', 'no-unresolved-refs', 'operation-operationId-unique', 'operation-summary', 'security-defined']);
    const profile = await lintAndBundle(source30, {}, { extends: ['recommended', 'vendor-quirks/codegen'] });
    expect(rules(profile.errors)).toEqual(['no-unresolved-refs']);
    expect(rules(profile.problems)).toEqual(expect.arrayContaining(['no-empty-servers', 'operation-summary', 'security-defined']));
  });
});

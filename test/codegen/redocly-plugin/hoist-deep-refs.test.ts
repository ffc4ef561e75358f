/** codegen/redocly-plugin/hoist-deep-refs.js: $refs into the middle of other objects pointed at copies in components. */
import { describe, expect, it } from 'vitest';
import { hoistDeepRefs, kindOf } from '../../../codegen/redocly-plugin/hoist-deep-refs.js';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

describe('vendor-quirks/hoist-deep-refs', () => {
  const source = spec(`paths:
  /a:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { type: object, properties: { n: { type: integer } } } }
  /b:
    get:
      operationId: getB
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/paths/~1a/get/responses/200/content/application~1json/schema/items' }
components:
  schemas:
    Node:
      type: object
      properties:
        child: { type: object, properties: { next: { $ref: '#/components/schemas/Node/properties/child' } } }
`);

  it('copies deep targets into components and points every ref there, also refs inside the copies', async () => {
    const { bundled } = await lintAndBundle(source, { 'vendor-quirks/hoist-deep-refs': 'on' });
    expect(bundled.paths['/b'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AGetResponses200ApplicationJsonSchemaItems' });
    expect(bundled.components.schemas.AGetResponses200ApplicationJsonSchemaItems).toEqual({ type: 'object', properties: { n: { type: 'integer' } } });
    expect(bundled.components.schemas.NodeChild.properties.next).toEqual({ $ref: '#/components/schemas/NodeChild' });
    expect(bundled.components.schemas.Node.properties.child.properties.next).toEqual({ $ref: '#/components/schemas/NodeChild' });
  });

  it.each([
    ['a schema inside an operation', ['paths', '/a', 'get', 'responses', '200', 'content', 'application/json', 'schema', 'items'], 'Schema'],
    ['a parameter of a path item', ['paths', '/a', 'parameters', '0'], 'Parameter'],
    ['a response header', ['components', 'responses', 'R', 'headers', 'X-Rate'], 'Header'],
    ['a property of a composition member', ['components', 'schemas', 'P', 'allOf', '1', 'properties', 'tags'], 'Schema'],
    ['a reusable media type (3.2)', ['components', 'mediaTypes', 'M'], 'MediaType'],
    ['a callback path item', ['paths', '/a', 'post', 'callbacks', 'done', '{$request.body#/url}'], 'PathItem'],
    ['an unknown place', ['info', 'title'], undefined],
  ])('kindOf: %s', (_, segments, kind) => {
    expect(kindOf(segments)).toBe(kind);
  });

  it('refuses what it cannot copy: a media type that refers to itself, a ref to a whole section', () => {
    const doc = {
      openapi: '3.2.0',
      paths: { '/x': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { $ref: '#/components/mediaTypes/M' } } } } } } },
      components: { mediaTypes: { M: { schema: { type: 'object' }, examples: { e: { $ref: '#/components/mediaTypes/M' } } } }, schemas: { S: { $ref: '#/components/schemas' } } },
    };
    expect(hoistDeepRefs(doc).errors).toEqual([
      '$ref "#/components/mediaTypes/M" points at a MediaType that refers to itself, which cannot be copied in place; move it to a component',
      '$ref "#/components/schemas" points at a whole section, not at one object; point it at a component',
    ]);
  });
});

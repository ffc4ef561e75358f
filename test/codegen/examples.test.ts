/**
 * Default replies from a spec's own examples (codegen/lib/examples.ts):
 * inline specs in, the reply (or none) out.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exampleReply } from '../../codegen/lib/examples.js';
import type { JsonObject } from '../../codegen/lib/openapi.js';

/** A document with `schemas` as components and one operation answering `responses`. */
function spec(responses: unknown, schemas: unknown = {}): { doc: JsonObject; operation: JsonObject } {
  const doc = parse(JSON.stringify({ openapi: '3.1.0', paths: { '/x': { get: { responses } } }, components: { schemas } })) as JsonObject;
  return { doc, operation: ((doc.paths as JsonObject)['/x'] as JsonObject).get as JsonObject };
}
const json = (schema: unknown, extra: object = {}) => ({ '200': { description: 'ok', content: { 'application/json': { schema, ...extra } } } });

const App = {
  type: 'object',
  required: ['key', 'kind', 'autoAdded'],
  properties: {
    key: { type: 'string', example: 'com.example.app' },
    kind: { type: 'string', enum: ['browser', 'mobile'], example: 'mobile' },
    autoAdded: { type: 'boolean', example: true },
    // LaunchDarkly's own: a string example for an integer schema.
    creationDate: { type: 'integer', example: '1654104600000' },
    description: { type: 'string', example: 'An app' },
    tags: { type: 'array', items: { type: 'string' } },
    _links: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

describe('exampleReply', () => {
  it.each<[string, { responses: unknown; schemas?: unknown; want: unknown }]>([
    [
      'an object from its properties\' examples, leaving out an optional one whose example does not validate',
      { responses: json({ $ref: '#/components/schemas/App' }), schemas: { App }, want: { status: 200, body: { key: 'com.example.app', kind: 'mobile', autoAdded: true, description: 'An app', tags: [], _links: {} } } },
    ],
    [
      'none when a required property has no valid example',
      { responses: json({ type: 'object', required: ['id'], properties: { id: { type: 'integer', example: 'x' } } }), want: undefined },
    ],
    ['the media type\'s own example when it validates', { responses: json({ type: 'array', items: { type: 'integer' } }, { example: [1, 2] }), want: { status: 200, body: [1, 2] } }],
    [
      'a named example (examples.*.value)',
      { responses: json({ type: 'object', properties: { n: { type: 'integer' } } }, { examples: { one: { value: { n: 1 } } } }), want: { status: 200, body: { n: 1 } } },
    ],
    [
      'a schema example that does not validate is passed over for its parts\'',
      { responses: json({ type: 'object', required: ['n'], properties: { n: { type: 'integer', example: 3 } }, example: { n: 'three' } }), want: { status: 200, body: { n: 3 } } },
    ],
    [
      'an example with a property the schema does not declare is passed over (the type is closed)',
      { responses: json({ type: 'object', properties: { n: { type: 'integer', example: 3 } }, example: { n: 1, extra: true } }), want: { status: 200, body: { n: 3 } } },
    ],
    ['no content: the status alone', { responses: { '204': { description: 'gone' } }, want: { status: 204 } }],
    ['the first success status', { responses: { '404': { description: 'no' }, '201': { description: 'made' }, '200': { description: 'ok' } }, want: { status: 200 } }],
    ['none for a body that is not JSON', { responses: { '200': { description: 'ok', content: { 'text/csv': { schema: { type: 'string' } } } } }, want: undefined }],
    ['a string bound is checked', { responses: json({ type: 'string', maxLength: 2, example: 'abc' }), want: undefined }],
    [
      'allOf merges its parts',
      {
        responses: json({ allOf: [{ $ref: '#/components/schemas/Base' }, { type: 'object', properties: { extra: { type: 'string', example: 'e' } } }] }),
        schemas: { Base: { type: 'object', required: ['id'], properties: { id: { type: 'string', example: 'b' } } } },
        want: { status: 200, body: { id: 'b', extra: 'e' } },
      },
    ],
    [
      'a discriminated oneOf: the first branch that validates, tagged with its mapping value',
      {
        responses: json({
          oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
          discriminator: { propertyName: 'pet', mapping: { cat: '#/components/schemas/Cat', dog: '#/components/schemas/Dog' } },
        }),
        schemas: {
          Cat: { type: 'object', required: ['pet', 'lives'], properties: { pet: { type: 'string' }, lives: { type: 'integer', example: 9 } } },
          Dog: { type: 'object', required: ['pet'], properties: { pet: { type: 'string' } } },
        },
        want: { status: 200, body: { lives: 9, pet: 'cat' } },
      },
    ],
    [
      "a boolean discriminator: the boolean its mapping key spells, as the types say (passes/boolean-discriminator.ts)",
      {
        responses: json({ $ref: '#/components/schemas/Body' }),
        schemas: {
          Body: {
            oneOf: [{ $ref: '#/components/schemas/Partial' }, { $ref: '#/components/schemas/Restore' }],
            discriminator: { propertyName: 'restore', mapping: { True: '#/components/schemas/Restore', False: '#/components/schemas/Partial' } },
          },
          Restore: { type: 'object', required: ['restore'], properties: { restore: { type: 'boolean' } } },
          Partial: { type: 'object', properties: { restore: { type: 'boolean' }, name: { type: 'string', example: 'n' } } },
        },
        want: { status: 200, body: { restore: false, name: 'n' } },
      },
    ],
    [
      'a recursive schema ends where the cycle would start',
      {
        responses: json({ $ref: '#/components/schemas/Node' }),
        schemas: { Node: { type: 'object', required: ['name'], properties: { name: { type: 'string', example: 'root' }, child: { $ref: '#/components/schemas/Node' } } } },
        want: { status: 200, body: { name: 'root' } },
      },
    ],
    [
      'a nullable union prefers a value',
      { responses: json({ anyOf: [{ type: 'null' }, { type: 'string', example: 's' }] }), want: { status: 200, body: 's' } },
    ],
  ])('%s', (_name, { responses, schemas, want }) => {
    const { doc, operation } = spec(responses, schemas);
    expect(exampleReply(doc, operation)).toEqual(want);
  });

  it('keeps a property named __proto__ as data', () => {
    const { doc, operation } = spec(json(JSON.parse('{ "type": "object", "properties": { "__proto__": { "type": "string", "example": "p" } } }')));
    const reply = exampleReply(doc, operation)!;
    expect(JSON.stringify(reply.body)).toBe('{"__proto__":"p"}');
    expect(Object.getPrototypeOf(reply.body)).toBe(Object.prototype);
  });
});

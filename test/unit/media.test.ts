/** codegen/lib/media.ts: the one rule that decides how each media type is typed and sent. */
import { describe, expect, it } from 'vitest';
import { mediaKind, type MediaKind } from '../../codegen/lib/media.js';

const doc = { components: { schemas: { File: { type: 'string', format: 'binary' }, Obj: { type: 'object' } } } };
const cases: Array<[string, { type: string; schema?: unknown; want: MediaKind }]> = [
  ['JSON', { type: 'application/json', schema: { type: 'object' }, want: 'json' }],
  ['JSON with parameters', { type: 'application/json; charset=utf-8', want: 'json' }],
  ['a +json suffix', { type: 'application/merge-patch+json', want: 'json' }],
  ['GitHub scim+json', { type: 'application/scim+json', want: 'json' }],
  ['a form', { type: 'application/x-www-form-urlencoded', schema: { type: 'object' }, want: 'form' }],
  ['multipart', { type: 'multipart/form-data', schema: { type: 'object' }, want: 'multipart' }],
  ['octet-stream, format binary', { type: 'application/octet-stream', schema: { type: 'string', format: 'binary' }, want: 'binary' }],
  ['a binary $ref', { type: 'application/pdf', schema: { $ref: '#/components/schemas/File' }, want: 'binary' }],
  ['3.1 contentMediaType', { type: 'image/png', schema: { type: 'string', contentMediaType: 'image/png' }, want: 'binary' }],
  ['base64 text is not bytes', { type: 'application/x-thing', schema: { type: 'string', contentMediaType: 'image/png', contentEncoding: 'base64' }, want: 'text' }],
  ['no schema', { type: 'application/zip', want: 'binary' }],
  ['a wildcard', { type: '*/*', schema: { type: 'string' }, want: 'binary' }],
  ['text/plain', { type: 'text/plain', schema: { type: 'string' }, want: 'text' }],
  ['text/html without schema', { type: 'text/html', want: 'text' }],
  ['a vendor type with a string schema (GitHub diff)', { type: 'application/vnd.github.diff', schema: { type: 'string' }, want: 'text' }],
  ['a nullable string, 3.1', { type: 'application/vnd.github.sha', schema: { type: ['string', 'null'] }, want: 'text' }],
  ['a vendor type with an object schema (GitHub object)', { type: 'application/vnd.github.object', schema: { $ref: '#/components/schemas/Obj' }, want: 'json' }],
  ['event stream', { type: 'text/event-stream', schema: { type: 'string' }, want: 'event-stream' }],
];

describe('mediaKind', () => {
  it.each(cases)('%s', (_, { type, schema, want }) => {
    expect(mediaKind(doc, type, schema === undefined ? {} : { schema })).toBe(want);
  });
});

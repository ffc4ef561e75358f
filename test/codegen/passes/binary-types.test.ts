/**
 * codegen/passes/binary-types.ts: raw bytes get the types the wire carries
 * (`Blob`, the binary request body union, a byte stream for
 * text/event-stream) where openapi-typescript writes `string`; the same
 * `format: binary` in a JSON body stays `string`.
 */
import { describe, expect, it } from 'vitest';
import { runPassesOn } from '../../support/passes.js';

const spec = (paths: string, schemas = '{}') => `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
${paths}
components:
  schemas: ${schemas}
`;

const operation = (method: string, body: string) => `  /x:
    ${method}:
      operationId: op
${body}`;

describe('binary-types', () => {
  it.each<[string, { given: string; want: { where: string[]; lines: string[]; unchanged?: string[] } }]>([
    [
      'a multipart file field (through a $ref) is a Blob; the same format in a JSON body stays a string',
      {
        given: spec(
          `${operation(
            'post',
            `      requestBody: { content: { multipart/form-data: { schema: { $ref: '#/components/schemas/Upload' } } } }
      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Export' } } } } }
`,
          )}`,
          `
    Upload: { type: object, properties: { file: { type: string, format: binary }, files: { type: array, items: { type: string, format: binary } }, name: { type: string } } }
    Export: { type: object, properties: { content: { type: string, format: binary } } }`,
        ),
        want: { where: ['Upload.file', 'Upload.files[]'], lines: ['file?: Blob;', 'files?: Blob[];', 'name?: string;', 'content?: string;'] },
      },
    ],
    [
      'a whole request body in a binary media type: every byte source the runtime sends',
      {
        given: spec(
          operation(
            'put',
            `      requestBody: { content: { application/octet-stream: { schema: { type: string, format: binary } } } }
      responses: { '204': { description: done } }
`,
          ),
        ),
        want: { where: ['PUT /x application/octet-stream'], lines: ['"application/octet-stream": Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;'] },
      },
    ],
    [
      'a binary response is a Blob; text/event-stream is a byte stream',
      {
        given: spec(
          `${operation('get', `      responses: { '200': { description: ok, content: { image/png: { schema: { type: string, format: binary } } } } }\n`)}  /events:
    get:
      operationId: events
      responses: { '200': { description: ok, content: { text/event-stream: { schema: { type: string } } } } }
`,
        ),
        want: { where: ['GET /x 200 image/png', 'GET /events 200 text/event-stream'], lines: ['"image/png": Blob;', '"text/event-stream": ReadableStream<Uint8Array>;'] },
      },
    ],
    [
      'a description or a name that says "binary" changes nothing',
      {
        given: spec(
          operation(
            'post',
            `      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/binary' } } } }
      responses: { '204': { description: done } }
`,
          ),
          `
    binary: { type: object, description: binary data, properties: { binary: { type: string, description: 'format: binary' } } }`,
        ),
        want: { where: [], lines: ['binary?: string;'] },
      },
    ],
  ])('%s', async (_, { given, want }) => {
    const { text, facts } = await runPassesOn(given);
    expect(facts.binaryTypes ?? []).toEqual(want.where);
    for (const line of want.lines) expect(text).toContain(line);
  });
});

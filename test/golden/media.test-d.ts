/** The media-type goldens, type-checked: what each body accepts and refuses, and what each response is. */
import { describe, expectTypeOf, it } from 'vitest';
import { createMediaKindsApiClient, createMediaKindsClient, getBlob, type CreateNoteArgs, type Problem, type PutBlobArgs, type UploadArgs } from './__golden__/media-kinds/index.js';

const upload = (args: UploadArgs) => args;
const putBlob = (args: PutBlobArgs) => args;
const createNote = (args: CreateNoteArgs) => args;

describe('multipart/form-data', () => {
  it('takes a Blob or a File for a binary field, also in arrays', () => {
    upload({ body: { file: new Blob(['x']), name: 'n' } });
    upload({ body: { file: new File(['x'], 'x.txt'), name: 'n', attachments: [new Blob([]), new File([], 'a')], image: new Blob([]) } });
    upload({ body: { file: new Blob([]), name: 'n', meta: { source: 's' }, count: 1, public: true, labels: ['a'] } });
  });
  it('refuses anything else for a binary field', () => {
    // @ts-expect-error a number is not a file
    upload({ body: { file: 42, name: 'n' } });
    // @ts-expect-error a string is not a file (it would be sent as text)
    upload({ body: { file: 'contents', name: 'n' } });
    // @ts-expect-error an array of strings is not an array of files
    upload({ body: { file: new Blob([]), name: 'n', attachments: ['a'] } });
    // @ts-expect-error the other fields keep their types
    upload({ body: { file: new Blob([]), name: 'n', count: 'one' } });
    // @ts-expect-error required fields stay required
    upload({ body: { file: new Blob([]) } });
  });
});

describe('application/octet-stream', () => {
  it('takes a Blob, an ArrayBuffer, a typed array or a ReadableStream', () => {
    putBlob({ name: 'b', body: new Blob([]) });
    putBlob({ name: 'b', body: new ArrayBuffer(1) });
    putBlob({ name: 'b', body: new Uint8Array(1) });
    putBlob({ name: 'b', body: new Blob([]).stream() });
  });
  it('refuses a number, a string, an object', () => {
    // @ts-expect-error not bytes
    putBlob({ name: 'b', body: 42 });
    // @ts-expect-error not bytes
    putBlob({ name: 'b', body: 'text' });
    // @ts-expect-error not bytes
    putBlob({ name: 'b', body: { data: 'x' } });
  });
});

describe('several media types: JSON by default, the others by a typed contentType', () => {
  it('accepts each media type with its own body', () => {
    createNote({ body: { text: 'hi' } });
    createNote({ contentType: 'application/json', body: { text: 'hi', pinned: true } });
    createNote({ contentType: 'text/plain', body: 'hi' });
    createNote({ contentType: 'application/x-www-form-urlencoded', body: { text: 'hi' } });
  });
  it('refuses a body of another media type, and a media type the spec does not list', () => {
    // @ts-expect-error the default is JSON: a Note, not a string
    createNote({ body: 'hi' });
    // @ts-expect-error text/plain takes a string
    createNote({ contentType: 'text/plain', body: { text: 'hi' } });
    // @ts-expect-error not a media type of this operation
    createNote({ contentType: 'application/xml', body: '<note/>' });
  });
});

describe('responses as the runtime reads them', () => {
  const client = createMediaKindsClient({ baseUrl: 'http://localhost' });
  it('binary: a Blob', async () => {
    const result = await client.getBlob({ name: 'b' });
    if (result.error) expectTypeOf(result.error).toEqualTypeOf<Problem>();
    else expectTypeOf(result.data).toEqualTypeOf<Blob>();
  });
  it('text/*: a string', async () => {
    const result = await client.render({ body: '# t' });
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<string>();
  });
  it('text/event-stream: the byte stream', async () => {
    const result = await client.streamEvents();
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<ReadableStream<Uint8Array>>();
  });
  it('binary, on request: the byte stream (free function)', async () => {
    const result = await getBlob(createMediaKindsApiClient(), { name: 'b' }, { parseAs: 'stream' });
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<ReadableStream<Uint8Array>>();
    // @ts-expect-error only 'stream' changes how the body is read
    void getBlob(createMediaKindsApiClient(), { name: 'b' }, { parseAs: 'json' });
  });
  it('in throwing mode too', async () => {
    const throwing = createMediaKindsClient({ throwOnError: true, baseUrl: 'http://localhost' });
    expectTypeOf((await throwing.getBlob({ name: 'b' })).data).toEqualTypeOf<Blob>();
  });
});

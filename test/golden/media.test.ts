/**
 * Golden test: the media-type fixtures (test/fixtures/media/) through the
 * pipeline. The emitted files are compared with committed goldens under
 * __golden__/, type-checked by media.test-d.ts and called over real HTTP by
 * test/contract/media-types.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { goldenFixture } from '../support/golden.js';

describe('media-type fixtures', async () => {
  const results = await goldenFixture('media');

  it('types bytes as the wire carries them, and only where the spec says so', () => {
    const schema = results.find((r) => r.api === 'media-kinds')!.files.get('media-kinds/schema.ts')!;
    expect(schema).toMatch(/^\s+file: Blob;$/m);
    expect(schema).toMatch(/^\s+attachments\?: Blob\[\];$/m);
    expect(schema).toMatch(/^\s+image\?: Blob;$/m); // 3.1 contentMediaType
    expect(schema).toMatch(/"application\/octet-stream": Blob \| ArrayBuffer \| ArrayBufferView \| ReadableStream<Uint8Array>;/);
    expect(schema).toMatch(/"application\/octet-stream": Blob;/); // the response
    expect(schema).toMatch(/"text\/event-stream": ReadableStream<Uint8Array>;/);
    expect(schema).toMatch(/"text\/plain": string;/);
    expect(schema).toMatch(/^\s+labels\?: string\[\];$/m);
    expect(schema).toMatch(/^\s+dump\?: string;$/m); // format: binary inside JSON is a string
  });

  it('passes the runtime what each operation needs, and nothing for plain JSON', () => {
    const ops = results.find((r) => r.api === 'media-kinds')!.files.get('media-kinds/operations.ts')!;
    // The implementation's line and its call (after any overloads).
    const call = (name: string) => [...ops.matchAll(new RegExp(`function ${name}\\(.*\\{\\n.*`, 'g'))].at(-1)![0];
    expect(call('upload')).toContain('{ request: [{ type: "multipart/form-data", kind: "multipart", encoding: { "image": { contentType: "image/png" }, "meta": { contentType: "application/json" } } }] }');
    expect(call('submitForm')).toContain('"address": { style: "deepObject", explode: true }');
    expect(call('createNote')).toContain('[{ type: "application/json", kind: "json" }, { type: "text/plain", kind: "text" }');
    expect(ops).toContain('export type CreateNoteArgs = $runtime.WithBodyChoice<');
    expect(call('getBlob')).toMatch(/options, \{ response: "blob" \}\);$/);
    expect(ops).toContain('export function getBlob(client: MediaKindsApiClient, args: GetBlobArgs, options: $runtime.CallOptions & $runtime.AsStream)');
    expect(call('render')).toContain('response: "text"');
    expect(call('streamEvents')).toContain('response: "stream"');
  });
});

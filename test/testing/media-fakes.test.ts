/**
 * The generated fake of the media-type fixture (test/golden/__golden__/media-kinds/)
 * with its client: every body kind the wrappers send is read back into the
 * argument the code passed, typed as the wrapper's, and every response kind
 * the wrappers read is answered.
 */
import { describe, expect, it } from 'vitest';
import { createMediaKindsClient } from '../golden/__golden__/media-kinds/index.js';
import { createMediaKindsFake } from '../golden/__golden__/media-kinds/testing.js';

const client = (fake: ReturnType<typeof createMediaKindsFake>) => createMediaKindsClient({ fetch: fake.fetch, throwOnError: true });

describe('the media-kinds fake', () => {
  it('multipart: files as Files, the JSON part parsed, numbers, booleans and arrays by the schema', async () => {
    const fake = createMediaKindsFake({ upload: (_args, { reply }) => reply(201, { ok: true }) });
    const file = new File(['main'], 'main.txt', { type: 'text/plain' });
    await client(fake).upload({
      body: { file, name: 'report', attachments: [new File(['a'], 'a.bin'), new File(['b'], 'b.bin')], meta: { source: 'test' }, count: 3, public: false, labels: ['x'] },
    });
    const body = fake.calls.upload[0]!.body;
    expect(body).toMatchObject({ name: 'report', meta: { source: 'test' }, count: 3, public: false, labels: ['x'] });
    expect(body.file).toBeInstanceOf(Blob);
    // (Typed as the wrapper's argument types them: openapi-fetch's request body mapping leaves a Blob `{}`.)
    expect(await (body.file as Blob).text()).toBe('main');
    expect(await Promise.all(((body.attachments ?? []) as Blob[]).map((a) => a.text()))).toEqual(['a', 'b']);
  });

  it('a form: deepObject nested, an array sent joined (explode: false) split again, booleans by the schema', async () => {
    const fake = createMediaKindsFake({ submitForm: () => ({ status: 200, body: { ok: true } }) });
    const body = { name: 'Ada', address: { city: 'Paris', lines: ['1 rue', '2e'] }, tags: ['a', 'b'], colors: ['red', 'blue'], subscribed: true };
    await client(fake).submitForm({ body });
    expect(fake.calls.submitForm).toEqual([{ body }]);
  });

  it('bytes, a text body in the media type chosen, and a merge patch', async () => {
    const fake = createMediaKindsFake({
      putBlob: () => ({ status: 200, body: { ok: true } }),
      createNote: () => ({ status: 201, body: { ok: true } }),
      mergeNote: () => ({ status: 200, body: { ok: true } }),
    });
    const c = client(fake);
    await c.putBlob({ name: 'b1', body: new Uint8Array([7, 8]) });
    await c.createNote({ contentType: 'text/plain', body: 'plain' });
    await c.createNote({ body: { text: 'json', pinned: true } });
    await c.mergeNote({ body: { text: null } as never });
    expect([...new Uint8Array(await (fake.calls.putBlob[0]!.body as Blob).arrayBuffer())]).toEqual([7, 8]);
    expect(fake.calls.createNote).toEqual([
      { contentType: 'text/plain', body: 'plain' },
      { contentType: 'application/json', body: { text: 'json', pinned: true } },
    ]);
    expect(fake.calls.mergeNote).toEqual([{ body: { text: null } }]);
  });

  it('answers text, a Blob and a stream where the operation reads them', async () => {
    const fake = createMediaKindsFake({
      render: () => ({ status: 200, body: '<p>hi</p>' }),
      getBlob: () => ({ status: 200, body: new Blob([new Uint8Array([1, 2, 3])]) }),
      streamEvents: () => ({ status: 200, body: new Blob(['data: 1\n\n']).stream() }),
    });
    const c = client(fake);
    expect((await c.render({ body: '# hi' })).data).toBe('<p>hi</p>');
    expect(fake.calls.render).toEqual([{ body: '# hi' }]);
    const blob = (await c.getBlob({ name: 'x' })).data;
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
    const stream = (await c.streamEvents()).data;
    expect(await new Response(stream).text()).toBe('data: 1\n\n');
  });
});

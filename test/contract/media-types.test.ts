/**
 * Every body kind of src/body.ts over real HTTP, through the wrappers generated
 * from test/fixtures/media (the goldens of test/golden/media.test.ts): a local
 * node:http server records the bytes that arrive, and the Prism mock of the
 * same spec validates the media types it understands.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMediaKindsApiClient, createMediaKindsClient, getBlob } from '../golden/__golden__/media-kinds/index.js';
import { InvalidRequestError } from '../../src/index.js';
import { startMockServer, type MockServer } from '../support/mock-server.js';
import { answerJson, RecordingServer, type Received } from '../support/recording-server.js';

const server = new RecordingServer(answerJson('{"ok":true}'));
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await server.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => createMediaKindsClient({ baseUrl, maxRetries: 0 });
const only = () => server.only();
/** Parses what arrived with undici's own multipart parser: the bytes are well-formed multipart/form-data. */
const formData = (s: Received) => new Response(new Uint8Array(s.body), { headers: { 'content-type': s.headers['content-type']! } }).formData();

describe('multipart/form-data', () => {
  it('sends files, arrays of files, JSON and typed parts and plain fields as the spec and its encoding say', async () => {
    const { data, error } = await client().upload({
      body: {
        file: new File(['hello, file'], 'notes "v1".txt', { type: 'text/plain' }),
        attachments: [new Blob(['a1']), new Blob([new Uint8Array([0, 255, 1])], { type: 'application/x-raw' })],
        image: new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47])]),
        meta: { source: 'test' },
        name: 'Zoë',
        count: 3,
        public: true,
        labels: ['a', 'b'],
      },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ ok: true });
    const s = only();
    expect(s.headers['content-type']).toMatch(/^multipart\/form-data; boundary=----vendor-api-clients-[0-9a-f]{24}$/);
    expect(Number(s.headers['content-length'])).toBe(s.body.length);
    const raw = s.body.toString('latin1');
    expect(raw).toContain('Content-Disposition: form-data; name="file"; filename="notes %22v1%22.txt"\r\nContent-Type: text/plain\r\n\r\nhello, file\r\n');
    // The encoding's contentType wins over the Blob's (empty) type.
    expect(raw).toContain('name="image"; filename="blob"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n');
    // An object is a JSON part, not a file.
    expect(raw).toContain('Content-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"source":"test"}\r\n');
    expect(raw).toContain('Content-Disposition: form-data; name="count"\r\n\r\n3\r\n');
    const form = await formData(s);
    const file = form.get('file') as File;
    expect([file.name, file.type, await file.text()]).toEqual(['notes "v1".txt', 'text/plain', 'hello, file']);
    const attachments = form.getAll('attachments') as File[];
    expect(attachments.map((f) => f.type)).toEqual(['application/octet-stream', 'application/x-raw']);
    expect([...new Uint8Array(await attachments[1]!.arrayBuffer())]).toEqual([0, 255, 1]);
    expect(form.get('name')).toBe('Zoë');
    expect(form.get('public')).toBe('true');
    expect(form.getAll('labels')).toEqual(['a', 'b']);
  });

  it('sends the same bytes again on a retry', async () => {
    let n = 0;
    server.answer = (res, s) => {
      if (n++ === 0) {
        res.statusCode = 503;
        res.setHeader('x-should-retry', 'true');
        res.setHeader('retry-after-ms', '0');
        res.end();
      } else answerJson('{"ok":true}', 201)(res, s);
    };
    const { data } = await createMediaKindsClient({ baseUrl, maxRetries: 1 }).upload({ body: { file: new Blob(['bytes']), name: 'n' } });
    expect(data).toEqual({ ok: true });
    expect(server.seen).toHaveLength(2);
    expect(server.seen[1]!.body.equals(server.seen[0]!.body)).toBe(true);
    expect(server.seen[1]!.headers['content-type']).toBe(server.seen[0]!.headers['content-type']);
  });

  it('refuses a body that is not an object, before sending', async () => {
    // @ts-expect-error a multipart body is an object
    await expect(client().upload({ body: 'file' })).rejects.toThrow(InvalidRequestError);
    expect(server.seen).toEqual([]);
  });
});

describe('application/x-www-form-urlencoded', () => {
  it('encodes by the encoding object: deepObject nests and numbers array items, form explodes or joins', async () => {
    await client().submitForm({
      body: { name: 'A&B é', address: { city: 'Paris', lines: ['1 rue', 'bis'] }, tags: ['x', 'y'], colors: ['red', 'blue'], subscribed: false },
    });
    const s = only();
    expect(s.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(s.body.toString()).toBe(
      'name=A%26B+%C3%A9&address[city]=Paris&address[lines][0]=1+rue&address[lines][1]=bis&tags=x%2Cy&colors=red&colors=blue&subscribed=false',
    );
    expect([...new URLSearchParams(s.body.toString())]).toContainEqual(['tags', 'x,y']);
  });
});

describe('binary bodies', () => {
  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  const cases: Array<[string, () => Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>]> = [
    ['Uint8Array', () => bytes],
    ['ArrayBuffer', () => bytes.slice().buffer],
    ['Blob', () => new Blob([bytes])],
    ['ReadableStream', () => new Blob([bytes]).stream()],
  ];
  for (const [name, make] of cases) {
    it(`sends a ${name} as application/octet-stream, byte for byte`, async () => {
      const { data } = await client().putBlob({ name: 'b', body: make() });
      expect(data).toEqual({ ok: true });
      const s = only();
      expect([s.method, s.url, s.headers['content-type']]).toEqual(['PUT', '/blobs/b', 'application/octet-stream']);
      expect([...s.body]).toEqual([...bytes]);
    });
  }

  it('refuses a number or a string, before sending', async () => {
    // @ts-expect-error bytes, not a number
    await expect(client().putBlob({ name: 'b', body: 42 })).rejects.toThrow(/application\/octet-stream body must be a Blob/);
    // @ts-expect-error bytes, not text
    await expect(client().putBlob({ name: 'b', body: 'text' })).rejects.toThrow(InvalidRequestError);
    expect(server.seen).toEqual([]);
  });

  it('reads a binary response as a Blob, and an error response as JSON', async () => {
    server.answer = (res, s) => {
      if (s.url === '/blobs/missing') {
        res.statusCode = 404;
        res.setHeader('content-type', 'application/json');
        res.end('{"title":"no such blob"}');
        return;
      }
      res.setHeader('content-type', 'application/octet-stream');
      res.end(Buffer.from(bytes));
    };
    const { data } = await client().getBlob({ name: 'b' });
    expect(data).toBeInstanceOf(Blob);
    expect([...new Uint8Array(await data!.arrayBuffer())]).toEqual([...bytes]);
    const { error } = await client().getBlob({ name: 'missing' });
    expect(error).toEqual({ title: 'no such blob' });
    // On request, the bytes as a stream, not read into memory first.
    const streamed = await getBlob(createMediaKindsApiClient({ baseUrl, maxRetries: 0 }), { name: 'b' }, { parseAs: 'stream' });
    expect(streamed.data).toBeInstanceOf(ReadableStream);
    expect([...new Uint8Array(await new Response(streamed.data).arrayBuffer())]).toEqual([...bytes]);
  });
});

describe('text and several media types', () => {
  it('sends text/markdown as the string and reads text/html as a string', async () => {
    server.answer = (res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end('<p>Hi <b>there</b></p>');
    };
    const { data } = await client().render({ body: 'Hi **there**' });
    expect(data).toBe('<p>Hi <b>there</b></p>');
    const s = only();
    expect([s.headers['content-type'], s.body.toString()]).toEqual(['text/markdown', 'Hi **there**']);
  });

  it('sends JSON by default, and the chosen media type otherwise', async () => {
    await client().createNote({ body: { text: 'hi', pinned: true } });
    await client().createNote({ contentType: 'text/plain', body: 'hi' });
    await client().createNote({ contentType: 'application/x-www-form-urlencoded', body: { text: 'hi', pinned: true } });
    expect(server.seen.map((s) => [s.headers['content-type'], s.body.toString()])).toEqual([
      ['application/json', '{"text":"hi","pinned":true}'],
      ['text/plain', 'hi'],
      ['application/x-www-form-urlencoded', 'text=hi&pinned=true'],
    ]);
  });

  it('refuses a media type the operation does not accept', async () => {
    // @ts-expect-error not one of the operation's media types
    await expect(client().createNote({ contentType: 'application/xml', body: '<note/>' })).rejects.toThrow(/contentType "application\/xml" is not one/);
    expect(server.seen).toEqual([]);
  });

  it('sends a +json media type with its own Content-Type', async () => {
    await client().mergeNote({ body: { text: 'x' } });
    expect(only().headers['content-type']).toBe('application/merge-patch+json');
  });

  it('lets a per-call Content-Type header win', async () => {
    await client().render({ body: '# t' }, { headers: { 'Content-Type': 'text/markdown; charset=utf-8' } });
    expect(only().headers['content-type']).toBe('text/markdown; charset=utf-8');
  });
});

describe('text/event-stream', () => {
  it('hands the response over as a stream, unparsed', async () => {
    server.answer = (res) => {
      res.setHeader('content-type', 'text/event-stream');
      res.write('data: one\n\n');
      res.end('data: two\n\n');
    };
    const { data } = await client().streamEvents();
    expect(data).toBeInstanceOf(ReadableStream);
    expect(await new Response(data).text()).toBe('data: one\n\ndata: two\n\n');
  });
});

describe('against the Prism mock of the same spec', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer(join(import.meta.dirname, '../golden/__golden__/media-kinds/openapi.yaml'));
  });
  afterAll(() => mock?.close());

  it('accepts what the wrappers send in every media type it validates', async () => {
    const c = createMediaKindsClient({ baseUrl: mock.url, maxRetries: 0 });
    const results = [
      // No arrays and no JSON part: Prism 5.16 reads every part as one string and keeps one
      // part per name (prism-http validators/body.js, parseMultipartFormDataParams), so it
      // cannot see either; the local server above checks them.
      await c.upload({ body: { file: new File(['x'], 'x.txt'), name: 'n', count: 2, public: false } }),
      await c.submitForm({ body: { name: 'n', address: { city: 'Paris' }, tags: ['x', 'y'], subscribed: true } }),
      await c.putBlob({ name: 'b', body: new Uint8Array([1, 2, 3]) }),
      await c.createNote({ body: { text: 'hi' } }),
      await c.createNote({ contentType: 'text/plain', body: 'hi' }),
      await c.createNote({ contentType: 'application/x-www-form-urlencoded', body: { text: 'hi', pinned: true } }),
      await c.mergeNote({ body: { text: 'x' } }),
      await c.render({ body: '# Hi' }),
    ];
    expect(mock.violations()).toEqual([]);
    expect(results.map((r) => r.response.status)).toEqual([201, 200, 200, 201, 201, 201, 200, 200]);
    expect(typeof results[7]!.data).toBe('string');
  });

  it('and rejects what the spec does not allow (the mock does check)', async () => {
    const c = createMediaKindsClient({ baseUrl: mock.url, maxRetries: 0 });
    // @ts-expect-error name is required
    const { response } = await c.upload({ body: { file: new Blob(['x']) } });
    expect(response.status).toBe(422);
    expect(mock.violations().length).toBeGreaterThan(0);
  });
});

/**
 * The fakes' runtime (src/testing.ts) with a table written here, as a
 * generated testing.ts gives one: matching, reading a request back into the
 * wrapper's argument, replies, failures, and what the client's transport
 * makes of them (test/testing/ covers the generated modules).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type ApiDescriptor } from '../../src/client.js';
import { ApiAbortError, ApiConnectionError, ApiTimeoutError, NotFoundError } from '../../src/errors.js';
import { callOperation } from '../../src/operation.js';
import { createFake, dropConnection, FakeError, type FakeApi, type FakeHandlers, type FakeRoute } from '../../src/testing.js';

const routes = {
    getItem: { method: 'GET', path: '/items/{id}', kinds: { path: { id: 'number' } } },
    getLatest: { method: 'GET', path: '/items/latest' },
    listItems: {
      method: 'GET',
      path: '/items',
      kinds: { query: { limit: 'number', tags: 'string[]', ids: 'number[]', archived: 'boolean', filter: 'object' }, header: { 'X-Trace': 'string', 'X-Page': 'number' } },
    },
    putItem: { method: 'PUT', path: '/items/{id}' },
    patchItem: { method: 'PATCH', path: '/items/{id}' },
    getFile: { method: 'GET', path: '/files/{name}.{ext}' },
    upload: {
      method: 'POST',
      path: '/upload',
      kinds: { body: { meta: 'object', count: 'number', public: 'boolean', labels: 'string[]', files: 'string[]' } },
      request: [['multipart/form-data', 'multipart']],
    },
    submitForm: { method: 'POST', path: '/forms', kinds: { body: { subscribed: 'boolean', tags: 'string[]' } }, request: [['application/x-www-form-urlencoded', 'form']] },
    createNote: { method: 'POST', path: '/notes', request: [['application/json', 'json'], ['text/plain', 'text']] },
    putBlob: { method: 'PUT', path: '/blobs/{name}', request: [['application/octet-stream', 'binary']] },
    render: { method: 'POST', path: '/render', request: [['text/markdown', 'text']], response: 'text' },
    deleteItem: { method: 'DELETE', path: '/items/{id}' },
} satisfies Record<string, FakeRoute>;
const api: FakeApi = { name: 'Table API', factory: 'createTableFake', routes, examples: { getLatest: [200, '{"id":7,"name":"from the spec"}'], deleteItem: [204] } };

/** Untyped operations: the types are test/testing/'s subject. */
type Ops = Record<keyof typeof routes, { args: Record<string, any>; op: { responses: Record<number, { content: { 'application/json': any } }> } }>;
const fakeOf = (handlers: FakeHandlers<Ops> = {}, options = {}) => createFake<Ops>(api, handlers, options);
const BASE = 'https://api.example.test/base';

const descriptor: ApiDescriptor = { name: 'Table API', apiKeyEnv: 'TABLE_API_KEY', auth: { in: 'header', name: 'Authorization' }, servers: { default: BASE } };
const clientOf = (fetch: (r: Request, i?: RequestInit) => Promise<Response>, options: Record<string, unknown> = {}) =>
  createApiClient(descriptor, { apiKey: 'secret-key', fetch, logLevel: 'off', ...options });
const call = (fake: ReturnType<typeof fakeOf>, method: string, path: string, args?: object, clientOptions?: Record<string, unknown>) =>
  callOperation<{ data?: unknown; error?: unknown; response: Response }>(clientOf(fake.fetch, clientOptions), method as 'get', path, args, undefined);

afterEach(() => {
  vi.useRealTimers();
});

describe('matching a request to its operation', () => {
  it.each([
    ['a template', 'GET', '/items/42', 'getItem'],
    ['a literal path over the template that also matches it', 'GET', '/items/latest', 'getLatest'],
    ['behind any base path', 'GET', '/base/v9/items/42', 'getItem'],
    ['by method', 'PUT', '/items/42', 'putItem'],
    ['two parameters in one segment', 'GET', '/files/report.pdf', 'getFile'],
  ])('%s', async (_name, method, path, want) => {
    const fake = fakeOf(Object.fromEntries(Object.keys(api.routes).map((n) => [n, () => ({ status: 200, body: { operation: n } })])));
    const response = await fake.fetch(`https://host.test${path}`, { method });
    expect(await response.json()).toEqual({ operation: want });
    expect(fake.requests.map((r) => r.operation)).toEqual([want]);
  });

  it('decodes path parameters, reading them as their kind', async () => {
    const fake = fakeOf({ getItem: () => ({ status: 200, body: {} }), getFile: () => ({ status: 200, body: {} }) });
    await fake.fetch(`${BASE}/items/42`);
    await fake.fetch(`${BASE}/files/${encodeURIComponent('a/b c')}.tar.gz`);
    expect(fake.calls.getItem).toEqual([{ id: 42 }]);
    expect(fake.calls.getFile).toEqual([{ name: 'a/b c', ext: 'tar.gz' }]);
  });

  it('refuses a path no operation has, loudly, and records it', async () => {
    const fake = fakeOf();
    await expect(fake.fetch(`${BASE}/nothing/here?api_key=secret`, { method: 'GET' })).rejects.toThrow(
      'Table API fake: no operation matches GET /base/nothing/here. The fake answers the operations of the spec it was generated from',
    );
    expect(fake.errors.map((e) => [e.reason, e.operation])).toEqual([['no-operation', undefined]]);
    expect(String(fake.errors[0])).not.toContain('secret');
  });
});

describe("reading a request back into the wrapper's argument", () => {
  it('query parameters by kind, repeated names as arrays, deepObject nested, undeclared ones as strings', async () => {
    const fake = fakeOf({ listItems: () => ({ status: 200, body: [] }) });
    await call(fake, 'get', '/items', { query: { limit: 10, tags: ['a', 'b'], ids: [3], archived: false, filter: { owner: 'me', size: 1 }, extra: 'x' } });
    expect(fake.calls.listItems).toEqual([{ query: { limit: 10, tags: ['a', 'b'], ids: [3], archived: false, filter: { owner: 'me', size: '1' }, extra: 'x' } }]); // values inside a deepObject stay strings
  });

  it('declared headers only, by their kind (not the client or credential headers)', async () => {
    const fake = fakeOf({ listItems: () => ({ status: 200, body: [] }) });
    await call(fake, 'get', '/items', { headers: { 'X-Trace': 't-1', 'X-Page': 2 } });
    expect(fake.calls.listItems).toEqual([{ headers: { 'X-Trace': 't-1', 'X-Page': 2 } }]);
    // The Request is recorded as sent: the key was sent, and a test can check that.
    expect(fake.requests[0]!.request.headers.get('authorization')).toBe('secret-key');
  });

  it('a JSON body', async () => {
    const fake = fakeOf({ patchItem: () => ({ status: 200, body: {} }) });
    const patch = [{ op: 'replace', path: '/name', value: 'New' }];
    await call(fake, 'patch', '/items/{id}', { id: 'a', body: patch });
    expect(fake.calls.patchItem).toEqual([{ id: 'a', body: patch }]);
  });

  it('a multipart body: files stay Files, JSON parts are parsed, fields read by kind', async () => {
    const fake = fakeOf({ upload: () => ({ status: 201, body: {} }) });
    const client = clientOf(fake.fetch);
    const file = new File(['hello'], 'hello.txt', { type: 'text/plain' });
    const body = { file, files: [new Blob(['x'])], meta: { a: [1] }, count: 3, public: true, labels: ['one'], note: 'n' };
    await callOperation(client, 'post', '/upload', { body }, undefined, { request: [{ type: 'multipart/form-data', kind: 'multipart' }] });
    const got = fake.calls.upload[0]!.body as Record<string, unknown>;
    expect(got).toMatchObject({ meta: { a: [1] }, count: 3, public: true, labels: ['one'], note: 'n' });
    expect(got.file).toBeInstanceOf(File);
    expect([(got.file as File).name, await (got.file as File).text()]).toEqual(['hello.txt', 'hello']);
    expect((got.files as Blob[]).length).toBe(1);
  });

  it('a form body, deepObject fields nested', async () => {
    const fake = fakeOf({ submitForm: () => ({ status: 200, body: {} }) });
    const client = clientOf(fake.fetch);
    const body = { name: 'Ada', subscribed: true, tags: ['x'], address: { city: 'Paris' } };
    await callOperation(client, 'post', '/forms', { body }, undefined, {
      request: [{ type: 'application/x-www-form-urlencoded', kind: 'form', encoding: { address: { style: 'deepObject', explode: true } } }],
    });
    expect(fake.calls.submitForm).toEqual([{ body }]);
  });

  it('a body in the media type chosen, named by contentType', async () => {
    const fake = fakeOf({ createNote: () => ({ status: 201, body: {} }) });
    const media = { request: [{ type: 'application/json', kind: 'json' as const }, { type: 'text/plain', kind: 'text' as const }] };
    await callOperation(clientOf(fake.fetch), 'post', '/notes', { body: { text: 'hi' } }, undefined, media);
    await callOperation(clientOf(fake.fetch), 'post', '/notes', { contentType: 'text/plain', body: 'hi' }, undefined, media);
    expect(fake.calls.createNote).toEqual([
      { contentType: 'application/json', body: { text: 'hi' } },
      { contentType: 'text/plain', body: 'hi' },
    ]);
  });

  it('a binary body as a Blob', async () => {
    const fake = fakeOf({ putBlob: () => ({ status: 204, body: undefined }) });
    await callOperation(clientOf(fake.fetch), 'put', '/blobs/{name}', { name: 'b', body: new Uint8Array([1, 2, 3]) }, undefined, {
      request: [{ type: 'application/octet-stream', kind: 'binary' }],
    });
    const blob = fake.calls.putBlob[0]!.body as Blob;
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });
});

describe('replies', () => {
  it('a declared reply: JSON with its status and headers, the request id read by the client', async () => {
    const fake = fakeOf({ getItem: ({ id }) => ({ status: 200, body: { id }, headers: { 'x-request-id': 'req_1' } }) });
    const result = (await call(fake, 'get', '/items/{id}', { id: 5 })) as { data: unknown; response: Response; requestId?: string };
    expect([result.data, result.response.status, result.response.headers.get('content-type'), result.requestId]).toEqual([{ id: 5 }, 200, 'application/json', 'req_1']);
  });

  it('reply(status, body, options) makes the same reply from arguments', async () => {
    const fake = fakeOf({ getItem: ({ id }, { reply }) => reply(201, { id }, { headers: { 'x-request-id': 'req_2' } }) });
    const response = await fake.fetch(`${BASE}/items/9`);
    expect([response.status, response.headers.get('x-request-id'), await response.json()]).toEqual([201, 'req_2', { id: 9 }]);
  });

  it('an error status: the client gives the declared error, or throws its ApiError subclass', async () => {
    const fake = fakeOf({ getItem: () => ({ status: 404, body: { message: 'gone' } }) });
    const result = await call(fake, 'get', '/items/{id}', { id: 1 });
    expect([result.response.status, result.error]).toEqual([404, { message: 'gone' }]);
    await expect(call(fake, 'get', '/items/{id}', { id: 1 }, { throwOnError: true })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('no body for 204, and a text body as text when the operation answers text', async () => {
    const fake = fakeOf({ deleteItem: () => ({ status: 204, body: 'ignored' }), render: () => ({ status: 200, body: '<h1>Hi</h1>' }) });
    const deleted = await fake.fetch(`${BASE}/items/1`, { method: 'DELETE' });
    expect([deleted.status, await deleted.text()]).toEqual([204, '']);
    const rendered = await fake.fetch(`${BASE}/render`, { method: 'POST', body: '# Hi', headers: { 'content-type': 'text/markdown' } });
    expect([rendered.headers.get('content-type'), await rendered.text()]).toEqual(['text/plain', '<h1>Hi</h1>']);
    expect(fake.calls.render).toEqual([{ body: '# Hi' }]);
  });

  it('any Response, for what the spec does not declare', async () => {
    const fake = fakeOf({ getItem: () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } }) });
    const result = await call(fake, 'get', '/items/{id}', { id: 1 }, { maxRetries: 0 });
    expect([result.response.status, result.error]).toEqual([502, '<html>bad gateway</html>']);
  });

  it.each([
    ['no status', () => ({ body: {} }), 'answered an object without a numeric status'],
    ['a status a Response cannot carry', () => ({ status: 99 }), 'answered status 99'],
    ['nothing', () => undefined, 'answered undefined'],
  ])('refuses a handler answer with %s, naming the operation', async (_name, handler, message) => {
    const fake = fakeOf({ getItem: handler as never });
    const error = await call(fake, 'get', '/items/{id}', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeError);
    expect(String(error)).toContain(`Table API fake: the handler of getItem (GET /items/{id}) ${message}`);
  });
});

describe('failures a handler simulates, as the client meets them', () => {
  it('a 429 with Retry-After is retried after that delay, then the answer is the next call', async () => {
    const fake = fakeOf({
      patchItem: (_args, { call: n }) => (n === 1 ? { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '0' } } : { status: 200, body: { ok: true } }),
    });
    const result = await call(fake, 'patch', '/items/{id}', { id: 'a', body: [] });
    expect(result.data).toEqual({ ok: true });
    expect(fake.calls.patchItem).toHaveLength(2);
  });

  it('a dropped connection: ApiConnectionError; an idempotent call is sent again', async () => {
    const onRetry = vi.fn();
    const fake = fakeOf({ getItem: (_args, { call: n }) => (n === 1 ? dropConnection() : { status: 200, body: { id: 1 } }) });
    const result = await call(fake, 'get', '/items/{id}', { id: 1 }, { onRetry });
    expect(result.data).toEqual({ id: 1 });
    expect(onRetry.mock.calls[0]![0]).toMatchObject({ attempt: 1, reason: expect.stringContaining('UND_ERR_SOCKET') });
    const patched = fakeOf({ patchItem: () => dropConnection() });
    await expect(call(patched, 'patch', '/items/{id}', { id: 'a', body: [] })).rejects.toBeInstanceOf(ApiConnectionError);
    expect(patched.calls.patchItem).toHaveLength(1);
  });

  it('a connection lost while the body downloads: ApiConnectionError with the status', async () => {
    const fake = fakeOf({ putItem: () => dropConnection({ status: 200, body: { id: 'x', padding: 'y'.repeat(100) } }) });
    const error = await call(fake, 'put', '/items/{id}', { id: 'x', body: {} }, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as ApiConnectionError).status).toBe(200);
    expect(fake.calls.putItem).toHaveLength(1);
  });

  it('a delay past the client timeout: ApiTimeoutError, and the handler is not waited for', async () => {
    const fake = fakeOf({ getItem: () => ({ status: 200, body: {}, delayMs: 60_000 }) });
    const started = performance.now();
    await expect(call(fake, 'get', '/items/{id}', { id: 1 }, { timeoutMs: 20, maxRetries: 0 })).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a slow handler and the caller's abort: ApiAbortError", async () => {
    const fake = fakeOf({ getItem: () => new Promise(() => {}) });
    const controller = new AbortController();
    const pending = callOperation(clientOf(fake.fetch), 'get', '/items/{id}', { id: 1 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toBeInstanceOf(ApiAbortError);
  });

  it('timeouts under fake timers: the delay and the retry wait advance with the clock', async () => {
    vi.useFakeTimers();
    const fake = fakeOf({ getItem: (_args, { call: n }) => (n === 1 ? { status: 200, body: {}, delayMs: 10_000 } : { status: 200, body: { second: true } }) });
    const pending = call(fake, 'get', '/items/{id}', { id: 1 }, { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000 + 500);
    expect(await pending).toMatchObject({ data: { second: true } });
  });
});

describe('calls no handler answers fail loudly', () => {
  it('names the operation, its route and how to add a handler; thrown as it is, never retried', async () => {
    const fake = fakeOf();
    const error = await call(fake, 'get', '/items/{id}', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeError);
    expect((error as FakeError).message).toBe(
      'Table API fake: no handler for getItem (GET /items/{id}). Add one: createTableFake({ getItem: (args) => ({ status, body }) }), or fake.use({ getItem: … })',
    );
    expect([(error as FakeError).operation, (error as FakeError).route, (error as FakeError).reason]).toEqual(['getItem', 'GET /items/{id}', 'no-handler']);
    expect(fake.calls.getItem).toHaveLength(1); // a GET, idempotent, and still not sent again
    expect(fake.errors).toEqual([error]);
  });

  it("a handler that throws (a failed assertion) surfaces with the handler's message, not as a connection error", async () => {
    const fake = fakeOf({
      getItem: () => {
        throw new Error('expected id 2');
      },
    });
    const error = await call(fake, 'get', '/items/{id}', { id: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeError);
    expect(String(error)).toContain('the handler of getItem (GET /items/{id}) threw: expected id 2');
    expect((error as FakeError).cause).toEqual(new Error('expected id 2'));
    expect(fake.calls.getItem).toHaveLength(1);
  });

  it("with { examples: true }, the spec's example answers; without, the message says it could", async () => {
    await expect(call(fakeOf(), 'get', '/items/latest')).rejects.toThrow(", or create the fake with { examples: true } to answer with the spec's example");
    const fake = fakeOf({}, { examples: true });
    const first = await call(fake, 'get', '/items/latest');
    (first.data as { name: string }).name = 'changed by the test';
    expect((await call(fake, 'get', '/items/latest')).data).toEqual({ id: 7, name: 'from the spec' });
    expect((await call(fake, 'delete', '/items/{id}', { id: 1 })).response.status).toBe(204);
    await expect(call(fake, 'get', '/items/{id}', { id: 1 })).rejects.toThrow('(the spec has no example of its response that validates)');
  });
});

describe('the fake object', () => {
  it('use() adds and replaces handlers; reset() forgets the calls, keeps the handlers', async () => {
    const fake = fakeOf({ getItem: () => ({ status: 200, body: { v: 1 } }) });
    fake.use({ getItem: () => ({ status: 200, body: { v: 2 } }) });
    expect((await call(fake, 'get', '/items/{id}', { id: 1 })).data).toEqual({ v: 2 });
    fake.reset();
    expect([fake.calls.getItem, fake.requests, fake.errors]).toEqual([[], [], []]);
    expect((await call(fake, 'get', '/items/{id}', { id: 1 })).data).toEqual({ v: 2 });
    expect(() => fake.use({ getItme: () => ({ status: 200 }) } as FakeHandlers<Ops>)).toThrow('Table API fake: no operation is named "getItme"');
  });

  it('keeps calls of one fake apart from another', async () => {
    const [a, b] = [fakeOf({ getItem: () => ({ status: 200, body: {} }) }), fakeOf({ getItem: () => ({ status: 200, body: {} }) })];
    await call(a, 'get', '/items/{id}', { id: 1 });
    expect([a.calls.getItem.length, b.calls.getItem.length]).toEqual([1, 0]);
  });
});

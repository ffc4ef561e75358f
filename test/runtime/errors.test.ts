import http from 'node:http';
import { inspect } from 'node:util';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  ClientError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  MissingApiKeyError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/errors.js';
import { createTransport } from '../../src/transport.js';
import { close, closedPortUrl, listen } from '../support/local-server.js';

// Server: `/status/<code>?type=json|html|empty|badjson|text&rid=<header>&msg=<text>`
// answers with that status and body; `/hang` never answers; `/echo-secret`
// puts the planted secret in response headers.
const SECRET = 'SECRET123';
let server: http.Server;
let base: string;
let closedPort: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/hang') return;
    if (url.pathname === '/echo-secret') {
      res.writeHead(401, {
        'content-type': 'application/json',
        'x-echo-token': SECRET,
        'set-cookie': `session=${SECRET}`,
        'x-request-id': 'req_echo',
      });
      res.end(JSON.stringify({ message: 'bad key' }));
      return;
    }
    const status = Number(url.pathname.split('/')[2] ?? 500);
    const headers: Record<string, string> = {};
    const rid = url.searchParams.get('rid');
    if (rid) headers[rid] = `id-for-${rid}`;
    const type = url.searchParams.get('type') ?? 'json';
    const msg = url.searchParams.get('msg') ?? `boom ${status}`;
    let body = '';
    if (type === 'json') {
      headers['content-type'] = 'application/json';
      body = JSON.stringify({ message: msg, code: status });
    } else if (type === 'html') {
      headers['content-type'] = 'text/html';
      body = `<html><body><h1>${status} Bad Gateway</h1></body></html>`;
    } else if (type === 'badjson') {
      headers['content-type'] = 'application/json';
      body = '{"message": trunc';
    } else if (type === 'text') {
      headers['content-type'] = 'text/plain';
      body = msg;
    } else if (type === 'big') {
      headers['content-type'] = 'text/plain';
      body = 'b'.repeat(Number(url.searchParams.get('size')));
    }
    res.writeHead(status, headers);
    res.end(body);
  });
  base = await listen(server);
  closedPort = `${await closedPortUrl()}/x`;
});

afterAll(async () => {
  await close(server);
});

async function errorFor(path: string, method = 'GET'): Promise<{ error: ApiError; response: Response; url: string }> {
  const url = `${base}${path}`;
  const response = await fetch(url, { method });
  const error = await ApiError.fromResponse(response, { method, url });
  return { error, response, url };
}

describe('ApiError.fromResponse picks the subclass by status', () => {
  it.each([
    { status: 400, Class: BadRequestError, reason: 'Bad Request' },
    { status: 401, Class: AuthenticationError, reason: 'Unauthorized' },
    { status: 403, Class: PermissionDeniedError, reason: 'Forbidden' },
    { status: 404, Class: NotFoundError, reason: 'Not Found' },
    { status: 409, Class: ConflictError, reason: 'Conflict' },
    { status: 422, Class: UnprocessableEntityError, reason: 'Unprocessable Entity' },
    { status: 429, Class: RateLimitError, reason: 'Too Many Requests' },
    { status: 500, Class: InternalServerError, reason: 'Internal Server Error' },
    { status: 503, Class: InternalServerError, reason: 'Service Unavailable' },
    { status: 418, Class: ApiError, reason: "I'm a teapot" },
  ])('$status → $Class.name', async ({ status, Class, reason }) => {
    const { error, url } = await errorFor(`/status/${status}`, 'PATCH');
    expect(error.constructor).toBe(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ClientError);
    expect(error.name).toBe(Class.name);
    expect(error.status).toBe(status);
    expect(error.method).toBe('PATCH');
    expect(error.url).toBe(url);
    expect(error.body).toEqual({ message: `boom ${status}`, code: status });
    expect(error.headers.get('content-type')).toBe('application/json');
    expect(error.message).toBe(`${status} ${reason}: PATCH ${url} — boom ${status}`);
    expect(String(error)).toBe(`${Class.name}: ${error.message}`);
    expect(error.stack?.split('\n')[0]).toBe(`${Class.name}: ${error.message}`);
  });

  it('subclasses other than those listed are never chosen for 4xx like 405/410', async () => {
    for (const status of [405, 410]) {
      const { error } = await errorFor(`/status/${status}`);
      expect(error.constructor).toBe(ApiError);
      expect(error.name).toBe('ApiError');
    }
  });
});

describe('bodies that are not clean JSON', () => {
  it('HTML body → text body, no HTML in the message', async () => {
    const { error, url } = await errorFor('/status/502?type=html');
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.body).toBe('<html><body><h1>502 Bad Gateway</h1></body></html>');
    expect(error.message).toBe(`502 Bad Gateway: GET ${url}`);
  });

  it('empty body → undefined', async () => {
    const { error, url } = await errorFor('/status/500?type=empty');
    expect(error.body).toBeUndefined();
    expect(error.message).toBe(`500 Internal Server Error: GET ${url}`);
  });

  it('invalid JSON labelled as JSON → the text', async () => {
    const { error } = await errorFor('/status/400?type=badjson');
    expect(error.body).toBe('{"message": trunc');
  });

  it('plain text body → the text, summarised in the message', async () => {
    const { error, url } = await errorFor('/status/400?type=text&msg=quota%20exceeded');
    expect(error.body).toBe('quota exceeded');
    expect(error.message).toBe(`400 Bad Request: GET ${url} — quota exceeded`);
  });

  it('a text/plain body that happens to be valid JSON stays text', async () => {
    const { error } = await errorFor('/status/400?type=text&msg=42');
    expect(error.body).toBe('42');
  });

  it('JSON without a JSON content type is still parsed', async () => {
    const { error } = await errorFor(`/status/400?type=text&msg=${encodeURIComponent('{"detail":"d"}')}`);
    expect(error.body).toEqual({ detail: 'd' });
  });

  it('long messages are truncated to 200 characters', async () => {
    const long = 'x'.repeat(500);
    const { error } = await errorFor(`/status/400?msg=${long}`);
    expect(error.message.endsWith(` — ${'x'.repeat(200)}…`)).toBe(true);
    expect((error.body as { message: string }).message).toHaveLength(500);
  });

  it('leaves the original response readable (reads a clone)', async () => {
    const { response } = await errorFor('/status/404');
    expect(await response.json()).toEqual({ message: 'boom 404', code: 404 });
  });

  // Was a bug (issue 24): the body was cut at 1 MiB, but bodyTruncated said false.
  it.each([
    { name: 'over the default 1 MiB', size: 1024 * 1024 + 1, max: undefined, kept: 1024 * 1024, truncated: true },
    { name: 'at the default 1 MiB', size: 1024 * 1024, max: undefined, kept: 1024 * 1024, truncated: false },
    { name: 'over maxBodyBytes', size: 50, max: 10, kept: 10, truncated: true },
  ])('a body $name: bodyTruncated as the transport sets it', async ({ size, max, kept, truncated }) => {
    const url = `${base}/status/502?type=big&size=${size}`;
    const response = await fetch(url);
    const error = await ApiError.fromResponse(response, { method: 'GET', url }, { maxBodyBytes: max });
    expect(error.body).toBe('b'.repeat(kept));
    expect(error.bodyTruncated).toBe(truncated);
    expect(error.message.endsWith('(body cut short)')).toBe(truncated);
    // The clone was read, the original is still whole (the bounded read did not wait on it).
    expect((await response.text()).length).toBe(size);
  });

  it('an already-consumed body does not throw → undefined', async () => {
    const url = `${base}/status/409`;
    const response = await fetch(url);
    await response.text();
    const error = await ApiError.fromResponse(response, { method: 'GET', url });
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.body).toBeUndefined();
  });

  it.each([
    { body: { detail: 'not allowed' }, summary: 'not allowed' },
    { body: { error: 'bad_thing' }, summary: 'bad_thing' },
    { body: { message: 'm', detail: 'd' }, summary: 'm' },
    { body: { detail: [{ loc: ['body'], msg: 'x' }] }, summary: undefined },
    { body: ['a'], summary: undefined },
  ])('summary of $body', ({ body, summary }) => {
    const error = new ApiError({ status: 400, body, headers: new Headers(), method: 'get', url: 'https://h/p' });
    expect(error.message).toBe(`400 Bad Request: GET https://h/p${summary ? ` — ${summary}` : ''}`);
  });
});

describe('request id', () => {
  it.each(['x-request-id', 'request-id', 'x-amzn-requestid'])('read from %s', async (header) => {
    const { error } = await errorFor(`/status/500?rid=${header}`);
    expect(error.requestId).toBe(`id-for-${header}`);
  });

  it('undefined when absent; custom header list honoured', async () => {
    expect((await errorFor('/status/500')).error.requestId).toBeUndefined();
    const url = `${base}/status/500?rid=x-trace-id`;
    const response = await fetch(url);
    const error = await ApiError.fromResponse(response, { method: 'GET', url }, { requestIdHeaders: ['x-trace-id'] });
    expect(error.requestId).toBe('id-for-x-trace-id');
  });
});

describe('ApiError.fromParsed with openapi-fetch results', () => {
  // Minimal openapi-typescript-style schema for one path.
  interface paths {
    '/status/{code}': {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      get: {
        parameters: { query?: { type?: string }; header?: never; path: { code: number }; cookie?: never };
        requestBody?: never;
        responses: { default: { headers: { [name: string]: unknown }; content: { 'application/json': unknown } } };
      };
    };
  }

  it.each([
    { type: 'json', Class: NotFoundError, status: 404, body: { message: 'boom 404', code: 404 } },
    { type: 'html', Class: InternalServerError, status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>' },
    { type: 'empty', Class: InternalServerError, status: 500, body: undefined },
  ])('$type error body', async ({ type, Class, status, body }) => {
    const client = createClient<paths>({ baseUrl: base, fetch: createTransport({ maxRetries: 0 }) });
    const result = await client.GET('/status/{code}', { params: { path: { code: status }, query: { type } } });
    expect(result.error).toBeDefined();
    const error = await ApiError.fromParsed(result.response, result.error, {
      method: 'GET',
      url: result.response.url,
    });
    expect(error.constructor).toBe(Class);
    expect(error.status).toBe(status);
    expect(error.body).toEqual(body);
  });
});

describe('secrets never reach error output', () => {
  const plantedUrl = (path: string) => `${path}?api_key=${SECRET}&page=2&access_token=${SECRET}`;
  const plantedHeaders = { 'x-api-key': SECRET, authorization: `Bearer ${SECRET}`, cookie: `s=${SECRET}` };

  function expectClean(error: unknown) {
    const err = error as Error;
    for (const rendering of [
      String(err),
      err.message,
      err.stack ?? '',
      JSON.stringify(err),
      inspect(err),
      inspect(err, { depth: Infinity }),
    ]) {
      expect(rendering).not.toContain(SECRET);
    }
  }

  it('ApiError from the transport (key in query and request headers)', async () => {
    const url = plantedUrl(`${base}/status/401`);
    const transport = createTransport({ maxRetries: 0 });
    const response = await transport(new Request(url, { headers: plantedHeaders }));
    const error = await ApiError.fromResponse(response, { method: 'GET', url });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.url).toBe(`${base}/status/401?api_key=REDACTED&page=2&access_token=REDACTED`);
    expect(error.message).toContain('page=2');
    expectClean(error);
    // Request headers are not kept anywhere, even among hidden properties.
    expect(inspect(error, { showHidden: true, depth: Infinity })).not.toContain(SECRET);
  });

  it('secrets echoed in response headers are hidden from inspect and redacted in toJSON', async () => {
    const url = `${base}/echo-secret`;
    const error = await ApiError.fromResponse(await fetch(url), { method: 'POST', url });
    expectClean(error);
    // Still available programmatically.
    expect(error.headers.get('x-echo-token')).toBe(SECRET);
    expect(error.toJSON()).toEqual({
      name: 'AuthenticationError',
      message: `401 Unauthorized: POST ${url} — bad key`,
      status: 401,
      body: { message: 'bad key' },
      bodyTruncated: false,
      requestId: 'req_echo',
      method: 'POST',
      url,
      headers: expect.objectContaining({
        'x-echo-token': 'REDACTED',
        'set-cookie': 'REDACTED',
        'x-request-id': 'req_echo',
        'content-type': 'application/json',
      }),
    });
  });

  it('ApiConnectionError (refused) carries a redacted URL only', async () => {
    const transport = createTransport({ maxRetries: 0 });
    const error = await transport(new Request(plantedUrl(closedPort), { headers: plantedHeaders })).catch((e) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error.url).toContain('api_key=REDACTED');
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name: 'ApiConnectionError', method: 'GET' });
    expectClean(error);
  });

  it('ApiTimeoutError and ApiAbortError carry a redacted URL only', async () => {
    const url = plantedUrl(`${base}/hang`);
    const timeout = await createTransport({ timeoutMs: 30, maxRetries: 0 })(new Request(url, { headers: plantedHeaders })).catch(
      (e) => e,
    );
    expect(timeout).toBeInstanceOf(ApiTimeoutError);
    expectClean(timeout);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const abort = await createTransport({})(new Request(url, { headers: plantedHeaders, signal: controller.signal })).catch(
      (e) => e,
    );
    expect(abort).toBeInstanceOf(ApiAbortError);
    expectClean(abort);
  });

  it('a URL with userinfo passed to the constructor is stripped', () => {
    const error = new NotFoundError({
      status: 404,
      body: undefined,
      headers: new Headers(),
      method: 'GET',
      url: `https://user:${SECRET}@api.example.com/v1/x?token=${SECRET}`,
    });
    expect(error.url).toBe('https://api.example.com/v1/x?token=REDACTED');
    expectClean(error);
  });
});

describe('client-side errors', () => {
  it.each([
    { error: new ApiConnectionError('c', { cause: new Error('root') }), name: 'ApiConnectionError', connection: true },
    { error: new ApiTimeoutError('t'), name: 'ApiTimeoutError', connection: true },
    { error: new ApiAbortError('a', { cause: 'why' }), name: 'ApiAbortError', connection: false },
    { error: new InvalidRequestError('i', { parameter: 'id' }), name: 'InvalidRequestError', connection: false },
    { error: new MissingApiKeyError('m'), name: 'MissingApiKeyError', connection: false },
  ])('$name is a ClientError, not an ApiError', ({ error, name, connection }) => {
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error instanceof ApiConnectionError).toBe(connection);
    expect(error.name).toBe(name);
    expect(String(error)).toBe(`${name}: ${error.message}`);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name, message: error.message });
  });

  it('keeps causes and the parameter name', () => {
    const root = new Error('root');
    expect(new ApiConnectionError('c', { cause: root }).cause).toBe(root);
    expect(new ApiAbortError('a', { cause: 'why' }).cause).toBe('why');
    expect(new InvalidRequestError('i', { parameter: 'id' }).parameter).toBe('id');
  });
});

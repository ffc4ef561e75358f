/**
 * A server that misbehaves on a success, as proxies and load balancers do
 * (issue 24): every outcome of a call is the data or one of the package's
 * errors, in both modes, and a success is never sent again. The generated
 * clients (and callOperation, for a GET) over real HTTP against a node:http
 * server on 127.0.0.1 that writes raw bytes to the socket where the case
 * breaks HTTP itself. The outcomes are the table of docs/using-the-clients.md
 * ("What a call does with each answer").
 */
import http from 'node:http';
import { inspect } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScaleGpApiClient, updateApplicationSpec, type ScaleGpClientOptions } from '../fixtures/seed/generated/scale-gp/index.js';
import { createMediaKindsApiClient, getBlob, streamEvents } from '../golden/__golden__/media-kinds/index.js';
import { ApiAbortError, ApiConnectionError, ApiTimeoutError, callOperation, ClientError, InternalServerError, ResponseBodyError } from '../../src/index.js';
import type { RetryInfo } from '../../src/retry.js';
import { close, listen } from '../support/local-server.js';

const KEY = 'sk-live-MISBEHAVE-24';

interface Hit {
  method: string;
  url: string;
}
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, n: number) => void;

let server: http.Server;
let baseUrl: string;
let hits: Hit[] = [];
let handler: Handler;
const timers: Array<ReturnType<typeof setInterval>> = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push({ method: req.method!, url: req.url! });
      handler(req, res, hits.length);
    });
  });
  baseUrl = await listen(server);
});
afterAll(async () => {
  timers.forEach(clearInterval);
  await close(server);
});
beforeEach(() => {
  hits = [];
  handler = (_req, res) => ok(res);
});

const JSON_HEADERS = { 'content-type': 'application/json', 'x-request-id': 'req_24' };
const ok = (res: http.ServerResponse) => res.writeHead(200, JSON_HEADERS).end('{"id":"ok"}');

/**
 * Writes `head` (status line and headers, without the blank line) and `body`
 * straight to the socket, bypassing node:http's framing, then closes the
 * connection (`lose`: at once, while the client still waits for bytes).
 */
function raw(res: http.ServerResponse, head: string, body: string | Buffer = '', lose = false): void {
  const socket = res.socket!;
  socket.write(`${head}\r\nx-request-id: req_24\r\n\r\n`);
  socket.write(body);
  if (lose) socket.destroy();
  else socket.end();
}

const sgp = (options: ScaleGpClientOptions = {}) => createScaleGpApiClient({ apiKey: KEY, baseUrl, ...options });
const patch = (options: ScaleGpClientOptions = {}, init?: { signal?: AbortSignal }) =>
  updateApplicationSpec(sgp(options), { application_spec_id: 's1', body: { name: 'n' } }, init);
/** A GET (idempotent) with a JSON response, as a generated wrapper calls it. */
const get = (options: ScaleGpClientOptions = {}, init?: { signal?: AbortSignal; timeoutMs?: number }) =>
  callOperation<{ data?: unknown; error?: unknown; response: Response; requestId?: string }>(sgp(options), 'get', '/things/{id}', { id: 't1' }, init);

async function outcome(promise: Promise<{ data?: unknown }>): Promise<{ data: unknown } | { thrown: unknown }> {
  try {
    return { data: (await promise).data };
  } catch (thrown) {
    return { thrown };
  }
}

const pageOf = (title: string) => `<!DOCTYPE html><html><head><title>${title}</title></head><body><form action="/login">Sign in</form></body></html>`;

/** Misbehaviours on a 200 of a PATCH: the outcome, the same in result and throwing mode, and the PATCH sent once. */
const onSuccess: Array<[string, { given: Handler; want: { data: unknown } | { error: typeof ClientError; reason?: string } }]> = [
  ['a text/html page where JSON is declared (a proxy login page)', { given: (_q, res) => res.writeHead(200, { 'content-type': 'text/html', 'x-request-id': 'req_24' }).end(pageOf('Sign in')), want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['JSON cut short, well framed (content-length agrees)', { given: (_q, res) => res.writeHead(200, JSON_HEADERS).end('{"id":"o'), want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['JSON cut short, chunked', { given: (_q, res) => { res.writeHead(200, JSON_HEADERS); res.write('{"id":'); res.end(); }, want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['content-length smaller than the JSON sent', { given: (_q, res) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5', '{"id":"ok"}'), want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['JSON followed by other bytes', { given: (_q, res) => res.writeHead(200, JSON_HEADERS).end('{"id":"ok"}<!-- cached -->'), want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['a body of whitespace only', { given: (_q, res) => res.writeHead(200, JSON_HEADERS).end(' \n '), want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['the connection lost mid-body (content-length larger than sent)', { given: (_q, res) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100', '{"id":"o', true), want: { error: ApiConnectionError } }],
  ['the connection lost mid-body (chunked)', { given: (_q, res) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked', '8\r\n{"id":"o\r\n', true), want: { error: ApiConnectionError } }],
  ['broken chunked framing', { given: (_q, res) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked', 'zz\r\n{"id":\r\n'), want: { error: ApiConnectionError } }],
  ['content-encoding: gzip over bytes that are not gzip', { given: (_q, res) => res.writeHead(200, { ...JSON_HEADERS, 'content-encoding': 'gzip' }).end('{"id":"ok"}'), want: { error: ResponseBodyError, reason: 'content-encoding' } }],
  ['content-encoding: br over bytes that are not brotli', { given: (_q, res) => res.writeHead(200, { ...JSON_HEADERS, 'content-encoding': 'br' }).end('{"id":"ok"}'), want: { error: ResponseBodyError, reason: 'content-encoding' } }],
  ['content-encoding: deflate over bytes that are not deflate', { given: (_q, res) => res.writeHead(200, { ...JSON_HEADERS, 'content-encoding': 'deflate' }).end('{"id":"ok"}'), want: { error: ResponseBodyError, reason: 'content-encoding' } }],
  // undici takes bytes under `deflate` without a zlib header for raw deflate: some inflate to noise, which is not JSON.
  ['content-encoding: deflate over bytes that inflate to noise', { given: (_q, res) => res.writeHead(200, { ...JSON_HEADERS, 'content-encoding': 'deflate' }).end('{"a":1}'), want: { error: ResponseBodyError, reason: 'invalid-json' } }],
  ['content-encoding: gzip, really gzip', { given: (_q, res) => res.writeHead(200, { ...JSON_HEADERS, 'content-encoding': 'gzip' }).end(gzipSync('{"id":"ok"}')), want: { data: { id: 'ok' } } }],
  ['an empty body, content-length: 0', { given: (_q, res) => res.writeHead(200, { ...JSON_HEADERS, 'content-length': '0' }).end(), want: { data: undefined } }],
  ['an empty body, chunked', { given: (_q, res) => { res.writeHead(200, JSON_HEADERS); res.flushHeaders(); res.end(); }, want: { data: undefined } }],
  ['an empty body, ended by closing the connection', { given: (_q, res) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close'), want: { data: undefined } }],
  ['a 204 with a body', { given: (_q, res) => raw(res, 'HTTP/1.1 204 No Content\r\ncontent-type: application/json\r\ncontent-length: 11', '{"id":"ok"}'), want: { data: undefined } }],
  ['valid JSON `null`', { given: (_q, res) => res.writeHead(200, JSON_HEADERS).end('null'), want: { data: null } }],
  ['JSON labelled text/plain', { given: (_q, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('{"id":"ok"}'), want: { data: { id: 'ok' } } }],
  // RFC 8259 §8.1: JSON is UTF-8, and application/json defines no charset parameter; fetch ignores it too.
  ['JSON labelled charset=iso-8859-1 carrying UTF-8', { given: (_q, res) => res.writeHead(200, { 'content-type': 'application/json; charset=iso-8859-1' }).end('{"id":"Zoë"}'), want: { data: { id: 'Zoë' } } }],
  // Decoded as fetch decodes (WHATWG Encoding, "UTF-8 decode"): an invalid byte becomes U+FFFD.
  ['invalid UTF-8 inside a JSON string', { given: (_q, res) => res.writeHead(200, JSON_HEADERS).end(Buffer.from([...Buffer.from('{"id":"a'), 0xff, ...Buffer.from('b"}')])), want: { data: { id: 'a\ufffdb' } } }],
  // maxErrorBodyBytes bounds error bodies; a success body is the data asked for.
  ['a 2 MiB body, over maxErrorBodyBytes', { given: (_q, res) => res.writeHead(200, JSON_HEADERS).end(JSON.stringify({ id: 'x'.repeat(2 * 1024 * 1024) })), want: { data: { id: 'x'.repeat(2 * 1024 * 1024) } } }],
];

describe('a 200 that misbehaves: the same outcome in both modes, the PATCH sent once', () => {
  it.each(onSuccess.flatMap(([name, c]) => [false, true].map((throwOnError) => [`${name} (${throwOnError ? 'throwing' : 'result'} mode)`, { ...c, throwOnError }] as const)))(
    '%s',
    async (_name, { given, want, throwOnError }) => {
      handler = given;
      // retryNonIdempotent: a PATCH whose 200 was received is not sent again even when the caller allows retries.
      const got = await outcome(patch({ throwOnError, retryNonIdempotent: true, maxErrorBodyBytes: 1000 }));
      expect(hits).toHaveLength(1);
      if ('data' in want) {
        expect(got).toEqual({ data: want.data });
        return;
      }
      expect('thrown' in got).toBe(true);
      const error = (got as { thrown: ClientError }).thrown;
      expect(error).toBeInstanceOf(want.error);
      if (want.error === ApiConnectionError) expect(error).not.toBeInstanceOf(ApiTimeoutError);
      expect(error).toMatchObject({ status: 200, requestId: 'req_24', method: 'PATCH', url: `${baseUrl}/v4/application-specs/s1` });
      if (want.reason) expect((error as ResponseBodyError).reason).toBe(want.reason);
      expect(error.cause).toBeDefined();
    },
  );

  it('a 204 with a body does not break the next call on the same client', async () => {
    handler = (_q, res, n) => (n === 1 ? raw(res, 'HTTP/1.1 204 No Content\r\ncontent-length: 11', '{"id":"ok"}') : ok(res));
    const client = sgp({ maxRetries: 0 });
    const call = () => updateApplicationSpec(client, { application_spec_id: 's1', body: { name: 'n' } });
    expect((await call()).data).toBeUndefined();
    expect((await call()).data).toEqual({ id: 'ok' });
  });

  it('an HTML error page on a 502 stays an HTTP error: ApiError with the text (throwing), `error` the text (result)', async () => {
    handler = (_q, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(pageOf('Bad gateway'));
    const thrown = await patch({ throwOnError: true }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(InternalServerError);
    expect((thrown as InternalServerError).body).toBe(pageOf('Bad gateway'));
    const result = await patch();
    expect(result.error).toBe(pageOf('Bad gateway'));
    expect(result.response.status).toBe(502);
  });
});

describe('an error status whose body cannot be read', () => {
  it.each([false, true])('gzip over plain bytes on a 500 → ResponseBodyError with status 500 (throwOnError: %s)', async (throwOnError) => {
    handler = (_q, res) => res.writeHead(500, { ...JSON_HEADERS, 'content-encoding': 'gzip' }).end('{"detail":"boom"}');
    const error = await patch({ throwOnError, maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toMatchObject({ reason: 'content-encoding', status: 500, requestId: 'req_24' });
  });
});

describe('a success is final: retry signals are read on failed responses only', () => {
  // Was a bug: the same PATCH reached the server 3 times after the first had succeeded.
  it.each([
    { name: 'PATCH, 200', method: 'PATCH', status: 200 },
    { name: 'PATCH with retryNonIdempotent, 201', method: 'PATCH', status: 201, retryNonIdempotent: true },
    { name: 'GET, 200', method: 'GET', status: 200 },
  ])('$name with x-should-retry: true and Retry-After: 30 → returned at once, sent once', async ({ method, status, retryNonIdempotent }) => {
    handler = (_q, res) => res.writeHead(status, { ...JSON_HEADERS, 'x-should-retry': 'true', 'retry-after': '30' }).end('{"id":"ok"}');
    const started = Date.now();
    const result = method === 'GET' ? await get({ retryNonIdempotent }) : await patch({ retryNonIdempotent });
    expect(result.data).toEqual({ id: 'ok' });
    expect(hits).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('x-should-retry: true on a failed PATCH still retries it', async () => {
    handler = (_q, res, n) => (n === 1 ? res.writeHead(409, { 'x-should-retry': 'true', 'retry-after-ms': '0' }).end() : ok(res));
    expect((await patch()).data).toEqual({ id: 'ok' });
    expect(hits).toHaveLength(2);
  });
});

describe('a body lost after a 200 is sent again only when that is safe', () => {
  const lose = (_q: http.IncomingMessage, res: http.ServerResponse) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100', '{"id":"o', true);
  const instant = { 'retry-after-ms': '0' };

  it('GET: lost once, then whole → the data of the second attempt, onRetry told', async () => {
    handler = (q, res, n) => (n === 1 ? lose(q, res) : ok(res));
    const retries: RetryInfo[] = [];
    const result = await get({ onRetry: (info) => retries.push(info) });
    expect(result.data).toEqual({ id: 'ok' });
    expect(result.requestId).toBe('req_24');
    expect(hits.map((h) => h.method)).toEqual(['GET', 'GET']);
    expect(retries).toMatchObject([{ attempt: 1, method: 'GET', reason: expect.stringMatching(/^Connection lost while reading the response body/) }]);
  });

  it('GET: lost every time → ApiConnectionError after maxRetries + 1 attempts, numbered on, logged as any retry', async () => {
    handler = lose;
    const retries: RetryInfo[] = [];
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const logger = { debug: log, info: log, warn: log, error: log };
    const error = await get({ maxRetries: 2, onRetry: (info) => retries.push(info), logger, logLevel: 'info' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ status: 200, requestId: 'req_24' });
    expect(hits).toHaveLength(3);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(lines).toEqual([
      expect.stringMatching(/retrying GET .* \(attempt 1 of 3: Connection lost while reading the response body/),
      expect.stringMatching(/retrying GET .* \(attempt 2 of 3: Connection lost/),
      expect.stringMatching(/GET .* failed after 3 attempts: Connection lost/),
    ]);
  });

  it('GET with per-call maxRetries: 0 → not sent again', async () => {
    handler = lose;
    const error = await get({}, { maxRetries: 0 } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(hits).toHaveLength(1);
  });

  it('GET: a body that does not decode (gzip over plain bytes) is not sent again', async () => {
    handler = (_q, res) => res.writeHead(200, { ...JSON_HEADERS, ...instant, 'content-encoding': 'gzip' }).end('{"id":"ok"}');
    expect(await get().catch((e: unknown) => e)).toBeInstanceOf(ResponseBodyError);
    expect(hits).toHaveLength(1);
  });

  it('GET: a body that is not JSON is not sent again', async () => {
    handler = (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(pageOf('Sign in'));
    expect(await get().catch((e: unknown) => e)).toBeInstanceOf(ResponseBodyError);
    expect(hits).toHaveLength(1);
  });

  it('GET, a Blob body: lost once, then whole → the Blob', async () => {
    handler = (q, res, n) =>
      n === 1 ? raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: 100', 'abc', true) : res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('whole');
    const { data } = await getBlob(createMediaKindsApiClient({ baseUrl }), { name: 'b' });
    expect(await (data as Blob).text()).toBe('whole');
    expect(hits).toHaveLength(2);
  });

  /** The error that reading a streamed 2xx body of `streamEvents` to its end rejects with. */
  const streamError = async (timeoutMs?: number) => {
    const { data } = await streamEvents(createMediaKindsApiClient({ baseUrl, timeoutMs }));
    const reader = (data as ReadableStream<Uint8Array>).getReader();
    try {
      while (!(await reader.read()).done);
    } catch (error) {
      return error;
    }
    throw new Error('the stream ended');
  };

  it('GET, a stream body: a connection lost mid-stream rejects the read with ApiConnectionError (the caller had the stream)', async () => {
    handler = (_q, res) => raw(res, 'HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ntransfer-encoding: chunked', '7\r\ndata: 1\r\n', true);
    const error = await streamError();
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ status: 200, contentType: 'text/event-stream', requestId: 'req_24' });
    expect(hits).toHaveLength(1);
  });

  /** Headers at once, then one byte every 50 ms, never ending. */
  const stallAs = (type: string) => (_q: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(200, { ...JSON_HEADERS, 'content-type': type });
    res.write('{"id":"');
    const t = setInterval(() => res.write('x'), 50);
    timers.push(t);
    res.on('close', () => clearInterval(t));
  };
  const stall = stallAs('application/json');

  it('GET, a stream body stalling past timeoutMs: the read rejects with ApiTimeoutError (not sent again)', async () => {
    handler = stallAs('text/event-stream');
    const error = await streamError(300);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ status: 200, contentType: 'text/event-stream', requestId: 'req_24' });
    expect(hits).toHaveLength(1);
  });

  it('GET: a body stalling past timeoutMs, then a whole one → the data', async () => {
    handler = (q, res, n) => (n === 1 ? stall(q, res) : ok(res));
    const result = await get({ timeoutMs: 300 });
    expect(result.data).toEqual({ id: 'ok' });
    expect(hits).toHaveLength(2);
  });

  it('PATCH: a body stalling past timeoutMs → ApiTimeoutError with the response, sent once', async () => {
    handler = stall;
    const error = await patch({ timeoutMs: 300, retryNonIdempotent: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ status: 200, requestId: 'req_24', contentType: 'application/json' });
    expect((error as Error).message).toMatch(/^Request timed out after 300 ms: PATCH .* \(status 200, content-type application\/json, request id req_24\)$/);
    expect(hits).toHaveLength(1);
  });

  it('the caller aborts during the body → ApiAbortError with the response, not sent again', async () => {
    handler = stall;
    const error = await get({}, { signal: AbortSignal.timeout(200) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(error).toMatchObject({ status: 200, requestId: 'req_24' });
    expect(hits).toHaveLength(1);
  });
});

describe('a redirect loop', () => {
  it('ends in ApiConnectionError after 20 redirects, and is not retried (a retry would loop again)', async () => {
    handler = (_q, res) => res.writeHead(302, { location: '/things/t1' }).end();
    const error = await get({ maxRetries: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toMatch(/Too many redirects \(20\)/);
    expect(hits).toHaveLength(21);
  });
});

describe('what a ResponseBodyError carries', () => {
  // A login page that echoes the request: the key, also inside a URL, and a secret query parameter.
  const echo = `${pageOf('Sign in')}<pre>x-api-key: ${KEY}\nnext=https://idp.example/cb?access_token=TOKEN-24&page=2</pre>${'.'.repeat(3000)}`;

  it('status, request id, content type, the start of the body (bounded, redacted), the cause; no key anywhere', async () => {
    handler = (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'x-request-id': 'req_24', 'set-cookie': `sid=${KEY}` }).end(echo);
    const error = (await patch({ throwOnError: true }).catch((e: unknown) => e)) as ResponseBodyError;
    expect(error).toBeInstanceOf(ResponseBodyError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).toMatchObject({
      name: 'ResponseBodyError',
      reason: 'invalid-json',
      status: 200,
      requestId: 'req_24',
      contentType: 'text/html; charset=utf-8',
      method: 'PATCH',
      url: `${baseUrl}/v4/application-specs/s1`,
    });
    expect(error.bodyStart).toHaveLength(1024);
    expect(error.bodyStart!.startsWith('<!DOCTYPE html><html><head><title>Sign in</title>')).toBe(true);
    expect(error.bodyStart).toContain('x-api-key: REDACTED');
    expect(error.bodyStart).toContain('https://idp.example/cb?access_token=REDACTED&page=2');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(error.message).toMatch(/^Response body is not valid JSON \(.+\): PATCH http:\/\/127\.0\.0\.1:\d+\/v4\/application-specs\/s1 \(status 200, content-type text\/html; charset=utf-8, request id req_24\)$/);
    expect(error.headers?.get('x-request-id')).toBe('req_24');
    const json = error.toJSON();
    expect(json).toMatchObject({ name: 'ResponseBodyError', status: 200, requestId: 'req_24', reason: 'invalid-json', headers: { 'set-cookie': 'REDACTED' } });
    for (const text of [error.message, String(error), error.stack ?? '', inspect(error, { depth: Infinity }), JSON.stringify(error)]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain('TOKEN-24');
    }
  });

  it('a key cut by the 1 024-character bound leaves no part of itself', async () => {
    handler = (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`${'<'.repeat(1020)}${KEY}`);
    const error = (await patch({ throwOnError: true }).catch((e: unknown) => e)) as ResponseBodyError;
    expect(error.bodyStart).toBe(`${'<'.repeat(1020)}REDA`);
  });

  it('the parser message quoting the key is redacted in the cause', async () => {
    handler = (_q, res) => res.writeHead(200, JSON_HEADERS).end(`{"k":"${KEY}"!`);
    const error = (await patch({ throwOnError: true }).catch((e: unknown) => e)) as ResponseBodyError;
    expect(error.cause).toBeInstanceOf(SyntaxError);
    expect(inspect(error, { depth: Infinity })).not.toContain(KEY);
  });
});

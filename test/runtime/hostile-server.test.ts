/**
 * Hostile servers (issue 15): the generated clients over real HTTP against two
 * local servers, which are two origins (different ports). Each case was a bug:
 * a key sent on to another origin on a redirect, an error body buffered whole,
 * a body download that outlived `timeoutMs`, an abort during the body that
 * surfaced as a raw DOMException, a base URL whose userinfo leaked in a TypeError.
 */
import http from 'node:http';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScaleGpApiClient, updateApplicationSpec } from '../fixtures/seed/generated/scale-gp/index.js';
import { createLaunchDarklyApiClient, patchApplication } from '../fixtures/seed/generated/launchdarkly/index.js';
import { isBodyTruncated } from '../../src/bounded-read.js';
import { ApiAbortError, ApiConnectionError, ApiError, ApiTimeoutError, InvalidRequestError } from '../../src/errors.js';
import { close, listen } from '../support/local-server.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;
interface Hit {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local server whose handler each test sets; records every request. */
function server() {
  const state = { handler: ((_, res) => res.end('{}')) as Handler, hits: [] as Hit[], url: '', srv: undefined as unknown as http.Server };
  state.srv = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      state.hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      state.handler(req, res, body);
    });
  });
  return state;
}

const a = server();
const b = server();
const timers: Array<ReturnType<typeof setInterval>> = [];

beforeAll(async () => {
  for (const s of [a, b]) {
    s.url = await listen(s.srv);
  }
});
afterAll(async () => {
  timers.forEach(clearInterval);
  for (const s of [a, b]) {
    await close(s.srv);
  }
});
beforeEach(() => {
  a.hits = [];
  b.hits = [];
  b.handler = (_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"from-b"}');
});

const KEY = 'sk-SECRET-KEY-15';
const sgp = (options: Parameters<typeof createScaleGpApiClient>[0] = {}) =>
  createScaleGpApiClient({ apiKey: KEY, baseUrl: a.url, maxRetries: 0, ...options });
const patchSpec = (client: ReturnType<typeof sgp>, init?: { signal?: AbortSignal; headers?: Record<string, string> }) =>
  updateApplicationSpec(client, { application_spec_id: 's1', body: { name: 'n' } }, init);

describe('redirects: credentials never reach another origin', () => {
  it.each([301, 302, 303, 307, 308])('%i to another origin: no x-api-key, no per-call credential header; other headers and the URL kept', async (status) => {
    a.handler = (_, res) => res.writeHead(status, { location: `${b.url}/moved?x=1` }).end();
    const { data } = await patchSpec(sgp(), { headers: { 'X-Session-Token': 'per-call-secret', 'X-Trace': 't1' } });
    expect(data).toEqual({ id: 'from-b' });
    expect(a.hits[0]!.headers['x-api-key']).toBe(KEY);
    expect(b.hits).toHaveLength(1);
    const hit = b.hits[0]!;
    expect(hit.url).toBe('/moved?x=1');
    expect(hit.headers['x-api-key']).toBeUndefined();
    expect(hit.headers['x-session-token']).toBeUndefined();
    expect(hit.headers['x-trace']).toBe('t1');
    expect(JSON.stringify(hit.headers)).not.toContain(KEY);
    // 307/308 keep the method and body; 303 makes it a GET; 301/302 change only POST.
    expect(hit.method).toBe(status === 303 ? 'GET' : 'PATCH');
    expect(hit.body).toBe(status === 303 ? '' : '{"name":"n"}');
  });

  it('LaunchDarkly: Authorization is dropped too', async () => {
    a.handler = (_, res) => res.writeHead(307, { location: `${b.url}/x` }).end();
    const ld = createLaunchDarklyApiClient({ apiKey: KEY, baseUrl: a.url, maxRetries: 0 });
    await patchApplication(ld, { applicationKey: 'app', body: [{ op: 'replace', path: '/description', value: 'd' }] });
    expect(a.hits[0]!.headers.authorization).toBe(KEY);
    expect(b.hits[0]!.headers.authorization).toBeUndefined();
  });

  it('a redirect within the origin keeps the key', async () => {
    a.handler = (req, res) =>
      req.url === '/again' ? res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"same"}') : res.writeHead(307, { location: '/again' }).end();
    const { data } = await patchSpec(sgp());
    expect(data).toEqual({ id: 'same' });
    expect(a.hits.map((h) => h.headers['x-api-key'])).toEqual([KEY, KEY]);
  });

  it('a hop back to the first origin after leaving it does not get the key back', async () => {
    a.handler = (req, res) =>
      req.url === '/back' ? res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"back"}') : res.writeHead(307, { location: `${b.url}/out` }).end();
    b.handler = (_, res) => res.writeHead(307, { location: `${a.url}/back` }).end();
    await patchSpec(sgp());
    expect(a.hits.map((h) => h.headers['x-api-key'])).toEqual([KEY, undefined]);
  });

  it('endless redirects end in ApiConnectionError', async () => {
    a.handler = (_, res) => res.writeHead(302, { location: '/loop' }).end();
    const error = await patchSpec(sgp()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toMatch(/Too many redirects/);
  });
});

describe('error bodies are read up to a bound', () => {
  it('a body over maxErrorBodyBytes keeps its start and says it was cut (throwing mode)', async () => {
    a.handler = (_, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end('E'.repeat(5000));
    const error = await patchSpec(sgp({ throwOnError: true, maxErrorBodyBytes: 1000 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).body).toBe('E'.repeat(1000));
    expect((error as ApiError).bodyTruncated).toBe(true);
    expect((error as ApiError).message).toMatch(/\(body cut short\)$/);
  });

  it('non-throwing mode: `error` is the start, isBodyTruncated(response) says so', async () => {
    a.handler = (_, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('x'.repeat(3000));
    const { error, response } = await patchSpec(sgp({ maxErrorBodyBytes: 100 }));
    expect(error).toBe('x'.repeat(100));
    expect(isBodyTruncated(response)).toBe(true);
  });

  it('a body under the bound is whole and not marked', async () => {
    a.handler = (_, res) => res.writeHead(422, { 'content-type': 'application/json' }).end('{"detail":[]}');
    const { error, response } = await patchSpec(sgp());
    expect(error).toEqual({ detail: [] });
    expect(isBodyTruncated(response)).toBe(false);
  });

  it('a connection cut while the error body is read → ApiConnectionError, not a raw TypeError', async () => {
    a.handler = (_, res) => {
      res.writeHead(500, { 'content-type': 'text/plain', 'content-length': '1000' });
      res.write('partial');
      setTimeout(() => res.socket?.destroy(), 50);
    };
    const error = await patchSpec(sgp({ throwOnError: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toMatch(/while reading the error body/);
    expect(error).toMatchObject({ status: 500, contentType: 'text/plain' });
  });

  // Was a bug: a 500 MB error body was buffered whole (+1.5 GB RSS); 600 MB rejected with a plain Error.
  it('an endless error body: ApiError with the first MiB, at once', async () => {
    const chunk = 'z'.repeat(64 * 1024);
    a.handler = (_, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      const t = setInterval(() => res.write(chunk), 1);
      timers.push(t);
      res.on('close', () => clearInterval(t));
    };
    const error = await patchSpec(sgp({ throwOnError: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(((error as ApiError).body as string).length).toBe(1024 * 1024);
    expect((error as ApiError).bodyTruncated).toBe(true);
  }, 20_000);
});

describe('timeouts and aborts, the body included', () => {
  /** Headers at once, then one byte every 50 ms, never ending. */
  const trickle = (status: number) => (_: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.write('{"id":"');
    const t = setInterval(() => res.write('x'), 50);
    timers.push(t);
    res.on('close', () => clearInterval(t));
  };

  // Was a bug: the timeout stopped at the headers; a body at 1 byte/s held a call with timeoutMs 2000 for 121 s.
  it.each([200, 500])('a body trickled past timeoutMs (status %i) → ApiTimeoutError', async (status) => {
    a.handler = trickle(status);
    const started = Date.now();
    const error = await patchSpec(sgp({ timeoutMs: 300, throwOnError: true })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect((error as Error).message).toMatch(/timed out after 300 ms/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  // Was a bug: an abort while the body downloaded rejected with a raw DOMException.
  it.each([
    { name: 'AbortController.abort()', timeoutMs: 60_000, signal: () => { const c = new AbortController(); setTimeout(() => c.abort(), 200); return c.signal; } },
    { name: 'AbortSignal.timeout()', timeoutMs: 60_000, signal: () => AbortSignal.timeout(200) },
    { name: 'abort() with timeoutMs: 0', timeoutMs: 0, signal: () => { const c = new AbortController(); setTimeout(() => c.abort(), 200); return c.signal; } },
  ])('the caller aborts during the body ($name) → ApiAbortError', async ({ timeoutMs, signal }) => {
    a.handler = trickle(200);
    const error = await patchSpec(sgp({ timeoutMs }), { signal: signal() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiAbortError);
  });

  it('a body within timeoutMs is read whole', async () => {
    a.handler = (_, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
      setTimeout(() => res.end('"late"}'), 100);
    };
    const { data } = await patchSpec(sgp({ timeoutMs: 2000 }));
    expect(data).toEqual({ id: 'late' });
  });
});

describe('base URL with userinfo', () => {
  // Was a bug: a raw TypeError whose message, stack and inspect output carried the secret.
  it.each(['http://user:SECRET-PW@127.0.0.1:1', 'https://SECRET-PW@api.example.com/v1', 'HTTP://u:SECRET-PW@h'])('%s is refused at creation, redacted', (baseUrl) => {
    let error: unknown;
    try {
      createScaleGpApiClient({ apiKey: KEY, baseUrl });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).message).toMatch(/baseUrl must not contain credentials/);
    for (const text of [(error as Error).message, (error as Error).stack ?? '', inspect(error), JSON.stringify(error)]) {
      expect(text).not.toContain('SECRET-PW');
    }
  });
});

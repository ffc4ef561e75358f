/**
 * The transport as a client uses it (createClientTransport: openapi-fetch's
 * Request is built with the first attempt's signal, and a retry re-sends the
 * serialized body). transport.test.ts covers the same rules for Requests
 * made elsewhere; this file checks that nothing is lost on the client path,
 * including with openapi-fetch middleware on `fetchClient`.
 */
import http from 'node:http';
import type { Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScaleGpApiClient, updateApplicationSpec, type ScaleGpClientOptions } from '../fixtures/seed/generated/scale-gp/index.js';
import { ApiAbortError, ApiTimeoutError } from '../../src/errors.js';
import { close, listen } from '../support/local-server.js';

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Never answer. */
  hang?: boolean;
  /** Send headers at once, the body this many ms later. */
  bodyDelayMs?: number;
}
interface Hit {
  body: string;
  headers: http.IncomingHttpHeaders;
}

let server: http.Server;
let baseUrl: string;
let replies: Reply[] = [];
let hits: Hit[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits.push({ body, headers: req.headers });
      const reply = replies.shift() ?? {};
      if (reply.hang) return;
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      if (reply.bodyDelayMs) {
        res.flushHeaders();
        setTimeout(() => res.end(reply.body ?? '{"id":"late"}'), reply.bodyDelayMs);
      } else {
        res.end(reply.body ?? '{"id":"ok"}');
      }
    });
  });
  baseUrl = await listen(server);
});

afterAll(async () => {
  await close(server);
});

beforeEach(() => {
  replies = [];
  hits = [];
});

const client = (options: ScaleGpClientOptions = {}) => createScaleGpApiClient({ apiKey: 'k', baseUrl, ...options });
const call = (c: ReturnType<typeof client>, signal?: AbortSignal) =>
  updateApplicationSpec(c, { application_spec_id: 's', body: { name: 'ü ✓' } }, { signal });
const BODY = JSON.stringify({ name: 'ü ✓' });

describe('retries re-send the request intact', () => {
  it.each([
    { name: '429', first: { status: 429, headers: { 'retry-after': '0' } }, options: {} },
    { name: '503 with retryNonIdempotent', first: { status: 503, headers: { 'retry-after': '0' } }, options: { retryNonIdempotent: true } },
    { name: 'a timeout with retryNonIdempotent', first: { hang: true }, options: { retryNonIdempotent: true, timeoutMs: 100 } },
    { name: '429 with timeouts off', first: { status: 429, headers: { 'retry-after': '0' } }, options: { timeoutMs: 0 } },
  ])('after $name: body and headers on every attempt', async ({ first, options }) => {
    replies = [first, first];
    const result = await call(client(options));
    expect(result.data).toEqual({ id: 'ok' });
    expect(hits.map((h) => h.body)).toEqual([BODY, BODY, BODY]);
    expect(hits.map((h) => [h.headers['x-api-key'], h.headers['content-type']])).toEqual(Array(3).fill(['k', 'application/json']));
  });

  it('headers a middleware sets on the request are on every attempt', async () => {
    replies = [{ status: 429, headers: { 'retry-after': '0' } }];
    const c = client();
    c.fetchClient.use({ onRequest: ({ request }) => void request.headers.set('x-trace', 't1') });
    await call(c);
    expect(hits.map((h) => [h.body, h.headers['x-trace']])).toEqual([
      [BODY, 't1'],
      [BODY, 't1'],
    ]);
  });

  it('a Request a middleware replaces is accepted, retried and timed out like any other', async () => {
    replies = [{ hang: true }];
    const c = client({ retryNonIdempotent: true, timeoutMs: 100 });
    const replace: Middleware = { onRequest: ({ request }) => new Request(request, { headers: { 'x-replaced': 'yes', 'content-type': 'application/json' } }) };
    c.fetchClient.use(replace);
    const result = await call(c);
    expect(result.data).toEqual({ id: 'ok' });
    expect(hits.map((h) => [h.body, h.headers['x-replaced']])).toEqual([
      [BODY, 'yes'],
      [BODY, 'yes'],
    ]);
  });
});

describe('timeouts and the caller signal', () => {
  it('a PATCH that times out is not retried by default', async () => {
    replies = [{ hang: true }];
    await expect(call(client({ timeoutMs: 50 }))).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(hits).toHaveLength(1);
  });

  // Changed (issue 15): the timeout covers the whole attempt, the body included.
  it('the timeout covers a slow body: ApiTimeoutError', async () => {
    replies = [{ bodyDelayMs: 300 }];
    await expect(call(client({ timeoutMs: 100 }))).rejects.toBeInstanceOf(ApiTimeoutError);
  });

  it('a body that arrives within the timeout is read', async () => {
    replies = [{ bodyDelayMs: 50 }];
    const result = await call(client({ timeoutMs: 2000 }));
    expect(result.data).toEqual({ id: 'late' });
  });

  it.each([{ timeoutMs: 60_000 }, { timeoutMs: 0 }])('an already-aborted signal sends nothing (timeoutMs $timeoutMs)', async (options) => {
    const reason = new Error('user cancelled');
    const error = await call(client(options), AbortSignal.abort(reason)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(hits).toEqual([]);
  });

  it.each([{ timeoutMs: 60_000 }, { timeoutMs: 0 }])('the caller can abort while the body downloads (timeoutMs $timeoutMs)', async (options) => {
    replies = [{ bodyDelayMs: 1_000 }];
    const controller = new AbortController();
    const started = Date.now();
    const pending = call(client(options), controller.signal).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it.each([{ timeoutMs: 60_000 }, { timeoutMs: 0 }])('the caller can abort a retry sleep (timeoutMs $timeoutMs)', async (options) => {
    replies = [{ status: 429, headers: { 'retry-after': '30' } }];
    const controller = new AbortController();
    const started = Date.now();
    const pending = call(client(options), controller.signal).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toBeInstanceOf(ApiAbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(hits).toHaveLength(1);
  });
});

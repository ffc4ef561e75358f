/**
 * The transport as a client uses it (createClientTransport: openapi-fetch's
 * Request is built with the first attempt's signal, and a retry re-sends the
 * serialized body). transport.test.ts covers the same rules for Requests
 * made elsewhere; this file checks that nothing is lost on the client path,
 * including with openapi-fetch middleware on `fetchClient`.
 */
import type { Middleware } from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScaleGpApiClient, updateApplicationSpec, type ScaleGpClientOptions } from '../fixtures/seed/generated/scale-gp/index.js';
import { ApiAbortError, ApiTimeoutError } from '../../src/errors.js';
import { ScriptedServer } from '../support/scripted-server.js';

const server = new ScriptedServer({ headers: { 'content-type': 'application/json' }, body: '{"id":"ok"}' });

beforeAll(() => server.start());
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = (options: ScaleGpClientOptions = {}) => createScaleGpApiClient({ apiKey: 'k', baseUrl: server.url, ...options });
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
    server.replies = [first, first];
    const result = await call(client(options));
    expect(result.data).toEqual({ id: 'ok' });
    expect(server.hits.map((h) => h.body)).toEqual([BODY, BODY, BODY]);
    expect(server.hits.map((h) => [h.headers['x-api-key'], h.headers['content-type']])).toEqual(Array(3).fill(['k', 'application/json']));
  });

  it('headers a middleware sets on the request are on every attempt', async () => {
    server.replies = [{ status: 429, headers: { 'retry-after': '0' } }];
    const c = client();
    c.fetchClient.use({ onRequest: ({ request }) => void request.headers.set('x-trace', 't1') });
    await call(c);
    expect(server.hits.map((h) => [h.body, h.headers['x-trace']])).toEqual([
      [BODY, 't1'],
      [BODY, 't1'],
    ]);
  });

  it('a Request a middleware replaces is accepted, retried and timed out like any other', async () => {
    server.replies = [{ hang: true }];
    const c = client({ retryNonIdempotent: true, timeoutMs: 100 });
    const replace: Middleware = { onRequest: ({ request }) => new Request(request, { headers: { 'x-replaced': 'yes', 'content-type': 'application/json' } }) };
    c.fetchClient.use(replace);
    const result = await call(c);
    expect(result.data).toEqual({ id: 'ok' });
    expect(server.hits.map((h) => [h.body, h.headers['x-replaced']])).toEqual([
      [BODY, 'yes'],
      [BODY, 'yes'],
    ]);
  });
});

describe('timeouts and the caller signal', () => {
  it('a PATCH that times out is not retried by default', async () => {
    server.replies = [{ hang: true }];
    await expect(call(client({ timeoutMs: 50 }))).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(server.hits).toHaveLength(1);
  });

  // Changed (issue 15): the timeout covers the whole attempt, the body included.
  it('the timeout covers a slow body: ApiTimeoutError', async () => {
    server.replies = [{ bodyDelayMs: 300 }];
    await expect(call(client({ timeoutMs: 100 }))).rejects.toBeInstanceOf(ApiTimeoutError);
  });

  it('a body that arrives within the timeout is read', async () => {
    server.replies = [{ bodyDelayMs: 50, body: '{"id":"late"}' }];
    const result = await call(client({ timeoutMs: 2000 }));
    expect(result.data).toEqual({ id: 'late' });
  });

  it.each([{ timeoutMs: 60_000 }, { timeoutMs: 0 }])('an already-aborted signal sends nothing (timeoutMs $timeoutMs)', async (options) => {
    const reason = new Error('user cancelled');
    const error = await call(client(options), AbortSignal.abort(reason)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(server.hits).toEqual([]);
  });

  it.each([{ timeoutMs: 60_000 }, { timeoutMs: 0 }])('the caller can abort while the body downloads (timeoutMs $timeoutMs)', async (options) => {
    server.replies = [{ bodyDelayMs: 1_000 }];
    const controller = new AbortController();
    const started = Date.now();
    const pending = call(client(options), controller.signal).catch((e: unknown) => e);
    setTimeout(() => controller.abort(new Error('stop')), 100);
    const error = await pending;
    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it.each([{ timeoutMs: 60_000 }, { timeoutMs: 0 }])('the caller can abort a retry sleep (timeoutMs $timeoutMs)', async (options) => {
    server.replies = [{ status: 429, headers: { 'retry-after': '30' } }];
    const controller = new AbortController();
    const started = Date.now();
    const pending = call(client(options), controller.signal).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 100);
    expect(await pending).toBeInstanceOf(ApiAbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.hits).toHaveLength(1);
  });
});

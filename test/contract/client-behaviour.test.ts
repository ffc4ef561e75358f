/**
 * The generated clients end to end against a local node:http server we
 * control: auth header, encoding and refusal of path values, throwing mode and
 * its error classes, retries and timeouts as a PATCH (non-idempotent) call
 * sees them, and the key absent from everything an error prints.
 */
import type { ServerResponse } from 'node:http';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createScaleGpClient, createScaleGpApiClient, isUpdateApplicationSpecError, updateApplicationSpec } from '../fixtures/seed/generated/scale-gp/index.js';
import { createLaunchDarklyClient, isPatchApplicationError } from '../fixtures/seed/generated/launchdarkly/index.js';
import {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  InternalServerError,
  InvalidRequestError,
  isOk,
  isStatus,
  MissingApiKeyError,
  NotFoundError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { RecordingServer } from '../support/recording-server.js';

const KEY = 'sk-live-SECRET-7c1e';

// Answers as updateApplicationSpec's 200 unless a test says otherwise.
const server = new RecordingServer((res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ id: 'spec_1', name: 'n', description: 'd', created_at: '2026-01-01T00:00:00Z', account_id: 'a' }));
});
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await server.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('requests', () => {
  it('sends the key the way each vendor expects, once given at creation', async () => {
    await createScaleGpClient({ apiKey: KEY, baseUrl }).updateApplicationSpec({ application_spec_id: 's', body: { name: 'x' } });
    await createLaunchDarklyClient({ apiKey: KEY, baseUrl }).patchApplication({ applicationKey: 'a', body: [] });
    expect(server.seen.map((s) => [s.method, s.url, s.headers['x-api-key'], s.headers.authorization])).toEqual([
      ['PATCH', '/v4/application-specs/s', KEY, undefined],
      ['PATCH', '/api/v2/applications/a', undefined, KEY],
    ]);
    expect(JSON.parse(server.seen[0]!.body.toString())).toEqual({ name: 'x' });
  });

  it('reads the key from the documented environment variable, and refuses to start without one', async () => {
    process.env.SGP_API_KEY = 'from-env';
    try {
      await createScaleGpClient({ baseUrl }).updateApplicationSpec({ application_spec_id: 's', body: { restore: true } });
      expect(server.seen[0]!.headers['x-api-key']).toBe('from-env');
    } finally {
      delete process.env.SGP_API_KEY;
    }
    expect(() => createScaleGpClient({ baseUrl })).toThrow(MissingApiKeyError);
    expect(() => createScaleGpClient({ baseUrl })).toThrow(/SGP_API_KEY/);
  });

  it('uses the spec servers by name by default', () => {
    expect(createLaunchDarklyClient({ apiKey: KEY }).client.baseUrl).toBe('https://app.launchdarkly.com');
    expect(createLaunchDarklyClient({ apiKey: KEY, server: 'federal' }).client.baseUrl).toBe('https://app.launchdarkly.us');
    expect(createScaleGpClient({ apiKey: KEY }).client.baseUrl).toBe('https://api.egp.scale.com');
  });

  it('percent-encodes path parameters', async () => {
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl });
    await sgp.updateApplicationSpec({ application_spec_id: 'a/b?c#d %', body: {} });
    expect(server.seen[0]!.url).toBe('/v4/application-specs/a%2Fb%3Fc%23d%20%25');
  });

  it.each([
    ['empty', ''],
    ['dot', '.'],
    ['dot-dot', '..'],
    ['missing', undefined],
  ])('refuses a %s path parameter before any request leaves', async (_name, value) => {
    const client = createScaleGpApiClient({ apiKey: KEY, baseUrl });
    await expect(updateApplicationSpec(client, { application_spec_id: value as string, body: {} })).rejects.toThrow(InvalidRequestError);
    expect(server.seen).toEqual([]);
  });
});

describe('results and errors', () => {
  it('returns { error } by default, parsed, typed as the declared body once isStatus says 422', async () => {
    server.answer = (res) => json(res, 422, { detail: [{ loc: ['body', 'name'], msg: 'bad', type: 'value_error' }] });
    const result = await createScaleGpClient({ apiKey: KEY, baseUrl }).updateApplicationSpec({ application_spec_id: 's', body: {} });
    expect(result.data).toBeUndefined();
    expect(isOk(result)).toBe(false);
    expect(isStatus(result, 422)).toBe(true);
    if (!isStatus(result, 422)) throw new Error('unreachable');
    expect(result.error.detail?.[0]?.msg).toBe('bad');
    expect(result.response.status).toBe(422);
  });

  it('an undeclared 404 is not the declared 422: isStatus is false and the body is as sent', async () => {
    server.answer = (res) => json(res, 404, { detail: 'not found' });
    const result = await createScaleGpClient({ apiKey: KEY, baseUrl }).updateApplicationSpec({ application_spec_id: 's', body: {} });
    expect(isOk(result)).toBe(false);
    expect(isStatus(result, 422)).toBe(false);
    expect(result.error).toEqual({ detail: 'not found' });
  });

  it('throwing mode: the operation guard recognises its own declared statuses only', async () => {
    server.answer = (res) => json(res, 422, { detail: [{ loc: ['body'], msg: 'bad', type: 'value_error' }] });
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, throwOnError: true });
    const err = await sgp.updateApplicationSpec({ application_spec_id: 's', body: {} }).catch((e: unknown) => e);
    expect(isUpdateApplicationSpecError(err)).toBe(true);
    expect(isUpdateApplicationSpecError(err, 422)).toBe(true);
    if (!isUpdateApplicationSpecError(err, 422)) throw new Error('unreachable');
    expect(err.body.detail?.[0]?.msg).toBe('bad');
    server.answer = (res) => json(res, 404, { detail: 'not found' });
    const notFound = await sgp.updateApplicationSpec({ application_spec_id: 's', body: {} }).catch((e: unknown) => e);
    expect(notFound).toBeInstanceOf(NotFoundError);
    expect(isUpdateApplicationSpecError(notFound)).toBe(false);
    // Another operation's guard does not claim this operation's errors, even for a status it declares.
    server.answer = (res) => json(res, 404, { code: 'not_found', message: 'no app' });
    const ldErr = await createLaunchDarklyClient({ apiKey: KEY, baseUrl, throwOnError: true })
      .patchApplication({ applicationKey: 'a', body: [] })
      .catch((e: unknown) => e);
    expect(isPatchApplicationError(ldErr, 404)).toBe(true);
    expect(isUpdateApplicationSpecError(ldErr)).toBe(false);
  });

  it('an error carries the URL that was requested, also when the Response has no url', async () => {
    const fetch = async () => new Response(JSON.stringify({ detail: 'nope' }), { status: 500, headers: { 'content-type': 'application/json' } });
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl: 'https://api.example.test', fetch, maxRetries: 0, throwOnError: true });
    const err = (await sgp.updateApplicationSpec({ application_spec_id: 'spec 1/x', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.url).toBe('https://api.example.test/v4/application-specs/spec%201%2Fx');
    expect(err.message).toContain('PATCH https://api.example.test/v4/application-specs/spec%201%2Fx');
    expect(err.message).not.toContain('{application_spec_id}');
  });

  it.each([
    [401, AuthenticationError],
    [404, NotFoundError],
    [422, UnprocessableEntityError],
    [500, InternalServerError],
  ] as const)('throwing mode: %i → %s with status, parsed body and request id', async (status, Class) => {
    server.answer = (res) => json(res, status, { code: 'c', message: `m${status}` }, { 'x-request-id': 'req_42' });
    const ld = createLaunchDarklyClient({ apiKey: KEY, baseUrl, throwOnError: true, maxRetries: 0 });
    const error = await ld.patchApplication({ applicationKey: 'a', body: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, body: { code: 'c', message: `m${status}` }, requestId: 'req_42', method: 'PATCH' });
  });

  it.each([
    ['HTML', 'text/html', '<html><body>Bad gateway</body></html>', '<html><body>Bad gateway</body></html>'],
    ['empty', 'text/plain', '', undefined],
  ])('a %s error body does not crash', async (_name, type, text, body) => {
    server.answer = (res) => {
      res.writeHead(404, { 'content-type': type });
      res.end(text);
    };
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, throwOnError: true });
    const error = (await sgp.updateApplicationSpec({ application_spec_id: 's', body: {} }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.body).toEqual(body);
  });

  it('throwing mode resolves to the data on success', async () => {
    const { data } = await createScaleGpClient({ apiKey: KEY, baseUrl, throwOnError: true }).updateApplicationSpec({
      application_spec_id: 's',
      body: { name: 'x' },
    });
    expect(data.id).toBe('spec_1');
  });
});

describe('reliability (PATCH is not idempotent)', () => {
  it('retries 429 with Retry-After, then succeeds', async () => {
    let n = 0;
    server.answer = (res) => (++n < 3 ? json(res, 429, { code: 'rate', message: 'slow' }, { 'retry-after': '0' }) : json(res, 200, { id: 'ok' }));
    const retries: number[] = [];
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, onRetry: (i) => retries.push(i.delayMs) });
    const result = await sgp.updateApplicationSpec({ application_spec_id: 's', body: { name: 'x' } });
    expect(result.data).toEqual({ id: 'ok' });
    expect(server.seen).toHaveLength(3);
    expect(retries).toEqual([0, 0]);
    expect(server.seen.every((s) => s.body.toString() === '{"name":"x"}')).toBe(true);
  });

  it('gives up after maxRetries on 429 and throws RateLimitError in throwing mode', async () => {
    server.answer = (res) => json(res, 429, { code: 'rate', message: 'slow' }, { 'retry-after': '0' });
    const ld = createLaunchDarklyClient({ apiKey: KEY, baseUrl, throwOnError: true, maxRetries: 1 });
    await expect(ld.patchApplication({ applicationKey: 'a', body: [] })).rejects.toBeInstanceOf(RateLimitError);
    expect(server.seen).toHaveLength(2);
  });

  it('does not retry a PATCH on 503 by default, and does with retryNonIdempotent', async () => {
    server.answer = (res) => json(res, 503, { code: 'down', message: 'down' }, { 'retry-after': '0' });
    await createLaunchDarklyClient({ apiKey: KEY, baseUrl }).patchApplication({ applicationKey: 'a', body: [] });
    expect(server.seen).toHaveLength(1);
    server.seen = [];
    await createLaunchDarklyClient({ apiKey: KEY, baseUrl, retryNonIdempotent: true, maxRetries: 2 }).patchApplication({ applicationKey: 'a', body: [] });
    expect(server.seen).toHaveLength(3);
  });

  it('times out a hanging attempt with ApiTimeoutError', async () => {
    server.answer = () => {}; // never answers
    // Long enough for the request to reach the server on a loaded machine; `seen` then proves PATCH was not retried.
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, timeoutMs: 1000 });
    await expect(sgp.updateApplicationSpec({ application_spec_id: 's', body: {} })).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(server.seen).toHaveLength(1);
  });

  it("respects the caller's own AbortSignal", async () => {
    server.answer = () => {};
    const controller = new AbortController();
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl });
    const call = sgp.updateApplicationSpec({ application_spec_id: 's', body: {} }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 30);
    await expect(call).rejects.toBeInstanceOf(ApiAbortError);
  });

  it('reports a refused connection as ApiConnectionError', async () => {
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });
    await expect(sgp.updateApplicationSpec({ application_spec_id: 's', body: {} })).rejects.toBeInstanceOf(ApiConnectionError);
  });
});

describe('the API key never appears in what an error shows', () => {
  it.each([
    ['an HTTP error', () => (server.answer = (res) => json(res, 401, { code: 'unauthorized', message: 'Invalid access token' }))],
    ['a timeout', () => (server.answer = () => {})],
  ])('%s', async (_name, arrange) => {
    arrange();
    const ld = createLaunchDarklyClient({ apiKey: KEY, baseUrl, throwOnError: true, timeoutMs: 50, maxRetries: 0 });
    const error = await ld.patchApplication({ applicationKey: 'a', body: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    for (const text of [String(error), (error as Error).message, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true })]) {
      expect(text).not.toContain(KEY);
    }
  });
});

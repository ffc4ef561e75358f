import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiAbortError, ApiConnectionError, ApiTimeoutError, ClientError, ResponseBodyError } from '../../src/errors.js';
import { retryAfterBodyError, type RetryInfo } from '../../src/retry.js';
import { createTransport, type TransportOptions } from '../../src/transport.js';
import { closedPortUrl } from '../support/local-server.js';
import { ScriptedServer, type Reply } from '../support/scripted-server.js';

// Each test queues replies under a path of its own and reads back what the server actually received.
const server = new ScriptedServer({ fallback: { status: 200, body: 'ok' } });
const scenario = (label: string, replies?: Reply[]) => server.scenario(label, replies);
let closedPort: string;

beforeAll(async () => {
  await server.start();
  closedPort = `${await closedPortUrl()}/nothing`;
});

afterAll(() => server.close());

/** Transport whose sleeps are recorded and instant. */
function recording(options: TransportOptions = {}) {
  const delays: number[] = [];
  const retries: RetryInfo[] = [];
  const transport = createTransport({
    sleep: async (ms) => {
      delays.push(ms);
    },
    random: () => 0,
    onRetry: (info) => retries.push(info),
    ...options,
  });
  return { transport, delays, retries };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('retry delays passed to sleep', () => {
  it.each<{ name: string; headers: Record<string, string>; expected: number }>([
    { name: 'Retry-After delta-seconds', headers: { 'retry-after': '2' }, expected: 2000 },
    { name: 'retry-after-ms', headers: { 'retry-after-ms': '1234' }, expected: 1234 },
    { name: 'retry-after-ms wins over Retry-After', headers: { 'retry-after-ms': '10', 'retry-after': '5' }, expected: 10 },
    { name: 'Retry-After: 0', headers: { 'retry-after': '0' }, expected: 0 },
    { name: 'Retry-After above 60 s falls back to backoff', headers: { 'retry-after': '120' }, expected: 500 },
    { name: 'garbage Retry-After falls back to backoff', headers: { 'retry-after': 'soon' }, expected: 500 },
  ])('$name → $expected ms', async ({ headers, expected }) => {
    const s = scenario('delay', [{ status: 503, headers }, { status: 200, body: 'done' }]);
    const { transport, delays } = recording();
    const response = await transport(new Request(s.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    expect(s.hits()).toHaveLength(2);
    expect(delays).toEqual([expected]);
  });

  it('Retry-After as an HTTP-date', async () => {
    // HTTP-dates have whole-second precision, so allow for rounding and elapsed time.
    const date = new Date(Date.now() + 10_000).toUTCString();
    const s = scenario('date', [{ status: 429, headers: { 'retry-after': date } }, {}]);
    const { transport, delays } = recording();
    expect((await transport(new Request(s.url))).status).toBe(200);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThan(8_000);
    expect(delays[0]).toBeLessThanOrEqual(10_000);
  });

  it.each([
    { random: 0, expected: [500, 1000, 2000, 4000] },
    { random: 1, expected: [375, 750, 1500, 3000] },
    { random: 0.5, expected: [437.5, 875, 1750, 3500] },
  ])('exponential backoff with random() = $random', async ({ random, expected }) => {
    const s = scenario('backoff', [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 200 }]);
    const { transport, delays, retries } = recording({ maxRetries: 4, random: () => random });
    expect((await transport(new Request(s.url))).status).toBe(200);
    expect(s.hits()).toHaveLength(5);
    expect(delays).toEqual(expected);
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual(expected.map((d, i) => [i + 1, d]));
  });
});

describe('which responses are retried', () => {
  it('429 is retried even for PATCH', async () => {
    const s = scenario('429', [{ status: 429 }, { status: 429 }, { status: 200, body: 'patched' }]);
    const { transport, delays } = recording();
    const response = await transport(new Request(s.url, { method: 'PATCH', body: '{}' }));
    expect(response.status).toBe(200);
    expect(s.hits().map((h) => h.method)).toEqual(['PATCH', 'PATCH', 'PATCH']);
    expect(delays).toHaveLength(2);
  });

  it.each([
    { method: 'POST', retryNonIdempotent: false, attempts: 1 },
    { method: 'PATCH', retryNonIdempotent: false, attempts: 1 },
    { method: 'GET', retryNonIdempotent: false, attempts: 3 },
    { method: 'PUT', retryNonIdempotent: false, attempts: 3 },
    { method: 'DELETE', retryNonIdempotent: false, attempts: 3 },
    { method: 'PATCH', retryNonIdempotent: true, attempts: 3 },
    { method: 'POST', retryNonIdempotent: true, attempts: 3 },
  ])('503 for $method (retryNonIdempotent=$retryNonIdempotent) → $attempts attempt(s), last response returned', async ({
    method,
    retryNonIdempotent,
    attempts,
  }) => {
    const replies = Array.from({ length: 3 }, (_, i) => ({ status: 503, body: `fail ${i + 1}` }));
    const s = scenario('503', replies);
    const { transport, delays } = recording({ retryNonIdempotent });
    const body = method === 'GET' || method === 'DELETE' ? null : 'x';
    const response = await transport(new Request(s.url, { method, body }));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(`fail ${attempts}`);
    expect(s.hits()).toHaveLength(attempts);
    expect(delays).toHaveLength(attempts - 1);
  });

  it.each([408, 500, 502, 504])('%i is retried for GET', async (status) => {
    const s = scenario('5xx', [{ status }, {}]);
    const { transport } = recording();
    expect((await transport(new Request(s.url))).status).toBe(200);
    expect(s.hits()).toHaveLength(2);
  });

  it.each([400, 401, 404, 409, 422, 501])('%i is returned as-is without retry', async (status) => {
    const s = scenario('noretry', [{ status, body: 'nope' }, {}]);
    const { transport, delays } = recording();
    const response = await transport(new Request(s.url));
    expect(response.status).toBe(status);
    expect(await response.text()).toBe('nope');
    expect(s.hits()).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it.each([
    { name: 'x-should-retry: false stops a retryable 503 GET', method: 'GET', status: 503, header: 'false', attempts: 1 },
    { name: 'x-should-retry: true retries a 400 POST', method: 'POST', status: 400, header: 'true', attempts: 3 },
    // A success is final (issue 24): the same PATCH reached the server 3 times after the first had succeeded.
    { name: 'x-should-retry: true does not retry a 200 PATCH', method: 'PATCH', status: 200, header: 'true', attempts: 1 },
    { name: 'x-should-retry: true does not retry a 201 GET', method: 'GET', status: 201, header: 'true', attempts: 1 },
  ])('$name', async ({ method, status, header, attempts }) => {
    const replies = Array.from({ length: 3 }, () => ({ status, headers: { 'x-should-retry': header } }));
    const s = scenario('override', replies);
    const { transport } = recording();
    const response = await transport(new Request(s.url, { method, body: method === 'GET' ? null : 'b' }));
    expect(response.status).toBe(status);
    expect(s.hits()).toHaveLength(attempts);
  });

  it('maxRetries: 0 makes a single attempt', async () => {
    const s = scenario('zero', [{ status: 503 }, {}]);
    const { transport } = recording({ maxRetries: 0 });
    expect((await transport(new Request(s.url))).status).toBe(503);
    expect(s.hits()).toHaveLength(1);
  });
});

describe('request body on retry', () => {
  it.each([
    { name: 'string', make: () => JSON.stringify({ name: 'ü ✓', n: 1 }) },
    { name: 'bytes', make: () => new TextEncoder().encode('raw bytes \u00e9') },
    {
      name: 'stream',
      make: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('streamed '));
            controller.enqueue(new TextEncoder().encode('body'));
            controller.close();
          },
        }),
    },
  ])('$name body is resent identically', async ({ make }) => {
    const s = scenario('body', [{ status: 429 }, { status: 429 }, {}]);
    const { transport } = recording();
    const body = make();
    const expected = typeof body === 'string' ? body : body instanceof Uint8Array ? new TextDecoder().decode(body) : 'streamed body';
    const init = { method: 'POST', body, headers: { 'content-type': 'text/plain', 'x-trace': 't1' }, duplex: 'half' };
    const response = await transport(new Request(s.url, init as RequestInit));
    expect(response.status).toBe(200);
    expect(s.hits().map((h) => h.body)).toEqual([expected, expected, expected]);
    expect(s.hits().map((h) => h.headers['x-trace'])).toEqual(['t1', 't1', 't1']);
  });
});

describe('connection failures', () => {
  it.each([
    { method: 'GET', calls: 3 },
    { method: 'POST', calls: 1 },
  ])('refused connection for $method → ApiConnectionError after $calls call(s)', async ({ method, calls }) => {
    let fetchCalls = 0;
    const { transport, delays } = recording({
      // Real fetch, only counted.
      fetch: (request) => {
        fetchCalls++;
        return fetch(request);
      },
    });
    const error = await rejection(transport(new Request(closedPort, { method, body: method === 'POST' ? '{}' : null })));
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).not.toBeInstanceOf(ApiTimeoutError);
    expect((error as Error).cause).toBeDefined();
    expect((error as Error).message).toContain('ECONNREFUSED');
    expect((error as ApiConnectionError).method).toBe(method);
    expect(fetchCalls).toBe(calls);
    expect(delays).toHaveLength(calls - 1);
  });

  it('an attempt with no answer within timeoutMs → ApiTimeoutError, retried for GET', async () => {
    const s = scenario('hang', [{ hang: true }, { hang: true }]);
    const { transport, retries } = recording({ timeoutMs: 50, maxRetries: 1 });
    const started = Date.now();
    const error = await rejection(transport(new Request(s.url)));
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect((error as Error).message).toContain('timed out after 50 ms');
    expect(s.hits()).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a timeout is not retried for POST', async () => {
    const s = scenario('hang-post', [{ hang: true }, { hang: true }]);
    const { transport } = recording({ timeoutMs: 50 });
    const error = await rejection(transport(new Request(s.url, { method: 'POST', body: 'x' })));
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(s.hits()).toHaveLength(1);
  });

  // Changed (issue 15): the timeout covers the whole attempt, reading the body included.
  it('the timeout covers reading a slow body: ApiTimeoutError from text()', async () => {
    const s = scenario('slowbody', [{ status: 200, body: 'late body', bodyDelayMs: 300 }]);
    const { transport } = recording({ timeoutMs: 100 });
    const response = await transport(new Request(s.url));
    expect(await rejection(response.text())).toBeInstanceOf(ApiTimeoutError);
  });

  it('a body read within the timeout is whole', async () => {
    const s = scenario('slowbody-ok', [{ status: 200, body: 'late body', bodyDelayMs: 50 }]);
    const { transport } = recording({ timeoutMs: 2000 });
    const response = await transport(new Request(s.url));
    expect(await response.text()).toBe('late body');
  });

  it("a custom fetch's Response keeps its class; reading its body stops the attempt's timer", async () => {
    class OwnResponse extends Response {
      own(): string {
        return 'own';
      }
    }
    let signal: AbortSignal | undefined;
    const { transport } = recording({
      timeoutMs: 50,
      fetch: async (_request, init) => {
        signal = init?.signal;
        return new OwnResponse('whole', { status: 200 });
      },
    });
    const response = await transport(new Request('http://127.0.0.1:9/own'));
    expect(response).toBeInstanceOf(OwnResponse);
    expect((response as OwnResponse).own()).toBe('own');
    expect(await response.text()).toBe('whole');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(signal?.aborted).toBe(false);
  });

  it.each([
    { timeoutMs: 0, ok: true },
    { timeoutMs: Infinity, ok: true },
    { timeoutMs: 30, ok: false },
  ])('timeoutMs: $timeoutMs with a reply after 120 ms → ok=$ok', async ({ timeoutMs, ok }) => {
    const s = scenario('notimeout', [{ status: 200, body: 'slow', headerDelayMs: 120 }]);
    const { transport } = recording({ timeoutMs, maxRetries: 0 });
    const result = transport(new Request(s.url));
    if (ok) expect(await (await result).text()).toBe('slow');
    else expect(await rejection(result)).toBeInstanceOf(ApiTimeoutError);
  });
});

describe('caller abort', () => {
  it('already-aborted signal → ApiAbortError without sending', async () => {
    const s = scenario('pre-abort');
    let fetchCalls = 0;
    const { transport } = recording({
      fetch: (request) => {
        fetchCalls++;
        return fetch(request);
      },
    });
    const reason = new Error('user cancelled');
    const error = await rejection(transport(new Request(s.url, { signal: AbortSignal.abort(reason) })));
    expect(error).toBeInstanceOf(ApiAbortError);
    expect((error as Error).cause).toBe(reason);
    expect(fetchCalls).toBe(0);
    expect(s.hits()).toHaveLength(0);
  });

  it('abort mid-request → ApiAbortError with the reason as cause, no retry', async () => {
    const s = scenario('mid-abort', [{ hang: true }, { hang: true }]);
    const { transport, retries, delays } = recording({ timeoutMs: 5_000 });
    const controller = new AbortController();
    const reason = new Error('stop now');
    const arrived = s.arrived();
    const pending = rejection(transport(new Request(s.url, { signal: controller.signal })));
    await arrived;
    controller.abort(reason);
    const error = await pending;
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(error).not.toBeInstanceOf(ApiConnectionError);
    expect((error as Error).cause).toBe(reason);
    expect(s.hits()).toHaveLength(1);
    expect(retries).toEqual([]);
    expect(delays).toEqual([]);
  });

  it('abort during the backoff sleep (injected sleep) → ApiAbortError, no further attempt', async () => {
    const s = scenario('sleep-abort', [{ status: 503 }, {}]);
    const controller = new AbortController();
    const transport = createTransport({
      sleep: (_ms, signal) => {
        // Abort while "sleeping", then behave like a signal-aware sleep.
        controller.abort();
        return new Promise((_resolve, reject) => {
          if (signal?.aborted) reject(signal.reason);
          signal?.addEventListener('abort', () => reject(signal.reason));
        });
      },
    });
    const error = await rejection(transport(new Request(s.url, { signal: controller.signal })));
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(s.hits()).toHaveLength(1);
  });

  it('abort during the default (real) sleep ends the wait early', async () => {
    const s = scenario('real-sleep-abort', [{ status: 503, headers: { 'retry-after-ms': '30000' } }, {}]);
    const transport = createTransport({});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await rejection(transport(new Request(s.url, { signal: controller.signal })));
    expect(error).toBeInstanceOf(ApiAbortError);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(s.hits()).toHaveLength(1);
  });
});

describe('resource hygiene (stub fetch: observing body cancellation needs a hand-made stream)', () => {
  it('cancels the body of a response that is retried', async () => {
    let cancelled = 0;
    let calls = 0;
    const transport = createTransport({
      sleep: async () => {},
      fetch: async () => {
        calls++;
        if (calls === 1) {
          const body = new ReadableStream({ cancel: () => void cancelled++ });
          return new Response(body, { status: 503 });
        }
        return new Response('ok');
      },
    });
    const response = await transport(new Request('http://example.invalid/x'));
    expect(await response.text()).toBe('ok');
    expect(calls).toBe(2);
    expect(cancelled).toBe(1);
  });
});

describe('errors while the caller reads a body (stub fetch: a hand-made stream fails as asked)', () => {
  const failing = (error: unknown, headers: Record<string, string> = {}) =>
    createTransport({
      sleep: async () => {},
      fetch: async () =>
        new Response(
          new ReadableStream({
            pull: (c) => c.error(error),
          }),
          { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_s', ...headers } },
        ),
    });

  it.each([
    { name: 'a lost connection (undici: TypeError terminated, with a cause)', error: new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }), want: ApiConnectionError },
    { name: 'a gzip body that does not decode', error: new TypeError('terminated', { cause: Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' }) }), want: ResponseBodyError },
    { name: 'any other failure of the reader', error: new RangeError('Invalid string length'), want: ResponseBodyError },
  ])('$name → $want.name with the response', async ({ error, want }) => {
    const response = await failing(error)(new Request('http://example.invalid/x'));
    const thrown = await rejection(response.text());
    expect(thrown).toBeInstanceOf(want);
    expect(thrown).toMatchObject({ status: 200, requestId: 'req_s', contentType: 'application/json', method: 'GET', url: 'http://example.invalid/x' });
    expect((thrown as Error).cause).toBe(error);
  });

  it('a body read twice is fetch\'s own TypeError, not a connection error', async () => {
    const response = await createTransport({ fetch: async () => new Response('{}') })(new Request('http://example.invalid/x'));
    await response.text();
    const thrown = await rejection(response.text());
    expect(thrown).toBeInstanceOf(TypeError);
    expect(thrown).not.toBeInstanceOf(ClientError);
  });

  it.each([
    { method: 'GET', retried: true },
    { method: 'PUT', retried: true },
    { method: 'POST', retried: false },
    { method: 'PATCH', retried: false },
  ])('a lost connection after a 200 of a $method: a retry offered (retryAfterBodyError) $retried', async ({ method, retried }) => {
    const lost = new TypeError('terminated', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    const retries: RetryInfo[] = [];
    const transport = createTransport({
      retryNonIdempotent: true,
      sleep: async () => {},
      onRetry: (info) => retries.push(info),
      fetch: async () => new Response(new ReadableStream({ pull: (c) => c.error(lost) }), { status: 200 }),
    });
    const response = await transport(new Request('http://example.invalid/x', { method, body: method === 'GET' ? null : 'b' }));
    const next = retryAfterBodyError(await rejection(response.text()));
    expect(next === undefined).toBe(!retried);
    if (retried) {
      expect(await next).toBe(2);
      expect(retries).toMatchObject([{ attempt: 1, method }]);
    }
  });

  it('no retry is offered for anything else', () => {
    expect(retryAfterBodyError(new ApiConnectionError('x'))).toBeUndefined();
    expect(retryAfterBodyError(undefined)).toBeUndefined();
    expect(retryAfterBodyError('x')).toBeUndefined();
  });
});

describe('onRetry', () => {
  it('gets attempt, delay, reason, method and a redacted URL, never headers', async () => {
    const s = scenario('onretry', [{ status: 503 }, {}]);
    const { transport, retries } = recording();
    await transport(new Request(`${s.url}?api_key=SECRET123&page=2`, { headers: { 'x-api-key': 'SECRET123' } }));
    expect(retries).toEqual([
      { attempt: 1, delayMs: 500, reason: 'status 503', method: 'GET', url: `${s.url}?api_key=REDACTED&page=2` },
    ]);
    expect(JSON.stringify(retries)).not.toContain('SECRET123');
  });
});

describe('options', () => {
  it.each([{ timeoutMs: -1 }, { timeoutMs: Number.NaN }, { maxRetries: -1 }, { maxRetries: 1.5 }])(
    'rejects invalid options %o',
    (options) => {
      expect(() => createTransport(options)).toThrow(RangeError);
    },
  );
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from './mock-server.js';

const REPO = resolve(import.meta.dirname, '../..');
// The seed excerpt as generated (a committed copy a spec pull never touches).
const SCALE_GP_SPEC = join(REPO, 'test/fixtures/seed/generated/scale-gp/openapi.yaml');
const SPEC_PATH = '/v4/application-specs/{application_spec_id}';
// Set MOCK_SERVER_TIMINGS=1 to print startup / latency measurements.
const PRINT_TIMINGS = process.env['MOCK_SERVER_TIMINGS'] === '1';

/** The Scale GP PATCH operation, reduced to what the contract tests exercise. */
const applicationSpecApi = {
  openapi: '3.1.0',
  info: { title: 'mock-server test: application specs', version: '1.0.0' },
  paths: {
    [SPEC_PATH]: {
      patch: {
        operationId: 'updateApplicationSpec',
        parameters: [{ name: 'application_spec_id', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/PartialApplicationSpecRequest' },
                  { $ref: '#/components/schemas/RestoreRequest' },
                ],
                discriminator: {
                  propertyName: 'restore',
                  mapping: {
                    False: '#/components/schemas/PartialApplicationSpecRequest',
                    True: '#/components/schemas/RestoreRequest',
                  },
                },
              },
            },
          },
        },
        responses: {
          '200': {
            description: 'Updated',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
              },
            },
          },
          '422': {
            description: 'Validation Error',
            content: { 'application/json': { schema: { type: 'object', properties: { detail: { type: 'array' } } } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      PartialApplicationSpecRequest: {
        type: 'object',
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          description: { type: 'string' },
          restore: { type: 'boolean', const: false },
        },
      },
      RestoreRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['restore'],
        properties: { restore: { type: 'boolean', const: true } },
      },
    },
  },
};

/** One operation protected by an API key header. */
const apiKeyApi = {
  openapi: '3.1.0',
  info: { title: 'mock-server test: api key', version: '1.0.0' },
  components: { securitySchemes: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'x-api-key' } } },
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        security: [{ ApiKeyAuth: [] }],
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer' } }],
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
                example: { id: 'thing_1' },
              },
            },
          },
        },
      },
    },
  },
};

const VALID_BODIES = [{ name: 'x' }, { restore: true }, { restore: false, description: 'd' }];
const INVALID_BODIES = [{ restore: true, name: 'x' }, { restore: 'True' }];
const API_KEY = 'sk-live-DO-NOT-LOG-1234567890';

let dir: string;
let specMock: MockServer;
let keyMock: MockServer;
let startupMs: number;
const started: MockServer[] = [];

async function patch(mock: MockServer, body: unknown, id = 'spec_123'): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${mock.url}${SPEC_PATH.replace('{application_spec_id}', id)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${API_KEY}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

function expectConnectionRefused(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolveTest, reject) => {
    const socket = createConnection({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      reject(new Error(`${url} still accepts connections after close()`));
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      try {
        expect(error.code).toBe('ECONNREFUSED');
        resolveTest();
      } catch (e) {
        reject(e);
      }
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mock-server-test-'));
  writeFileSync(join(dir, 'application-specs.json'), JSON.stringify(applicationSpecApi, null, 2));
  writeFileSync(join(dir, 'api-key.json'), JSON.stringify(apiKeyApi, null, 2));
  const t0 = performance.now();
  [specMock, keyMock] = await Promise.all([
    startMockServer(join(dir, 'application-specs.json')),
    startMockServer(join(dir, 'api-key.json')),
  ]);
  startupMs = performance.now() - t0;
  started.push(specMock, keyMock);
});

afterAll(async () => {
  await Promise.all(started.map(mock => mock.close()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  for (const mock of started) mock.reset();
});

describe('startMockServer', () => {
  it('listens on 127.0.0.1 on an OS-chosen port', () => {
    expect(specMock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(keyMock.url).not.toBe(specMock.url);
    if (PRINT_TIMINGS) console.info(`[mock-server] cold start of 2 servers in parallel: ${startupMs.toFixed(0)} ms`);
  });

  it.each(VALID_BODIES)('accepts %j with a 2xx example response and no violations', async body => {
    const { status, json } = await patch(specMock, body);
    expect(status).toBe(200);
    expect(json).toMatchObject({ id: expect.any(String) });
    expect(specMock.violations()).toEqual([]);
    expect(specMock.requests()).toMatchObject([{ method: 'PATCH', path: '/v4/application-specs/spec_123', status: 200, violations: [] }]);
  });

  it.each(INVALID_BODIES)('rejects %j with a non-2xx status and records violations', async body => {
    const { status } = await patch(specMock, body);
    expect(status).toBe(422); // the spec's own 422 response
    const violations = specMock.violations();
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) {
      expect(v).toMatchObject({ method: 'PATCH', path: '/v4/application-specs/spec_123', severity: 'Error' });
      expect(v.location?.slice(0, 2)).toEqual(['request', 'body']);
    }
    expect(violations.map(v => v.code)).toContain('oneOf');
    expect(specMock.requests()).toMatchObject([{ status: 422, violations }]);
  });

  it('records a malformed JSON body and an unknown route as violations', async () => {
    const bad = await fetch(`${specMock.url}/v4/application-specs/x`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(bad.status).toBe(400);
    const missing = await fetch(`${specMock.url}/v4/nope`);
    expect(missing.status).toBe(404);
    const wrongMethod = await fetch(`${specMock.url}/v4/application-specs/x`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(specMock.violations()).toMatchObject([
      { method: 'PATCH', path: '/v4/application-specs/x', code: 'INVALID_JSON', location: ['request', 'body'] },
      { method: 'GET', path: '/v4/nope', code: expect.stringContaining('NO_PATH_MATCHED_ERROR') },
      { method: 'DELETE', path: '/v4/application-specs/x', code: expect.stringContaining('NO_METHOD_MATCHED_ERROR') },
    ]);
    expect(specMock.requests().map(r => r.status)).toEqual([400, 404, 405]);
  });

  it('answers a request without the required API key with 401 and records a violation', async () => {
    const res = await fetch(`${keyMock.url}/things`);
    expect(res.status).toBe(401); // no 401 in the spec: Prism's own problem+json
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(keyMock.violations()).toMatchObject([
      { method: 'GET', path: '/things', severity: 'Error', code: 401, message: 'Invalid security scheme used', location: ['request'] },
    ]);
  });

  it('accepts a request with the API key and never records its value', async () => {
    const res = await fetch(`${keyMock.url}/things?limit=5&access_token=${API_KEY}`, {
      headers: {
        'x-api-key': API_KEY,
        authorization: `Bearer ${API_KEY}`,
        'x-session-token': API_KEY,
        'x-client-secret': API_KEY,
        'x-request-id': 'req-1',
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'thing_1' });
    expect(keyMock.violations()).toEqual([]);

    const [request] = keyMock.requests();
    expect(request?.headers).toMatchObject({
      'x-api-key': 'REDACTED',
      authorization: 'REDACTED',
      'x-session-token': 'REDACTED',
      'x-client-secret': 'REDACTED',
      'x-request-id': 'req-1',
    });
    expect(request?.query).toEqual({ limit: '5', access_token: 'REDACTED' });
    expect(JSON.stringify(keyMock.requests())).not.toContain(API_KEY);
    expect(JSON.stringify(keyMock.violations())).not.toContain(API_KEY);
  });

  it('flags a query parameter of the wrong type', async () => {
    const res = await fetch(`${keyMock.url}/things?limit=lots`, { headers: { 'x-api-key': API_KEY } });
    expect(res.status).toBe(422);
    expect(keyMock.violations()).toMatchObject([{ location: ['request', 'query', 'limit'], code: 'type' }]);
  });

  it('reset() clears requests and violations', async () => {
    await patch(specMock, { restore: 'True' });
    expect(specMock.requests()).toHaveLength(1);
    expect(specMock.violations().length).toBeGreaterThan(0);
    specMock.reset();
    expect(specMock.requests()).toEqual([]);
    expect(specMock.violations()).toEqual([]);
  });

  it('runs independent servers in parallel, including dynamic mode', async () => {
    const mocks = await Promise.all([
      startMockServer(join(dir, 'application-specs.json')),
      startMockServer(join(dir, 'application-specs.json'), { dynamic: true }),
      startMockServer(join(dir, 'api-key.json')),
    ]);
    started.push(...mocks);
    const [a, b, c] = mocks as [MockServer, MockServer, MockServer];
    expect(new Set(mocks.map(m => m.url)).size).toBe(3);

    const [ra, rb, rc] = await Promise.all([patch(a, { name: 'a' }), patch(b, { restore: true, name: 'b' }), fetch(`${c.url}/things`)]);
    expect(ra.status).toBe(200);
    expect(rb.status).toBe(422);
    expect(rc.status).toBe(401);
    expect(a.violations()).toEqual([]);
    expect(b.violations().length).toBeGreaterThan(0);
    expect(c.violations()).toHaveLength(1);
    expect(mocks.map(m => m.requests().length)).toEqual([1, 1, 1]);

    const dynamic = await patch(b, { name: 'b' });
    expect(dynamic.status).toBe(200);
    expect(dynamic.json).toMatchObject({ id: expect.any(String) });
    await Promise.all(mocks.map(m => m.close()));
  });

  it('close() stops listening, drops keep-alive connections and is idempotent', async () => {
    const mock = await startMockServer(join(dir, 'api-key.json'));
    started.push(mock);
    const res = await fetch(`${mock.url}/things`, { headers: { 'x-api-key': API_KEY } });
    expect(res.status).toBe(200);
    await res.text(); // the keep-alive socket stays open in fetch's pool
    await mock.close();
    await mock.close();
    await expectConnectionRefused(mock.url);
    await expect(fetch(`${mock.url}/things`)).rejects.toThrow();
  });

  it('answers quickly', async () => {
    await patch(specMock, { name: 'warm-up' }); // first request compiles the schemas
    const n = 50;
    const t0 = performance.now();
    for (let i = 0; i < n; i++) expect((await patch(specMock, { name: `n${i}` })).status).toBe(200);
    const perRequest = (performance.now() - t0) / n;
    if (PRINT_TIMINGS) console.info(`[mock-server] sequential PATCH round trip: ${perRequest.toFixed(2)} ms/request (n=${n})`);
    expect(perRequest).toBeLessThan(250);
    const recorded = specMock.requests().slice(1);
    const serverSide = recorded.reduce((sum, r) => sum + r.durationMs, 0) / recorded.length;
    if (PRINT_TIMINGS) console.info(`[mock-server] server-side handling: ${serverSide.toFixed(2)} ms/request`);
  });

  it(
    'serves the generated seed excerpt (test/fixtures/seed/generated/scale-gp/openapi.yaml) with the same accept/reject behaviour',
    async () => {
      const mock = await startMockServer(SCALE_GP_SPEC);
      started.push(mock);
      for (const body of VALID_BODIES) {
        const { status, json } = await patch(mock, body);
        expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
        expect(status, JSON.stringify(body)).toBeLessThan(300);
        expect(json).toMatchObject({ id: expect.any(String) });
      }
      expect(mock.violations()).toEqual([]);
      for (const body of INVALID_BODIES) {
        mock.reset();
        const { status } = await patch(mock, body);
        expect(status === 422 || status === 400, `${JSON.stringify(body)} → ${status}`).toBe(true);
        expect(mock.violations().length, JSON.stringify(body)).toBeGreaterThan(0);
      }
      await mock.close();
    },
  );
});

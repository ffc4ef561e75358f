/**
 * Contract tests over real HTTP: generated operations, called through the
 * generated client with a valid request, against a mock served from the same
 * bundled spec. The mock validates each request (body, parameters, security)
 * against the spec, so the types we promise and the spec's validation must agree.
 *
 * - The seed excerpts (test/fixtures/seed/generated/, a spec pull never changes
 *   them): every operation with hand-written calls, the restore union's 422s.
 * - Whatever generated/ holds now (one spec or the vendor's whole one): a
 *   sample of operations with calls built from the spec (support/sample-calls.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sgpModule from '../fixtures/seed/generated/scale-gp/index.js';
import * as ldModule from '../fixtures/seed/generated/launchdarkly/index.js';
import { startMockServer, type MockServer } from '../support/mock-server.js';
import { REPO } from '../support/run-cli.js';
import { sampleCalls, type ManifestOperation } from '../support/sample-calls.js';

const SEED = join(REPO, 'test/fixtures/seed/generated');
/** Operations sampled per api of generated/. */
const SAMPLE = 12;

const API_KEY = 'sk-test-CONTRACT-4f9a';

type Call = (client: any) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Valid requests per wrapper; every operation in the manifest must have at least one. */
const VALID_CALLS: Record<string, Record<string, Call[]>> = {
  'scale-gp': {
    updateApplicationSpec: [
      (c) => c.updateApplicationSpec({ application_spec_id: 'spec_1', body: { name: 'New' } }),
      (c) => c.updateApplicationSpec({ application_spec_id: 'spec_1', body: { restore: false, description: 'd' } }),
      (c) => c.updateApplicationSpec({ application_spec_id: 'spec_1', body: { restore: true } }),
    ],
  },
  launchdarkly: {
    patchApplication: [
      (c) => c.patchApplication({ applicationKey: 'app-1', body: [{ op: 'replace', path: '/description', value: 'd' }] }),
      (c) => c.patchApplication({ applicationKey: 'app-1', body: [{ op: 'remove', path: '/kind' }] }),
    ],
  },
};

const FACTORIES: Record<string, (options: { apiKey: string; baseUrl: string }) => unknown> = {
  'scale-gp': sgpModule.createScaleGpClient,
  launchdarkly: ldModule.createLaunchDarklyClient,
};

for (const api of Object.keys(VALID_CALLS)) {
  describe(`${api} seed excerpt against a mock of its openapi.yaml`, () => {
    let mock: MockServer;
    let client: any;
    beforeAll(async () => {
      mock = await startMockServer(join(SEED, api, 'openapi.yaml'));
      client = FACTORIES[api]!({ apiKey: API_KEY, baseUrl: mock.url });
    });
    afterAll(() => mock?.close());

    const manifest = JSON.parse(readFileSync(join(SEED, api, 'manifest.json'), 'utf8')) as {
      operations: Array<{ wrapper: string }>;
    };

    it('has a valid call for every generated operation', () => {
      expect(Object.keys(VALID_CALLS[api]!).sort()).toEqual(manifest.operations.map((o) => o.wrapper).sort());
    });

    for (const { wrapper } of manifest.operations) {
      for (const [i, call] of (VALID_CALLS[api]![wrapper] ?? []).entries()) {
        it(`${wrapper} #${i + 1}: 2xx, typed data, zero violations`, async () => {
          mock.reset();
          const result = await call(client);
          expect(result.response.status, JSON.stringify(result.error)).toBeGreaterThanOrEqual(200);
          expect(result.response.status).toBeLessThan(300);
          expect(result.error).toBeUndefined();
          expect(result.data).toBeTypeOf('object');
          expect(mock.violations()).toEqual([]);
          expect(mock.requests()).toHaveLength(1);
        });
      }
    }
  });
}

describe('the mock rejects what the types reject (Scale GP restore union)', () => {
  let mock: MockServer;
  let sgp: ReturnType<typeof sgpModule.createScaleGpClient>;
  beforeAll(async () => {
    mock = await startMockServer(join(SEED, 'scale-gp/openapi.yaml'));
    sgp = sgpModule.createScaleGpClient({ apiKey: API_KEY, baseUrl: mock.url });
  });
  afterAll(() => mock?.close());

  it.each([
    ['restore with an update field', { restore: true, name: 'x' }],
    ['the mapping key instead of a boolean', { restore: 'True' }],
  ])('%s: 422 from the mock with violations', async (_name, body) => {
    mock.reset();
    const result = await sgp.updateApplicationSpec({ application_spec_id: 'spec_1', body: body as never });
    expect(result.response.status).toBe(422);
    expect(mock.violations().length).toBeGreaterThan(0);
  });

  it('sends the key in x-api-key, and the recorded request does not keep it', async () => {
    mock.reset();
    await sgp.updateApplicationSpec({ application_spec_id: 'spec_1', body: { name: 'x' } });
    const [request] = mock.requests();
    expect(request?.headers['x-api-key']).toBe('REDACTED');
    expect(JSON.stringify(mock.requests())).not.toContain(API_KEY);
  });
});

const apis = readdirSync(join(REPO, 'generated'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
for (const api of apis) {
  const dir = join(REPO, 'generated', api);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { operations: ManifestOperation[]; client: { factory: string } };
  const calls = sampleCalls(parse(readFileSync(join(dir, 'openapi.yaml'), 'utf8')), manifest.operations, SAMPLE);

  describe(`generated/${api}: ${calls.length} of ${manifest.operations.length} operations, calls built from the spec`, () => {
    let mock: MockServer;
    let client: any;
    beforeAll(async () => {
      mock = await startMockServer(join(dir, 'openapi.yaml'));
      const module = (await import(join(dir, 'index.js'))) as Record<string, (o: object) => unknown>;
      client = module[manifest.client.factory]!({ apiKey: API_KEY, baseUrl: mock.url });
    });
    afterAll(() => mock?.close());

    it('samples at least one operation', () => {
      expect(calls.length).toBeGreaterThan(0);
    });

    for (const call of calls) {
      it(`${call.wrapper} (${call.key}): 2xx, zero violations`, async () => {
        mock.reset();
        const result = (await client[call.wrapper](call.args)) as Awaited<ReturnType<Call>>;
        expect(mock.violations()).toEqual([]);
        expect(result.response.status, JSON.stringify(result.error)).toBeGreaterThanOrEqual(200);
        expect(result.response.status).toBeLessThan(300);
        expect(mock.requests()).toHaveLength(1);
      });
    }
  });
}

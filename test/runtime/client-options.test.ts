/**
 * The client's options over real HTTP (a local node:http server): per-call
 * `timeoutMs` / `maxRetries` / `headers` (null removes a default),
 * `withOptions`, the log, `User-Agent`, the base URL from the environment,
 * idempotency keys, `requestId` on success and the browser opt-in.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createScaleGpApiClient,
  createScaleGpClient,
  scaleGpApi,
  updateApplicationSpec,
  type ScaleGpClientOptions,
} from '../fixtures/seed/generated/scale-gp/index.js';
import { createLaunchDarklyClient } from '../fixtures/seed/generated/launchdarkly/index.js';
import type { paths } from '../fixtures/seed/generated/scale-gp/schema.js';
import { createApiClient } from '../../src/client.js';
import { ApiTimeoutError, BrowserNotAllowedError, MissingApiKeyError, RateLimitError } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { callOperation } from '../../src/operation.js';
import { VERSION } from '../../src/version.js';
import { ScriptedServer } from '../support/scripted-server.js';

const server = new ScriptedServer({ headers: { 'content-type': 'application/json' }, body: '{"id":"ok"}' });
let baseUrl: string;
/** The headers of each request the server received, in order. */
const seen = () => server.hits.map((h) => h.headers);

beforeAll(async () => {
  baseUrl = await server.start();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const KEY = 'sk-secret-key-123';
const RETRY_NOW = { status: 429, headers: { 'retry-after-ms': '0' } };
const client = (options: ScaleGpClientOptions = {}) => createScaleGpApiClient({ apiKey: KEY, baseUrl, logLevel: 'off', ...options });
const args = { application_spec_id: 's', body: { name: 'x' } };

/** A logger that records every line with its level. */
function recorder(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('per-call options', () => {
  it('timeoutMs overrides the client’s for one call, both ways', async () => {
    const c = client({ timeoutMs: 60_000, maxRetries: 0 });
    server.replies = [{ headerDelayMs: 1_000 }];
    await expect(updateApplicationSpec(c, args, { timeoutMs: 50 })).rejects.toBeInstanceOf(ApiTimeoutError);
    const short = client({ timeoutMs: 50, maxRetries: 0 });
    server.replies = [{ headerDelayMs: 150 }];
    expect((await updateApplicationSpec(short, args, { timeoutMs: 2_000 })).data).toEqual({ id: 'ok' });
  });

  it('maxRetries overrides the client’s for one call', async () => {
    server.replies = [RETRY_NOW, RETRY_NOW, RETRY_NOW];
    const none = await updateApplicationSpec(client(), args, { maxRetries: 0 });
    expect(none.response.status).toBe(429);
    expect(seen()).toHaveLength(1);
    server.hits = [];
    server.replies = [RETRY_NOW, RETRY_NOW];
    const two = await updateApplicationSpec(client({ maxRetries: 0 }), args, { maxRetries: 2 });
    expect(two.data).toEqual({ id: 'ok' });
    expect(seen()).toHaveLength(3);
  });

  it('refuses invalid per-call values before sending', async () => {
    await expect(updateApplicationSpec(client(), args, { maxRetries: -1 })).rejects.toBeInstanceOf(RangeError);
    await expect(updateApplicationSpec(client(), args, { timeoutMs: Number.NaN })).rejects.toBeInstanceOf(RangeError);
    expect(seen()).toEqual([]);
  });

  it('headers add to the defaults, and null removes one', async () => {
    const c = client({ headers: { 'X-Team': 'a', 'x-trace': 't' } });
    await updateApplicationSpec(c, args, { headers: { 'x-team': null, 'x-call': 'c' } });
    await updateApplicationSpec(c, args, { headers: { 'User-Agent': null } });
    expect(seen()[0]).toMatchObject({ 'x-trace': 't', 'x-call': 'c' });
    expect(seen()[0]).not.toHaveProperty('x-team');
    expect(seen()[1]!['user-agent']).not.toMatch(/vendor-api-clients/);
    expect(seen()[1]!['x-api-key']).toBe(KEY);
  });

  it('the bound client takes the same options as the last argument', async () => {
    server.replies = [RETRY_NOW];
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, logLevel: 'off', throwOnError: true });
    await expect(sgp.updateApplicationSpec(args, { maxRetries: 0, headers: { 'x-call': 'b' } })).rejects.toBeInstanceOf(RateLimitError);
    expect(seen()).toHaveLength(1);
    expect(seen()[0]!['x-call']).toBe('b');
  });
});

describe('the fetch option', () => {
  it('is called as fetch(request, { signal, body }); the signal carries the timeout, body is the request body again', async () => {
    const seen: Array<{ request: Request; signal: AbortSignal | undefined; body: unknown }> = [];
    const hanging = (request: Request, init?: { signal?: AbortSignal; body?: string | ArrayBuffer }) => {
      seen.push({ request, signal: init?.signal, body: init?.body });
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    };
    const c = createScaleGpApiClient({ apiKey: KEY, baseUrl, fetch: hanging, timeoutMs: 30, maxRetries: 0, logLevel: 'off' });
    await expect(updateApplicationSpec(c, args)).rejects.toBeInstanceOf(ApiTimeoutError);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.signal?.aborted).toBe(true);
    expect(seen[0]!.request.headers.get('x-api-key')).toBe(KEY);
    expect(seen[0]!.body).toBe('{"name":"x"}');
    expect(await seen[0]!.request.text()).toBe('{"name":"x"}');
    // Without a timeout there is no signal of ours; the body is still given.
    const plain: Array<unknown> = [];
    const ok = createScaleGpApiClient({ apiKey: KEY, baseUrl, timeoutMs: 0, logLevel: 'off', fetch: async (_request, init) => (plain.push(init), new Response('{}')) });
    await updateApplicationSpec(ok, args);
    expect(plain).toEqual([{ body: '{"name":"x"}' }]);
  });
});

describe('withOptions', () => {
  it('derives a client with some options changed and shares nothing mutable', async () => {
    const options: ScaleGpClientOptions = { apiKey: KEY, baseUrl, logLevel: 'off', headers: { 'x-a': '1', 'x-b': '2' }, throwOnError: true };
    const first = createScaleGpClient(options as ScaleGpClientOptions & { throwOnError: true });
    const second = first.withOptions({ headers: { 'x-b': null, 'x-c': '3' }, maxRetries: 0 });
    // Changing the options object or the first client afterwards reaches neither.
    options.headers!['x-a'] = 'changed';
    first.client.fetchClient.use({ onRequest: ({ request }) => void request.headers.set('x-first-only', 'yes') });

    server.replies = [RETRY_NOW];
    await expect(second.updateApplicationSpec(args)).rejects.toBeInstanceOf(RateLimitError); // throwOnError kept, no retry
    expect(seen()).toHaveLength(1);
    expect(seen()[0]).toMatchObject({ 'x-a': '1', 'x-c': '3', 'x-api-key': KEY });
    expect(seen()[0]).not.toHaveProperty('x-b');
    expect(seen()[0]).not.toHaveProperty('x-first-only');

    server.hits = [];
    server.replies = [RETRY_NOW];
    expect((await first.updateApplicationSpec(args)).data).toEqual({ id: 'ok' }); // still retries
    expect(seen().map((h) => [h['x-a'], h['x-b'], h['x-c'], h['x-first-only']])).toEqual(Array(2).fill(['1', '2', undefined, 'yes']));
    expect(second.client.fetchClient).not.toBe(first.client.fetchClient);
  });

  it('on the free-function client too, with a new key and base URL', async () => {
    const other = client().withOptions({ apiKey: 'other-key', baseUrl: `${baseUrl}/proxy` });
    expect(other.baseUrl).toBe(`${baseUrl}/proxy`);
    await updateApplicationSpec(other, args);
    expect(seen()[0]!['x-api-key']).toBe('other-key');
  });
});

describe('logging', () => {
  it('debug: one line per attempt, info: one per retry; never the key or an auth header', async () => {
    const logger = recorder();
    server.replies = [{ ...RETRY_NOW, headers: { ...RETRY_NOW.headers, 'x-request-id': 'req_1' } }, { headers: { 'x-request-id': 'req_2' } }];
    await updateApplicationSpec(client({ logger, logLevel: 'debug' }), args);
    expect(logger.lines).toEqual([
      expect.stringMatching(/^debug \[EGP API V4\] PATCH http:\/\/127\.0\.0\.1:\d+\/v4\/application-specs\/s -> 429 in \d+ ms \(attempt 1, request id req_1\)$/),
      expect.stringMatching(/^info \[EGP API V4\] retrying PATCH http:\/\/\S+ in 0 ms \(attempt 1 of 3: status 429\)$/),
      expect.stringMatching(/^debug \[EGP API V4\] PATCH http:\/\/\S+ -> 200 in \d+ ms \(attempt 2, request id req_2\)$/),
    ]);
    expect(logger.lines.join('\n')).not.toMatch(new RegExp(`${KEY}|x-api-key`, 'i'));
  });

  it('LaunchDarkly: the Authorization key is not logged either', async () => {
    const logger = recorder();
    const ld = createLaunchDarklyClient({ apiKey: KEY, baseUrl, logger, logLevel: 'debug', throwOnError: true });
    await ld.patchApplication({ applicationKey: 'a', body: [] });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines.join('\n')).not.toMatch(new RegExp(`${KEY}|authorization`, 'i'));
  });

  it.each([
    { level: 'info' as const, want: ['info'] },
    { level: 'warn' as const, want: ['warn'] },
    { level: 'off' as const, want: [] },
  ])('$level: retries run out → $want', async ({ level, want }) => {
    const logger = recorder();
    server.replies = [RETRY_NOW, RETRY_NOW];
    await updateApplicationSpec(client({ logger, logLevel: level, maxRetries: 1 }), args);
    const warnLine = /^warn \[EGP API V4\] PATCH \S+ failed after 2 attempts: status 429$/;
    expect(logger.lines.map((l) => l.split(' ')[0])).toEqual(level === 'info' ? ['info', 'warn'] : want);
    if (level !== 'off') expect(logger.lines.at(-1)).toMatch(warnLine);
  });

  it('the level comes from SGP_LOG when the option is absent; a bad value is reported once and ignored', async () => {
    const logger = recorder();
    vi.stubEnv('SGP_LOG', 'DEBUG');
    await updateApplicationSpec(createScaleGpApiClient({ apiKey: KEY, baseUrl, logger }), args);
    expect(logger.lines).toEqual([expect.stringMatching(/^debug /)]);
    vi.stubEnv('SGP_LOG', 'verbose');
    const quiet = recorder();
    await updateApplicationSpec(createScaleGpApiClient({ apiKey: KEY, baseUrl, logger: quiet }), args);
    expect(quiet.lines).toEqual(['warn [EGP API V4] SGP_LOG is "verbose", not one of off, error, warn, info, debug; using warn']);
    // The option wins over the variable.
    vi.stubEnv('SGP_LOG', 'debug');
    const off = recorder();
    await updateApplicationSpec(createScaleGpApiClient({ apiKey: KEY, baseUrl, logger: off, logLevel: 'off' }), args);
    expect(off.lines).toEqual([]);
  });

  it('an unknown logLevel option is a TypeError', () => {
    expect(() => client({ logLevel: 'loud' as 'debug' })).toThrow(/logLevel must be one of off, error, warn, info, debug/);
  });
});

describe('identification', () => {
  it('sends User-Agent vendor-api-clients/<version> node/<version>, replaceable by the headers option', async () => {
    await updateApplicationSpec(client(), args);
    await updateApplicationSpec(client({ headers: { 'user-agent': 'my-app/1' } }), args);
    expect(seen()[0]!['user-agent']).toBe(`vendor-api-clients/${VERSION} node/${process.versions.node}`);
    expect(seen()[1]!['user-agent']).toBe('my-app/1');
  });

  it('VERSION is package.json’s', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe('base URL from the environment', () => {
  it('SGP_BASE_URL is used when neither baseUrl nor server is given', async () => {
    vi.stubEnv('SGP_BASE_URL', `${baseUrl}/from-env`);
    const c = createScaleGpApiClient({ apiKey: KEY, logLevel: 'off' });
    expect(c.baseUrl).toBe(`${baseUrl}/from-env`);
    await updateApplicationSpec(c, args);
    expect(seen()).toHaveLength(1);
    expect(createScaleGpApiClient({ apiKey: KEY, baseUrl: 'https://option.example' }).baseUrl).toBe('https://option.example');
    expect(createScaleGpApiClient({ apiKey: KEY, server: 'default' }).baseUrl).toBe('https://api.egp.scale.com');
  });

  it('LAUNCHDARKLY_BASE_URL likewise; unset, the first server', () => {
    expect(createLaunchDarklyClient({ apiKey: KEY }).client.baseUrl).toBe('https://app.launchdarkly.com');
    vi.stubEnv('LAUNCHDARKLY_BASE_URL', 'http://127.0.0.1:1/ld');
    expect(createLaunchDarklyClient({ apiKey: KEY }).client.baseUrl).toBe('http://127.0.0.1:1/ld');
    expect(createLaunchDarklyClient({ apiKey: KEY, server: 'federal' }).client.baseUrl).toBe('https://app.launchdarkly.us');
  });

  it('a value that is not an http(s) URL is refused without echoing it', () => {
    vi.stubEnv('SGP_BASE_URL', 'ftp://user:hunter2@host');
    expect(() => createScaleGpApiClient({ apiKey: KEY })).toThrow(new TypeError('EGP API V4: SGP_BASE_URL is not an http(s) URL'));
  });
});

describe('idempotency keys', () => {
  const api = { ...scaleGpApi, idempotencyHeader: 'Idempotency-Key' };
  const keyed = (options: ScaleGpClientOptions = {}) => createApiClient<paths>(api, { apiKey: KEY, baseUrl, logLevel: 'off', ...options });
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('a retried PATCH sends one key on every attempt; the next call another', async () => {
    server.replies = [RETRY_NOW, RETRY_NOW];
    const c = keyed();
    await updateApplicationSpec(c, args);
    await updateApplicationSpec(c, args);
    const keys = seen().map((h) => h['idempotency-key']);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(UUID);
    expect(keys.slice(0, 3)).toEqual(Array(3).fill(keys[0]));
    expect(keys[3]).toMatch(UUID);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('a key given for the call wins; idempotent methods and apis without the header send none', async () => {
    const c = keyed();
    await updateApplicationSpec(c, args, { headers: { 'Idempotency-Key': 'mine' } });
    await callOperation(c, 'put', '/v4/application-specs/{application_spec_id}', args, undefined);
    await updateApplicationSpec(client(), args);
    expect(seen().map((h) => h['idempotency-key'])).toEqual(['mine', undefined, undefined]);
  });
});

describe('request id on success', () => {
  it('is on the result next to response, from the api’s request id header', async () => {
    server.replies = [{ headers: { 'x-request-id': 'req_ok' } }, {}];
    expect((await updateApplicationSpec(client(), args)).requestId).toBe('req_ok');
    expect((await updateApplicationSpec(client(), args)).requestId).toBeUndefined();
    server.replies = [{ headers: { 'x-request-id': 'req_bound' } }];
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, throwOnError: true });
    const { data, requestId } = await sgp.updateApplicationSpec(args);
    expect([data, requestId]).toEqual([{ id: 'ok' }, 'req_bound']);
  });
});

describe('in a browser (window and document exist)', () => {
  const asBrowser = () => {
    vi.stubGlobal('window', {});
    vi.stubGlobal('document', {});
  };

  it('refuses a client with an API key unless dangerouslyAllowBrowser', async () => {
    asBrowser();
    expect(() => createScaleGpClient({ apiKey: KEY, baseUrl })).toThrow(BrowserNotAllowedError);
    expect(() => createScaleGpClient({ apiKey: KEY, baseUrl })).toThrow(/every visitor of the page can read the key.*dangerouslyAllowBrowser: true/);
    const sgp = createScaleGpClient({ apiKey: KEY, baseUrl, dangerouslyAllowBrowser: true, logLevel: 'off' });
    await sgp.updateApplicationSpec(args);
    expect(seen()[0]!['x-api-key']).toBe(KEY);
    // The browser's own User-Agent stays (a page cannot set it); Node's fetch sends its own here.
    expect(seen()[0]!['user-agent']).not.toMatch(/vendor-api-clients/);
  });

  it('without a key: MissingApiKeyError asks for the option, not an environment variable', () => {
    asBrowser();
    vi.stubEnv('SGP_API_KEY', 'from-env-not-read-in-a-browser');
    const error = (() => {
      try {
        createScaleGpClient({ dangerouslyAllowBrowser: true });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect((error as Error).message).toBe('EGP API V4: no API key: pass { apiKey }');
  });

  it('the opt-in is not needed in Node', () => {
    expect(() => createScaleGpClient({ apiKey: KEY })).not.toThrow();
  });
});

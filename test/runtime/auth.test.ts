import http from 'node:http';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, resolveApiKey, type AuthScheme } from '../../src/auth.js';
import { ApiError, AuthenticationError, ClientError, InvalidRequestError, MissingApiKeyError } from '../../src/errors.js';
import { createTransport } from '../../src/transport.js';
import { close, listen } from '../support/local-server.js';

const ENV = 'RUNTIME_TEST_API_KEY';

afterEach(() => {
  delete process.env[ENV];
});

describe('resolveApiKey', () => {
  it.each([
    { name: 'explicit key', apiKey: 'k1', env: undefined, expected: 'k1' },
    { name: 'explicit key is trimmed', apiKey: '  k1\n', env: undefined, expected: 'k1' },
    { name: 'explicit key wins over env', apiKey: 'k1', env: 'k2', expected: 'k1' },
    { name: 'env fallback, trimmed', apiKey: undefined, env: ' k2 ', expected: 'k2' },
  ])('$name', ({ apiKey, env, expected }) => {
    if (env !== undefined) process.env[ENV] = env;
    expect(resolveApiKey(apiKey, ENV, 'Scale GP')).toBe(expected);
  });

  it.each([
    { name: 'nothing given, env unset', apiKey: undefined, env: undefined },
    { name: 'env empty', apiKey: undefined, env: '' },
    { name: 'env whitespace', apiKey: undefined, env: '   ' },
    { name: 'explicit empty string (not replaced by env)', apiKey: '', env: 'k2' },
  ])('$name → MissingApiKeyError', ({ apiKey, env }) => {
    if (env !== undefined) process.env[ENV] = env;
    let error: unknown;
    try {
      resolveApiKey(apiKey, ENV, 'LaunchDarkly');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingApiKeyError);
    expect(error).toBeInstanceOf(ClientError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).message).toBe(`LaunchDarkly: no API key: pass { apiKey } or set ${ENV}`);
  });
});

describe('authHeaders', () => {
  it.each<{ scheme: AuthScheme; expected: Record<string, string> }>([
    { scheme: { in: 'header', name: 'x-api-key' }, expected: { 'x-api-key': 'k' } },
    { scheme: { in: 'header', name: 'Authorization' }, expected: { Authorization: 'k' } },
    { scheme: { in: 'header', name: 'Authorization', prefix: 'Bearer' }, expected: { Authorization: 'Bearer k' } },
  ])('$scheme.name with prefix $scheme.prefix', ({ scheme, expected }) => {
    expect(authHeaders(scheme, 'k')).toEqual(expected);
  });

  it.each(['SECRET\nX-Evil: 1', 'SECRET\r', 'SECRET\u0000'])(
    'a key that is not a valid header value is refused without quoting it (%j)',
    (key) => {
      let error: unknown;
      try {
        authHeaders({ in: 'header', name: 'x-api-key' }, key);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).parameter).toBe('apiKey');
      expect(String(error)).not.toContain('SECRET');
      expect(inspect(error)).not.toContain('SECRET');
    },
  );
});

describe('over HTTP', () => {
  let server: http.Server;
  let base: string;
  const seen: http.IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // 401 unless the expected key arrives in the expected header.
    server = http.createServer((req, res) => {
      seen.push(req.headers);
      const ok = req.headers['x-api-key'] === 'good-key' || req.headers.authorization === 'Bearer good-key';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { ok: true } : { message: 'invalid api key' }));
    });
    base = await listen(server);
  });

  afterAll(async () => {
    await close(server);
  });

  it.each<AuthScheme>([
    { in: 'header', name: 'x-api-key' },
    { in: 'header', name: 'Authorization', prefix: 'Bearer' },
  ])('the key from the environment reaches the server in $name', async (scheme) => {
    process.env[ENV] = 'good-key';
    const transport = createTransport({ maxRetries: 0 });
    const response = await transport(new Request(`${base}/me`, { headers: authHeaders(scheme, resolveApiKey(undefined, ENV, 'T')) }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('a rejected key does not appear in the resulting error', async () => {
    const key = 'bad-key-SECRET123';
    const url = `${base}/me`;
    const transport = createTransport({ maxRetries: 0 });
    const response = await transport(new Request(url, { headers: authHeaders({ in: 'header', name: 'x-api-key' }, key) }));
    expect(seen.at(-1)?.['x-api-key']).toBe(key);
    const error = await ApiError.fromResponse(response, { method: 'GET', url });
    expect(error).toBeInstanceOf(AuthenticationError);
    for (const text of [String(error), error.message, JSON.stringify(error), inspect(error, { showHidden: true, depth: Infinity })]) {
      expect(text).not.toContain('SECRET123');
    }
  });
});

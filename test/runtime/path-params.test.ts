import http from 'node:http';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientError, InvalidRequestError } from '../../src/errors.js';
import { encodePathParam, pathSerializer } from '../../src/path-params.js';
import { createTransport } from '../../src/transport.js';
import { close, listen } from '../support/local-server.js';

// The server records the raw request target exactly as it went over the wire.
const received: string[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    received.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ target: req.url }));
  });
  base = await listen(server);
});

afterAll(async () => {
  await close(server);
});

function thrown(fn: () => unknown): InvalidRequestError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toBeInstanceOf(ClientError);
    return error as InvalidRequestError;
  }
  throw new Error('expected a throw');
}

const TEMPLATE = '/projects/{projectKey}/flags/{flagKey}';

describe('pathSerializer refuses what would change the path', () => {
  it.each([
    { name: 'undefined', value: undefined, message: 'missing required path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey}' },
    { name: 'null', value: null, message: 'missing required path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey}' },
    { name: 'empty string', value: '', message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} is empty; it would change the request path' },
    { name: '"."', value: '.', message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} is "."; it would change the request path (dot segment)' },
    { name: '".."', value: '..', message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} is ".."; it would change the request path (dot segment)' },
    { name: 'object', value: { id: 1 }, message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} must be a string, number, boolean or bigint, got object' },
    { name: 'array', value: ['a'], message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} must be a string, number, boolean or bigint, got array' },
    { name: 'function', value: () => 'x', message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} must be a string, number, boolean or bigint, got function' },
    { name: 'NaN', value: Number.NaN, message: 'path parameter "flagKey" for /projects/{projectKey}/flags/{flagKey} must be a finite number, got NaN' },
  ])('$name → InvalidRequestError', ({ value, message }) => {
    const error = thrown(() => pathSerializer(TEMPLATE, { projectKey: 'p', flagKey: value }));
    expect(error.message).toBe(message);
    expect(error.parameter).toBe('flagKey');
  });

  it('a parameter absent from the object is missing; the first missing one is named', () => {
    expect(thrown(() => pathSerializer(TEMPLATE, { projectKey: 'p' })).parameter).toBe('flagKey');
    expect(thrown(() => pathSerializer(TEMPLATE, {})).parameter).toBe('projectKey');
  });

  it.each(['abc', 'a.b', '...', '.hidden', 'a/b', 0, 42, false, 10n])('accepts %s', (value) => {
    expect(() => pathSerializer(TEMPLATE, { projectKey: 'p', flagKey: value })).not.toThrow();
  });

  it('a template without parameters needs none', () => {
    expect(() => pathSerializer('/health', {})).not.toThrow();
  });

  it('never echoes credentials from a base URL in the template', () => {
    const error = thrown(() => pathSerializer('https://u:pw@h/x/{id}?key=s', {}));
    expect(error.message).toBe('missing required path parameter "id" for https://h/x/{id}?key=REDACTED');
  });
});

describe('encodePathParam', () => {
  it.each([
    ['a/b?c#d %', 'a%2Fb%3Fc%23d%20%25'],
    ['plain-key_1.2~', 'plain-key_1.2~'],
    ['ü', '%C3%BC'],
    [7, '7'],
    [true, 'true'],
    [123n, '123'],
  ])('%s → %s', (value, expected) => {
    expect(encodePathParam(value)).toBe(expected);
  });
});

describe('pathSerializer', () => {
  it('fills every parameter with encoded values', () => {
    expect(pathSerializer('https://h/v1/{a}/x/{b}', { a: 'a/b?c#d %', b: 3 })).toBe('https://h/v1/a%2Fb%3Fc%23d%20%25/x/3');
  });

  it('supports the label and matrix forms openapi-fetch understands', () => {
    expect(pathSerializer('/f/{.ext}/{;v}/{id*}', { ext: 'json', v: 'a b', id: 1 })).toBe('/f/.json/;v=a%20b/1');
  });

  it('validates before filling', () => {
    expect(thrown(() => pathSerializer('/f/{id}', { id: '..' })).parameter).toBe('id');
  });
});

describe('with openapi-fetch over HTTP', () => {
  interface paths {
    '/items/{id}/children/{child}': {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      get: {
        parameters: { query?: never; header?: never; path: { id: string; child: string }; cookie?: never };
        requestBody?: never;
        responses: { 200: { headers: { [name: string]: unknown }; content: { 'application/json': { target: string } } } };
      };
    };
  }

  const client = () =>
    createClient<paths>({ baseUrl: `${base}/api`, pathSerializer, fetch: createTransport({ maxRetries: 0 }) });

  it('sends reserved characters percent-encoded in a single segment', async () => {
    const { data } = await client().GET('/items/{id}/children/{child}', {
      params: { path: { id: 'a/b?c#d %', child: 'x' } },
    });
    expect(data).toEqual({ target: '/api/items/a%2Fb%3Fc%23d%20%25/children/x' });
  });

  it.each([
    { id: '..', child: 'x' },
    { id: '.', child: 'x' },
    { id: '', child: 'x' },
    { id: 'ok', child: undefined as unknown as string },
  ])('refuses $id/$child before anything is sent', async (path) => {
    const before = received.length;
    const error = await client()
      .GET('/items/{id}/children/{child}', { params: { path } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(received.length).toBe(before);
  });
});

/** Wrapper naming rules (codegen/lib/naming.ts) and the doc comments of generated wrappers. */
import { describe, expect, it } from 'vitest';
import { methodPathName, nameOperations } from '../../codegen/lib/naming.js';
import { PipelineError } from '../../codegen/lib/errors.js';
import type { OperationRef } from '../../codegen/lib/openapi.js';
import { generateWrappers } from '../../codegen/stages/wrappers.js';

const op = (method: OperationRef['method'], path: string, operation: Record<string, unknown>): OperationRef => ({
  method,
  path,
  operation: operation as OperationRef['operation'],
  pathItem: {},
});

describe('wrapper names', () => {
  it.each([
    ['a clean operationId', op('patch', '/a/{k}', { operationId: 'patch-application', summary: 'Ignored' }), 'patchApplication', 'operationId'],
    ['a URL-shaped operationId falls back to the summary', op('patch', '/v4/specs/{id}', { operationId: 'PATCH-V4-/specs/{id}', summary: 'Update Application Spec' }), 'updateApplicationSpec', 'summary'],
    ["the vendor's id is judged, not the normalised one", op('get', '/x', { operationId: 'GET-/x', 'x-vendor-operation-id': 'GET /x', summary: 'List X' }), 'listX', 'summary'],
    ['no operationId and no summary: method + path', op('patch', '/v4/specs/{id}', {}), 'patchV4SpecsById', 'method+path'],
    ['a reserved word', op('delete', '/a', { operationId: 'delete' }), 'deleteOperation', 'operationId'],
    ['an Object.prototype name', op('get', '/a', { operationId: 'constructor' }), 'constructorOperation', 'operationId'],
    ["the bound client's `client`", op('get', '/a', { operationId: 'client' }), 'clientOperation', 'operationId'],
    ["the bound client's `withOptions`", op('get', '/a', { summary: 'With options' }), 'withOptionsOperation', 'summary'],
    ['non-ASCII', op('get', '/größe', { operationId: 'größe-lesen' }), 'größeLesen', 'operationId'],
  ])('%s', (_name, given, name, from) => {
    const [named] = nameOperations([given], {}, 'spec.yaml');
    expect([named!.name, named!.nameFrom]).toEqual([name, from]);
  });

  it('applies overrides by operationId or METHOD /path', () => {
    const named = nameOperations(
      [op('get', '/a', { operationId: 'a-get' }), op('post', '/a', { summary: 'Make A' })],
      { 'a-get': 'fetchA', 'POST /a': 'createA' },
      'spec.yaml',
    );
    expect(named.map((n) => [n.name, n.nameFrom])).toEqual([
      ['fetchA', 'override'],
      ['createA', 'override'],
    ]);
  });

  it('refuses two operations with one name, naming both', () => {
    const run = () => nameOperations([op('get', '/v1/m', { summary: 'List Models' }), op('get', '/v2/m', { summary: 'List models' })], {}, 'spec.yaml');
    expect(run).toThrow(PipelineError);
    expect(run).toThrow(/spec\.yaml: two operations map to the wrapper name listModels: GET \/v1\/m .* and GET \/v2\/m/);
  });

  it('qualifies a clashing group by the path segments that differ, when asked', () => {
    const named = nameOperations(
      [op('get', '/v1/models', { summary: 'List Models' }), op('get', '/v4/models', { summary: 'List Models' }), op('get', '/other', { summary: 'Other' })],
      {},
      'spec.yaml',
      'qualify-by-path',
    );
    expect(named.map((n) => n.name)).toEqual(['listModelsV1', 'listModelsV4', 'other']);
  });

  it('methodPathName', () => {
    expect(methodPathName({ method: 'get', path: '/' })).toBe('get');
    expect(methodPathName({ method: 'put', path: '/a-b/{c_d}/e' })).toBe('putABByCDE');
  });
});

describe('wrapper doc comments', () => {
  it('carry summary, description, method + path and @deprecated, with spec text inert', () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      paths: {
        '/a': {
          get: { operationId: 'old-thing', summary: 'Old */ thing', description: 'Use new.\nSecond line', deprecated: true, responses: {} },
        },
      },
    };
    const out = generateWrappers('t', doc, {}, { runtime: '../../src/index.js', where: 'spec.yaml' });
    expect(out.operationsTs).toContain('/**\n * Old *\\/ thing\n *\n * Use new.\n * Second line\n *\n * `GET /a`\n * @deprecated\n */\nexport function oldThing(');
  });
});

/** Wrapper naming rules (codegen/lib/naming.ts) and the doc comments of generated wrappers. */
import { describe, expect, it } from 'vitest';
import { methodPathName, nameOperations } from '../../codegen/lib/naming.js';
import { readManifest } from '../../codegen/manifest.js';
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

  it('separates paths that differ only in separators', () => {
    const named = nameOperations([op('get', '/api/dev/db-reset', {}), op('get', '/api/dev/db/reset', {})], {}, 'spec.yaml', 'qualify-by-path');
    expect(named.map((n) => n.name)).toEqual(['getApiDevDbResetDbReset', 'getApiDevDbResetDb_Reset']);
  });

  it('separates two methods of one path that share an operationId', () => {
    // operation-id-unique made the ids unique; the vendor's (clean) id is kept as x-vendor-operation-id.
    const named = nameOperations(
      [
        op('get', '/items', { operationId: 'GET-/items', 'x-vendor-operation-id': 'items' }),
        op('post', '/items', { operationId: 'POST-/items', 'x-vendor-operation-id': 'items' }),
      ],
      {},
      'spec.yaml',
      'qualify-by-path',
    );
    expect(named.map((n) => [n.name, n.nameFrom])).toEqual([
      ['itemsGet', 'operationId+path-qualifier'],
      ['itemsPost', 'operationId+path-qualifier'],
    ]);
  });

  describe('names recorded by the previous generate', () => {
    const listV4 = op('get', '/v4/models', { summary: 'List Models' });
    const listV5 = op('get', '/v5/models', { summary: 'List Models' });
    const recorded = new Map([['GET /v4/models', { name: 'listModels', nameFrom: 'summary' as const }]]);

    it('keep a name when the vendor adds a clashing twin: only the new operation is qualified', () => {
      const named = nameOperations([listV5, listV4], {}, 'spec.yaml', 'qualify-by-path', recorded);
      expect(named.map((n) => [n.path, n.name, n.nameFrom])).toEqual([
        ['/v5/models', 'listModelsV5', 'summary+path-qualifier'],
        ['/v4/models', 'listModels', 'summary'],
      ]);
      // Without the record, both are qualified.
      expect(nameOperations([listV5, listV4], {}, 'spec.yaml', 'qualify-by-path').map((n) => n.name)).toEqual(['listModelsV5', 'listModelsV4']);
    });

    it('keep a name whose derivation changed (a new summary), and an override still wins', () => {
      const renamed = op('get', '/v4/models', { summary: 'Get all models' });
      expect(nameOperations([renamed], {}, 'spec.yaml', 'error', recorded).map((n) => [n.name, n.nameFrom])).toEqual([['listModels', 'summary']]);
      expect(nameOperations([renamed], { 'GET /v4/models': 'allModels' }, 'spec.yaml', 'error', recorded).map((n) => n.name)).toEqual(['allModels']);
    });

    it('free the name of a removed operation', () => {
      const gone = new Map([['GET /v1/models', { name: 'listModels', nameFrom: 'summary' as const }]]);
      expect(nameOperations([listV5], {}, 'spec.yaml', 'qualify-by-path', gone).map((n) => n.name)).toEqual(['listModels']);
    });

    it('still refuse a new clash with a recorded name unless qualify-by-path is on', () => {
      expect(() => nameOperations([listV4, listV5], {}, 'spec.yaml', 'error', recorded)).toThrow(/wrapper name listModels: GET \/v4\/models .* and GET \/v5\/models/);
    });

    it('are read from manifest.json; unusable entries are named afresh, a broken file is an error', () => {
      const manifest = JSON.stringify({
        operations: [
          { wrapper: 'listModels', nameFrom: 'summary', method: 'GET', path: '/v4/models' },
          { wrapper: 'constructor', nameFrom: 'summary', method: 'GET', path: '/a' },
          { wrapper: 'x-y', method: 'GET', path: '/b' },
        ],
        aliases: { Pet: 'Pet', PetResponse: 'pkg__PetResponse', 'Not-A-Name': 'k', Other: 7 },
      });
      const { wrappers, aliases } = readManifest(manifest, 'm.json');
      expect([...wrappers]).toEqual([['GET /v4/models', { name: 'listModels', nameFrom: 'summary' }]]);
      // aliases by schema key; unusable names (and non-string keys) are named afresh
      expect([...aliases]).toEqual([['Pet', 'Pet'], ['pkg__PetResponse', 'PetResponse']]);
      expect([...readManifest(JSON.stringify({ operations: [] }), 'm.json').aliases]).toEqual([]);
      // schemas recorded without a name come back as '' (a named key keeps its name; non-strings are ignored)
      const unnamed = JSON.stringify({ operations: [], aliases: { Pet: 'Pet' }, unnamedSchemas: ['simple-user', 'Pet', 7] });
      expect([...readManifest(unnamed, 'm.json').aliases]).toEqual([['Pet', 'Pet'], ['simple-user', '']]);
      expect(() => readManifest('{', 'generated/x/manifest.json')).toThrow(/^generated\/x\/manifest\.json: not valid JSON/);
      expect(() => readManifest('{}', 'm.json')).toThrow(/m\.json: no "operations" list/);
    });
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
    expect(out.operationsTs).toContain('/**\n * Old *\\/ thing\n *\n * Use new.\n * Second line\n *\n * `GET /a`\n * @param args - ');
    expect(out.operationsTs).toMatch(/ \* @returns [^\n]*\n \* @deprecated\n \*\/\nexport function oldThing\(/);
  });
});

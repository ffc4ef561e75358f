/**
 * codegen/stages/json-patch.ts on inline documents: what is detected as a JSON
 * Patch body, which schema a patch is checked against, which pointers come
 * out (escaped, bounded), what x-codegen.jsonPatch accepts, and that the
 * emitted types parse and accept exactly the pointers they list (compiled
 * here with the TypeScript compiler).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../codegen/lib/errors.js';
import { nameOperations } from '../../codegen/lib/naming.js';
import { operationsOf, type JsonObject } from '../../codegen/lib/openapi.js';
import { emitPatchTypes, MAX_POINTERS, planJsonPatch, readJsonPatchConfig, type JsonPatchConfig } from '../../codegen/stages/json-patch.js';

const PATCH_ITEMS = { type: 'object', required: ['op', 'path'], properties: { op: { type: 'string' }, path: { type: 'string' }, value: {} } };

/** A document with one PATCH /r whose body is `body` and whose 200 response is `target`. */
function doc(target: unknown, body: unknown = { type: 'array', items: PATCH_ITEMS }, extra: Record<string, unknown> = {}): JsonObject {
  return {
    openapi: '3.1.0',
    paths: {
      '/r': {
        patch: {
          operationId: 'patchR',
          requestBody: { content: { 'application/json': { schema: body } } },
          responses: target === undefined ? { '204': { description: '' } } : { '200': { description: '', content: { 'application/json': { schema: target } } } },
        },
        ...extra,
      },
    },
    components: { schemas: { R: target ?? {} } },
  } as unknown as JsonObject;
}

function plan(document: JsonObject, config?: JsonPatchConfig) {
  const operations = nameOperations(operationsOf(document), {}, 'spec.yaml');
  return planJsonPatch(document, operations, config);
}

const pointers = (document: JsonObject, config?: JsonPatchConfig) => plan(document, config).plans[0]?.target?.pointers.filter((p) => p.patchable).map((p) => p.segments);
const emitted = (document: JsonObject, config?: JsonPatchConfig) => {
  const p = plan(document, config).plans[0]!;
  return emitPatchTypes(p, 'PatchR');
};

describe('detection', () => {
  it.each([
    ['an array of { op, path }', { type: 'array', items: PATCH_ITEMS }, 'array of { op, path }'],
    ['items through allOf', { type: 'array', items: { allOf: [{ properties: { op: {} } }, { properties: { path: {} } }] } }, 'array of { op, path }'],
    ['items as a oneOf of operations', { type: 'array', items: { oneOf: [PATCH_ITEMS, { properties: { op: { const: 'remove' }, path: {} } }] } }, 'array of { op, path }'],
    ['an object body with such an array', { type: 'object', properties: { ops: { type: 'array', items: PATCH_ITEMS }, note: { type: 'string' } } }, 'body.ops'],
  ])('finds %s', (_name, body, label) => {
    expect(plan(doc({ type: 'object', properties: { a: { type: 'string' } } }, body)).plans.map((p) => p.bodyLabel)).toEqual([label]);
  });

  it.each([
    ['a partial object', { type: 'object', properties: { name: { type: 'string' }, path: { type: 'string' } } }],
    ['an array of other objects', { type: 'array', items: { type: 'object', properties: { path: { type: 'string' } } } }],
    ['an array of strings', { type: 'array', items: { type: 'string' } }],
  ])('leaves %s alone', (_name, body) => {
    expect(plan(doc({ type: 'object' }, body)).plans).toEqual([]);
  });

  it('finds application/json-patch+json whatever its schema, and lists a body of several media types untyped', () => {
    const d = doc({ type: 'object', properties: { a: { type: 'string' } } });
    const content = ((d.paths as JsonObject)['/r'] as { patch: { requestBody: { content: Record<string, unknown> } } }).patch.requestBody.content;
    delete content['application/json'];
    content['application/json-patch+json'] = { schema: {} };
    expect(plan(d).plans[0]!.target).toBeDefined();
    content['application/merge-patch+json'] = { schema: { type: 'object' } };
    expect(plan(d).plans[0]!.reason).toBe('the body has 2 media types; only a single one is typed');
    expect(plan(d).warnings).toEqual(['json patch: PATCH /r: the body has 2 media types; only a single one is typed; its patch stays as the spec types it']);
  });
});

describe('target', () => {
  const R = { $ref: '#/components/schemas/R' };
  it('is the first 2xx JSON response, else the GET on the path, else what x-codegen names', () => {
    const d = doc({ type: 'object', properties: { a: { type: 'string' } } });
    expect(plan(d).plans[0]!.target!.label).toBe('PATCH /r 200');
    const viaGet = doc(undefined, undefined, { get: { responses: { '200': { description: '', content: { 'application/json': { schema: R } } } } } });
    (viaGet.components as { schemas: JsonObject }).schemas.R = { type: 'object', properties: { b: { type: 'string' } } };
    expect(plan(viaGet).plans[0]!.target!.label).toBe('R');
    expect(plan(viaGet).plans[0]!.target!.described).toBe('`R`, what `GET /r` returns');
    const none = doc(undefined);
    expect(plan(none).plans[0]!.reason).toMatch(/^no target schema/);
    expect(plan(none, { operations: { patchR: { target: 'R' } } }).plans[0]!.target!.label).toBe('R');
    const unknown = plan(d, { operations: { 'PATCH /r': { target: 'Nope' } } });
    expect(unknown.warnings).toEqual(['json patch: PATCH /r: x-codegen.jsonPatch target "Nope" is not a component schema; ignored']);
    expect(unknown.plans[0]!.target!.label).toBe('PATCH /r 200');
  });
});

describe('pointers', () => {
  it('escapes keys (RFC 6901) and writes types that parse and accept exactly those pointers', () => {
    const keys = ['a/b', 'c~d', 'back`tick', '${x}', 'back\\slash', 'line\u2028sep', 'ü', '-'];
    const target = { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, { type: 'array', items: { type: 'string' } }])) };
    const out = emitted(doc(target));
    const source = `type components = any; type paths = any;
declare namespace $runtime { type UncheckedPatchOperation = never; }
${out.text}
const ok: PatchRPatchPointer[] = ${JSON.stringify(['/a~1b', '/c~0d/0', '/back`tick/12', '/${x}', '/back\\slash/3', '/line\u2028sep', '/ü/1', '/-/0'])};
// @ts-expect-error not escaped
const raw: PatchRPatchPointer = '/a/b';
// @ts-expect-error not an index
const word: PatchRPatchPointer = '/c~0d/first';
export { ok, raw, word };`;
    expect(compile(source)).toEqual([]);
  });

  it('gives array items, `/-` (add only) and map entries; stops a recursive schema and deep nesting with a plain string', () => {
    const d = doc({ $ref: '#/components/schemas/Node' });
    (d.components as { schemas: JsonObject }).schemas.Node = {
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, attrs: { additionalProperties: { type: 'integer' } } },
    };
    const text = emitted(d).text;
    expect(text).toContain('{ op: "add"; path: "/children/-"; value: components["schemas"]["Node"] }');
    expect(text).toContain('| `/children/${number}/${string}`');
    expect(text).toContain('{ op: "add" | "replace" | "test"; path: `/attrs/${string}`; value: NonNullable<components["schemas"]["Node"]["attrs"]>[string] }');
    let deep: JsonObject = { type: 'string' };
    for (let i = 0; i < 15; i++) deep = { type: 'object', properties: { n: deep } };
    const segments = pointers(doc(deep), { maxDepth: 4 })!;
    expect(segments.at(-1)).toEqual([{ key: 'n' }, { key: 'n' }, { key: 'n' }, { key: 'n' }, 'rest']);
  });

  it(`gives at most about ${MAX_POINTERS} pointers per target: past that, a plain string`, () => {
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`p${i}`, { type: 'object', properties: Object.fromEntries(Array.from({ length: 60 }, (__, j) => [`q${j}`, { type: 'string' }])) }])) };
    const all = plan(doc(wide)).plans[0]!.target!.pointers;
    expect(all.length).toBeLessThanOrEqual(MAX_POINTERS + 60);
    expect(all.some((p) => p.segments.at(-1) === 'rest')).toBe(true);
  });

  it('keeps `_` names, readOnly and x-can-patch: false for test only; x-codegen lists narrow the rest', () => {
    const target = {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string', readOnly: true },
        _meta: { type: 'object', properties: { x: { type: 'string' } } },
        locked: { type: 'string', 'x-can-patch': false },
        name: { type: 'string', 'x-can-patch': true },
        'a/b': { type: 'object', properties: { c: { type: 'string' }, d: { type: 'string' } } },
        list: { type: 'array', items: { type: 'object', properties: { e: { type: 'string' }, f: { type: 'string' } } } },
      },
    };
    const all = plan(doc(target)).plans[0]!.target!.pointers;
    expect(all.filter((p) => !p.patchable).map((p) => p.segments)).toEqual([[{ key: 'id' }], [{ key: '_meta' }], [{ key: 'locked' }]]);
    expect(pointers(doc(target), { readOnlyPrefix: '' })).toContainEqual([{ key: '_meta' }, { key: 'x' }]);
    const narrowed = plan(doc(target), { operations: { patchR: { pointers: ['/a~1b/c', '/list/*/e', '/id', '/typo'] } } });
    expect(narrowed.plans[0]!.target!.pointers.filter((p) => p.patchable).map((p) => p.segments)).toEqual([
      [{ key: 'a/b' }, { key: 'c' }],
      [{ key: 'list' }, 'index', { key: 'e' }],
    ]);
    // `*` takes an index, a map key and `-` (append).
    expect(pointers(doc(target), { operations: { patchR: { pointers: ['/list/*'] } } })).toEqual([
      [{ key: 'list' }, 'index'],
      [{ key: 'list' }, 'append'],
      [{ key: 'list' }, 'index', { key: 'e' }],
      [{ key: 'list' }, 'index', { key: 'f' }],
    ]);
    expect(narrowed.warnings).toEqual([
      'json patch: PATCH /r: x-codegen.jsonPatch pointer "/id" is not a patchable pointer into PATCH /r 200; ignored',
      'json patch: PATCH /r: x-codegen.jsonPatch pointer "/typo" is not a patchable pointer into PATCH /r 200; ignored',
    ]);
  });
});

describe('x-codegen.jsonPatch', () => {
  it.each([
    ['not a mapping', [], 'must be a mapping'],
    ['an unknown key', { pointers: [] }, 'unknown key "pointers" (known: readOnlyPrefix, maxDepth, operations)'],
    ['readOnlyPrefix', { readOnlyPrefix: 1 }, 'readOnlyPrefix must be a string'],
    ['maxDepth', { maxDepth: 0 }, 'maxDepth must be an integer from 1 to 32'],
    ['operations', { operations: [] }, 'operations must map operationIds or "METHOD /path" to { pointers, target }'],
    ['an entry', { operations: { x: 'y' } }, 'operations["x"] must be a mapping with pointers and/or target'],
    ['an entry key', { operations: { x: { pointer: [] } } }, 'operations["x"]: unknown key "pointer" (known: pointers, target)'],
    ['a pointer', { operations: { x: { pointers: ['description'] } } }, 'operations["x"].pointers must be a list of JSON pointers (each starting with "/")'],
    ['a target', { operations: { x: { target: 1 } } }, 'operations["x"].target must be a component schema name'],
  ])('refuses %s in one line', (_name, raw, message) => {
    expect(() => readJsonPatchConfig(raw, 'redocly.yaml: apis.a.x-codegen')).toThrow(new PipelineError(`redocly.yaml: apis.a.x-codegen.jsonPatch: ${message}`));
  });

  it('accepts the documented shape, and nothing', () => {
    expect(readJsonPatchConfig(undefined, 'w')).toBeUndefined();
    const config = { readOnlyPrefix: '$', maxDepth: 6, operations: { 'PATCH /a': { pointers: ['/x', '/y/*'], target: 'A' } } };
    expect(readJsonPatchConfig(config, 'w')).toEqual(config);
  });

  it('warns about an entry that names no JSON Patch operation', () => {
    expect(plan(doc({ type: 'object' }), { operations: { 'PATCH /other': {} } }).warnings).toEqual([
      'json patch: x-codegen.jsonPatch.operations["PATCH /other"] names no operation with a JSON Patch body; ignored',
    ]);
  });
});

/** Diagnostics of one in-memory strict TypeScript file. */
function compile(source: string): string[] {
  const file = '/virtual/patch.ts';
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, types: [], lib: ['lib.es2022.d.ts'] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version) => (name === file ? ts.createSourceFile(name, source, version) : read(name, version));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

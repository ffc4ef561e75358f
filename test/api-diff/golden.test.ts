/**
 * Golden tests for api-diff: each folder under test/fixtures/api-diff/ holds two
 * versions of a spec (`base.yaml`, `head.yaml`; a missing one is an absent api)
 * and/or of the generated sources (`base/*.ts.txt`, `head/*.ts.txt`: `.txt` so
 * tsc leaves them alone). The Markdown and JSON reports are compared with
 * files under __golden__/ (update deliberately: `npx vitest run test/api-diff -u`,
 * then review the diff); the classification of each case is also asserted
 * here, so a golden file cannot quietly accept a wrong class.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { apiReport, apiSymbols } from '../../codegen/stages/api-symbols.js';
import { diffApi, diffSpecs, type ApiDiff } from '../../codegen/api-diff/diff.js';
import { groupChanges, renderJson, renderMarkdown, summarize, type Report } from '../../codegen/api-diff/render.js';
import { REPO } from '../support/run-cli.js';

const FIXTURES = join(REPO, 'test/fixtures/api-diff');

function spec(dir: string, side: 'base' | 'head'): unknown {
  const file = join(dir, `${side}.yaml`);
  return existsSync(file) ? parseYaml(readFileSync(file, 'utf8')) : undefined;
}

function sources(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => [f.replace(/\.txt$/, ''), readFileSync(join(dir, f), 'utf8')]));
}

function diffCase(name: string): ApiDiff {
  const dir = join(FIXTURES, name);
  const symbols = existsSync(join(dir, 'base')) ? { base: apiSymbols(sources(join(dir, 'base'))), head: apiSymbols(sources(join(dir, 'head'))) } : undefined;
  return diffApi(name, spec(dir, 'base'), spec(dir, 'head'), symbols);
}

/** `severity rule subject @ operation location [< part of]`, one per change, in report order. */
function classes(diff: ApiDiff): string[] {
  return diff.changes.map((c) => `${c.severity} ${c.rule} ${c.subject || '-'} @ ${c.operation ?? '-'} ${c.location}${c.partOf ? ` < ${c.partOf}` : ''}`);
}

const EXPECTED: Record<string, string[]> = {
  'optional-property-added': [
    'non-breaking property-added-optional Pet.nickname @ GET /pets/{petId} response 200',
    'non-breaking property-added-required Pet.ownerId @ GET /pets/{petId} response 200',
    'non-breaking property-added-optional NewPet.nickname @ POST /pets request body',
    'non-breaking property-added-optional Pet.nickname @ POST /pets response 201',
    'non-breaking property-added-required Pet.ownerId @ POST /pets response 201',
  ],
  'required-request-property-added': ['breaking property-added-required NewPet.ownerEmail @ POST /pets request body'],
  'response-property-removed': [
    'breaking property-removed Pet.createdAt @ GET /pets/{petId} response 200',
    'breaking property-removed Pet.createdAt @ POST /pets response 201',
  ],
  'enum-narrowed': [
    'breaking enum-narrowed PetKind @ POST /pets request body',
    'non-breaking enum-narrowed Pet.status @ GET /pets/{petId} response 200',
    'non-breaking enum-narrowed PetKind @ GET /pets/{petId} response 200',
    'non-breaking enum-narrowed Pet.status @ POST /pets response 201',
    'non-breaking enum-narrowed PetKind @ POST /pets response 201',
  ],
  'enum-widened': [
    'breaking enum-widened Pet.status @ GET /pets/{petId} response 200',
    'breaking enum-widened PetKind @ GET /pets/{petId} response 200',
    'breaking enum-widened Pet.status @ POST /pets response 201',
    'breaking enum-widened PetKind @ POST /pets response 201',
    'non-breaking enum-widened PetKind @ POST /pets request body',
  ],
  // with the generated sources (base/, head/): each operation's exports are part of it
  'operations-added-removed': [
    'breaking export-removed GetPetArgs @ - operations.ts < GET /pets/{petId}',
    'breaking export-removed GetPetResult @ - operations.ts < GET /pets/{petId}',
    'breaking export-removed getPet @ - operations.ts < GET /pets/{petId}',
    'breaking export-removed operations["get-pet"] @ - schema.ts < GET /pets/{petId}',
    'breaking export-removed operations["get-pet"].parameters @ - schema.ts < GET /pets/{petId}',
    'breaking export-removed operations["get-pet"].responses @ - schema.ts < GET /pets/{petId}',
    'breaking export-removed paths["/pets/{petId}"].get @ - schema.ts < GET /pets/{petId}',
    'breaking operation-removed - @ GET /pets/{petId} operation',
    'non-breaking export-added DeletePetArgs @ - operations.ts < DELETE /pets/{petId}',
    'non-breaking export-added DeletePetResult @ - operations.ts < DELETE /pets/{petId}',
    'non-breaking export-added ListPetsArgs @ - operations.ts < GET /pets',
    'non-breaking export-added ListPetsResult @ - operations.ts < GET /pets',
    'non-breaking export-added deletePet @ - operations.ts < DELETE /pets/{petId}',
    'non-breaking export-added listPets @ - operations.ts < GET /pets',
    'non-breaking export-added operations["delete-pet"] @ - schema.ts < DELETE /pets/{petId}',
    'non-breaking export-added operations["delete-pet"].parameters @ - schema.ts < DELETE /pets/{petId}',
    'non-breaking export-added operations["delete-pet"].responses @ - schema.ts < DELETE /pets/{petId}',
    'non-breaking export-added operations["list-pets"] @ - schema.ts < GET /pets',
    'non-breaking export-added operations["list-pets"].parameters @ - schema.ts < GET /pets',
    'non-breaking export-added operations["list-pets"].responses @ - schema.ts < GET /pets',
    'non-breaking export-added paths["/pets"].get @ - schema.ts < GET /pets',
    'non-breaking export-added paths["/pets/{petId}"].delete @ - schema.ts < DELETE /pets/{petId}',
    'non-breaking operation-added - @ DELETE /pets/{petId} operation',
    'non-breaking operation-added - @ GET /pets operation',
  ],
  'required-changed': [
    'breaking property-became-optional Pet.name @ GET /pets/{petId} response 200',
    'breaking property-became-required NewPet.kind @ POST /pets request body',
    'breaking property-became-optional Pet.name @ POST /pets response 201',
    'non-breaking property-became-required Pet.status @ GET /pets/{petId} response 200',
    'non-breaking property-became-optional NewPet.name @ POST /pets request body',
    'non-breaking property-became-required Pet.status @ POST /pets response 201',
  ],
  'discriminator-changed': [
    'breaking property-removed Created.type @ GET /events response 200',
    'breaking property-removed Deleted.type @ GET /events response 200',
    'breaking discriminator-property-changed Event @ GET /events response 200',
    'breaking discriminator-mapping-removed ShapeInput @ POST /shapes request body',
    'breaking variant-removed ShapeInput @ POST /shapes request body',
    'breaking discriminator-mapping-added Shape @ POST /shapes response 200',
    'breaking variant-added Shape @ POST /shapes response 200',
    'non-breaking property-added-required Created.eventType @ GET /events response 200',
    'non-breaking property-added-required Deleted.eventType @ GET /events response 200',
  ],
  'restore-const-flipped': [
    'breaking const-changed PartialApplicationSpecRequest.restore @ PATCH /v4/application-specs/{application_spec_id} request body',
    'breaking const-changed RestoreRequest.restore @ PATCH /v4/application-specs/{application_spec_id} request body',
  ],
  'parameters-and-bodies': [
    'breaking parameter-removed - @ GET /items query parameter `cursor`',
    'breaking parameter-became-required - @ GET /items query parameter `limit`',
    'breaking parameter-added-required - @ GET /items query parameter `region`',
    'breaking operation-id-changed - @ POST /items operation',
    'breaking request-body-became-required - @ POST /items request body',
    'breaking response-success-removed - @ POST /items response 201',
    'non-breaking parameter-became-optional - @ GET /items header parameter `X-Trace`',
    'non-breaking parameter-added-optional - @ GET /items query parameter `filter`',
    'non-breaking response-error-removed - @ GET /items response 404',
    'non-breaking media-type-added - @ POST /items request body',
    'non-breaking response-added - @ POST /items response 202',
  ],
  'types-and-formats': [
    'breaking format-narrowed - @ PUT /things/{id} path parameter `id`',
    'breaking type-narrowed ThingInput.anything @ PUT /things/{id} request body',
    'breaking format-narrowed ThingInput.code @ PUT /things/{id} request body',
    'breaking type-narrowed ThingInput.label @ PUT /things/{id} request body',
    'breaking type-widened Thing.note @ PUT /things/{id} response 200',
    'breaking type-changed Thing.score @ PUT /things/{id} response 200',
    'breaking type-changed Thing.tags{} @ PUT /things/{id} response 200',
    'breaking format-changed Thing.when @ PUT /things/{id} response 200',
    'non-breaking type-widened ThingInput.count @ PUT /things/{id} request body',
    'non-breaking const-widened ThingInput.enabled @ PUT /things/{id} request body',
    'non-breaking type-narrowed Thing.count @ PUT /things/{id} response 200',
    'non-breaking const-narrowed Thing.mode @ PUT /things/{id} response 200',
  ],
  'nullable-openapi-30': [
    'breaking type-narrowed body @ POST /notes request body',
    'breaking type-widened body @ POST /notes response 200',
  ],
  'cyclic-schemas': [
    'breaking property-removed Tag.label @ POST /trees request body',
    'breaking property-removed Tag.label @ POST /trees response 200',
    'non-breaking property-added-optional TreeNode.weight @ POST /trees request body',
    'non-breaking property-added-optional TreeNode.weight @ POST /trees response 200',
  ],
  // without specs: the wrapper's exports are part of the `paths` member their signatures refer to, an alias of its schema member
  exports: [
    'breaking export-changed petsServers @ - index.ts',
    'breaking export-removed GetPetArgs @ - operations.ts < paths["/pets/{petId}"].get',
    'breaking export-removed getPet @ - operations.ts < paths["/pets/{petId}"].get',
    'breaking export-removed Legacy @ - schema.ts < components.schemas.Legacy',
    'breaking export-removed components.schemas.Legacy @ - schema.ts',
    'breaking export-removed operations["get-pet"] @ - schema.ts',
    'breaking export-removed paths["/pets/{petId}"].get @ - schema.ts',
    'non-breaking export-added default @ - index.ts',
    'non-breaking export-added DeletePetArgs @ - operations.ts < paths["/pets/{petId}"].delete',
    'non-breaking export-added deletePet @ - operations.ts < paths["/pets/{petId}"].delete',
    'non-breaking export-added NewPet @ - schema.ts',
    'non-breaking export-added operations["delete-pet"] @ - schema.ts',
    'non-breaking export-added paths["/pets/{petId}"].delete @ - schema.ts',
  ],
  unchanged: [],
};

const cases = readdirSync(FIXTURES).filter((d) => d !== 'api-report').sort();

describe('api-diff golden reports', () => {
  it('has an expectation for every fixture case', () => {
    expect(cases).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('%s', async (name) => {
    const diff = diffCase(name);
    expect(classes(diff)).toEqual(EXPECTED[name]);
    const report: Report = { base: 'base', head: 'head', apis: [diff] };
    await expect(renderMarkdown(report)).toMatchFileSnapshot(`__golden__/${name}.md`);
    await expect(renderJson(report)).toMatchFileSnapshot(`__golden__/${name}.json`);
  });

  it('renders several apis, unchanged ones in one line, an added and a removed api', async () => {
    const pets = spec(join(FIXTURES, 'unchanged'), 'base');
    const report: Report = {
      base: 'origin/main (0123456789ab)',
      head: 'working tree',
      apis: [
        diffCase('required-request-property-added'),
        diffApi('fresh', undefined, pets),
        diffApi('gone', pets, undefined),
        diffCase('unchanged'),
      ],
    };
    expect(report.apis.map((a) => a.status)).toEqual(['changed', 'added', 'removed', 'unchanged']);
    await expect(renderMarkdown(report)).toMatchFileSnapshot('__golden__/multi-api.md');
    expect(renderMarkdown({ ...report, apis: [diffCase('unchanged')] })).toBe('## API changes: `origin/main (0123456789ab)` → working tree\n\nNo changes to the generated apis (unchanged).\n');
  });

  it('one removed operation is one breaking change, with the exports it removes listed under it', () => {
    const diff = diffCase('operations-added-removed');
    const report: Report = { base: 'b', head: 'h', apis: [diff] };
    expect(summarize(report)).toEqual({ breaking: 1, nonBreaking: 2, apis: 1, changedApis: 1 });
    const removed = groupChanges(diff.changes).find((g) => g.change.rule === 'operation-removed')!;
    expect(removed.parts.map((p) => p.subject).sort()).toEqual([
      'GetPetArgs',
      'GetPetResult',
      'getPet',
      'operations["get-pet"]',
      'operations["get-pet"].parameters',
      'operations["get-pet"].responses',
      'paths["/pets/{petId}"].get',
    ]);
    expect(renderMarkdown(report)).toContain(
      '|  | operation removed (`get-pet`) <sub>operation-removed</sub><br>exports removed: `GetPetArgs`, `GetPetResult`, `getPet`, `operations["get-pet"]`, ',
    );
  });

  it('a rename takes the old name\'s exports and the new name\'s: a changed operationId, a renamed wrapper', () => {
    const doc = (id: string) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/pets': { get: { operationId: id, responses: { 200: { description: 'ok' } } } } } });
    const sym = (file: string, name: string, signature = '') => ({ file, name, kind: signature ? ('type' as const) : ('member' as const), signature });
    const diff = diffApi(
      'pets',
      doc('list-pets'),
      doc('listPets'),
      {
        base: [sym('schema.ts', 'operations["list-pets"]'), sym('operations.ts', 'ListPetsArgs', 'type ListPetsArgs = A<paths["/pets"]["get"]>')],
        head: [sym('schema.ts', 'operations.listPets'), sym('operations.ts', 'ListAllPetsArgs', 'type ListAllPetsArgs = A<paths["/pets"]["get"]>')],
      },
      { base: { wrappers: new Map([['GET /pets', 'listPets']]), aliases: new Map() }, head: { wrappers: new Map([['GET /pets', 'listAllPets']]), aliases: new Map() } },
    );
    expect(classes(diff)).toEqual([
      'breaking export-removed ListPetsArgs @ - operations.ts < GET /pets',
      'breaking export-removed operations["list-pets"] @ - schema.ts < GET /pets',
      'breaking operation-id-changed - @ GET /pets operation',
      'breaking wrapper-renamed - @ GET /pets operation',
      'non-breaking export-added ListAllPetsArgs @ - operations.ts < GET /pets',
      'non-breaking export-added operations.listPets @ - schema.ts < GET /pets',
    ]);
    expect(summarize({ base: 'b', head: 'h', apis: [diff] })).toMatchObject({ breaking: 2, nonBreaking: 0 });
  });

  it('a renamed schema type is one breaking change, with the old and new exports (and members) under it', () => {
    const doc = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} };
    const sym = (name: string, kind: 'interface' | 'member' = 'member') => ({ file: 'schema.ts', name, kind, signature: kind === 'member' ? '' : `interface ${name}` });
    const diff = diffApi(
      'pets',
      doc,
      doc,
      { base: [sym('PetResponse', 'interface'), sym('PetResponse.id'), sym('Other', 'interface')], head: [sym('PkgPetResponse', 'interface'), sym('PkgPetResponse.id'), sym('Other', 'interface')] },
      { base: { wrappers: new Map(), aliases: new Map([['pkg__PetResponse', 'PetResponse'], ['Other', 'Other']]) }, head: { wrappers: new Map(), aliases: new Map([['pkg__PetResponse', 'PkgPetResponse'], ['Other', 'Other']]) } },
    );
    expect(classes(diff)).toEqual([
      'breaking export-removed PetResponse @ - schema.ts < type PetResponse',
      'breaking type-renamed PetResponse @ - schema.ts',
      'breaking export-removed PetResponse.id @ - schema.ts < type PetResponse',
      'non-breaking export-added PkgPetResponse @ - schema.ts < type PetResponse',
      'non-breaking export-added PkgPetResponse.id @ - schema.ts < type PetResponse',
    ]);
    const groups = groupChanges(diff.changes);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.change.message).toBe('type `PetResponse` → `PkgPetResponse` (`components.schemas.pkg__PetResponse`)');
    expect(groups[0]!.parts).toHaveLength(4);
    expect(summarize({ base: 'b', head: 'h', apis: [diff] })).toMatchObject({ breaking: 1, nonBreaking: 0 });
  });

  it('fits a PR comment whatever the change: summary, every breaking change, then the rest with "N more"', () => {
    // 3,000 operations added and 300 removed (each with its exports), in two apis
    const big = (prefix: string, added: number, removed: number): ApiDiff => {
      const paths = (n: number, from: number) =>
        Object.fromEntries(Array.from({ length: n }, (_, i) => [`/${prefix}/things-${from + i}/{id}`, { get: { operationId: `get-thing-${from + i}`, responses: { 200: { description: 'ok' } } } }]));
      const doc = (p: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: prefix, version: '1' }, paths: p });
      const symbols = (from: number, n: number) =>
        Array.from({ length: n }, (_, i) => [
          { file: 'operations.ts', name: `getThing${from + i}`, kind: 'function' as const, signature: `function getThing${from + i}(args: GetThing${from + i}Args)` },
          { file: 'operations.ts', name: `GetThing${from + i}Args`, kind: 'type' as const, signature: `type GetThing${from + i}Args = X<paths["/${prefix}/things-${from + i}/{id}"]["get"]>` },
        ]).flat();
      return diffApi(prefix, doc(paths(removed, 0)), doc(paths(added, removed)), { base: symbols(0, removed), head: symbols(removed, added) });
    };
    const report: Report = { base: 'b', head: 'h', apis: [big('alpha', 2000, 200), big('beta', 1000, 100)] };
    expect(summarize(report)).toEqual({ breaking: 300, nonBreaking: 3000, apis: 2, changedApis: 2 });
    const md = renderMarkdown(report);
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.length).toBeGreaterThan(60_000); // the space is used
    const rows = md.split('\n').filter((l) => /^\| +\| operation (added|removed)/.test(l));
    // every breaking change is there, in full; the rest is cut, and the cut is counted per api
    expect(rows.filter((l) => l.includes('operation removed'))).toHaveLength(300);
    expect(md).toContain('exports removed: `GetThing0Args`, `getThing0` | `GET /alpha/things-0/{id}` |');
    const more = [...md.matchAll(/^\| … \| (\d+) more non-breaking changes: /gm)].map((m) => Number(m[1]));
    expect(more).toHaveLength(2);
    expect(rows.filter((l) => l.includes('operation added')).length + more[0]! + more[1]!).toBe(3000);
    expect(md.indexOf('| api | breaking | non-breaking | operations |')).toBeLessThan(md.indexOf('### Breaking changes'));
    // the full report has every row
    const full = renderMarkdown(report, { maxChars: Infinity });
    expect(full.split('\n').filter((l) => /^\| +\| operation (added|removed)/.test(l))).toHaveLength(3300);
    expect(full).not.toContain('more non-breaking changes');
  });

  it('an identical spec diffs to nothing, and a diff is a pure function of its inputs', () => {
    const dir = join(FIXTURES, 'discriminator-changed');
    expect(diffSpecs(spec(dir, 'head'), spec(dir, 'head'))).toEqual([]);
    expect(diffSpecs(spec(dir, 'base'), spec(dir, 'head'))).toEqual(diffSpecs(spec(dir, 'base'), spec(dir, 'head')));
  });
});

describe('api report (exported symbols)', () => {
  it.each(['scale-gp', 'launchdarkly'])('%s: the listing of the generated sources', async (api) => {
    const files = sources(join(FIXTURES, 'api-report', api));
    const md = apiReport(files, { title: `Public API: ${api}` });
    await expect(md).toMatchFileSnapshot(`__golden__/api-report/${api}.md`);
    // stable: input order does not matter
    expect(apiReport(new Map([...files].reverse()), { title: `Public API: ${api}` })).toBe(md);
  });

  it('lists every kind of export with a one-line signature', () => {
    const symbols = apiSymbols(
      new Map([
        [
          'a.ts',
          [
            'export interface I<T> extends Base { a: string; b?: { c: number; d: never }; "x-y": 1; [k: string]: unknown }',
            'export type U = "a" | "b";',
            'export type L = { p: string };',
            'export function f(a: string, b = 1, ...rest: number[]): void {}',
            'export async function* g() {}',
            'export const c: number = 1, d = { e: [1, 2] };',
            'export let l = 2;',
            'export abstract class K<T> extends Array<T> implements X {}',
            'export const enum E { A = 1, B }',
            'export namespace N { export const z = 1; }',
            'export { x as y, type Z } from "./m.js";',
            'export * as ns from "./n.js";',
            'const hidden = 1; function internal() {}',
            'export default hidden;',
          ].join('\n'),
        ],
        ['b.d.ts', 'export declare const ignored: 1;'],
        ['notes.md', 'not code'],
      ]),
    );
    // code-point order: `.` sorts before `[`, upper case before lower case
    expect(symbols.map((s) => `${s.kind} ${s.name}: ${s.signature}`)).toEqual([
      'enum E: const enum E { A = 1, B }',
      'interface I: interface I<T> extends Base',
      'member I.a: ',
      'member I.b: ',
      'member I.b.c: ',
      'member I["x-y"]: ',
      'member I[k: string]: ',
      'class K: abstract class K<T> extends Array<T> implements X',
      'type L: type L = { … }',
      'member L.p: ',
      'namespace N: namespace N',
      'type U: type U = "a" | "b"',
      're-export Z: export type { Z } from "./m.js"',
      'const c: const c: number',
      'const d: const d = { e: [1, 2] }',
      'default default: export default hidden',
      'function f: function f(a: string, b?, ...rest: number[]): void',
      'function g: async function* g()',
      'let l: let l = 2',
      're-export ns: export * as ns from "./n.js"',
      're-export y: export { x as y } from "./m.js"',
    ]);
  });
});

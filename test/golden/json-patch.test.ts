/**
 * Golden test: the JSON Patch fixture (test/fixtures/json-patch/) through the
 * pipeline. The emitted files are compared with committed goldens under
 * __golden__/, type-checked by json-patch.test-d.ts and called over real HTTP
 * by test/contract/json-patch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { goldenFixture } from '../support/golden.js';

describe('JSON Patch fixtures', async () => {
  const results = await goldenFixture('json-patch');
  const result = results.find((r) => r.api === 'json-patch-kinds')!;
  const manifest = JSON.parse(result.files.get('json-patch-kinds/manifest.json')!) as {
    jsonPatch: Array<{ wrapper: string; body: string; target: string | null; types?: string; pointers?: string[]; reason?: string }>;
  };
  const entry = (wrapper: string) => manifest.jsonPatch.find((e) => e.wrapper === wrapper);

  it('finds every JSON Patch body, and only those: the partial-object PATCH is left as it is', () => {
    expect(manifest.jsonPatch.map((e) => [e.wrapper, e.body, e.target])).toEqual([
      ['patchFlag', 'PatchWithComment.patch', 'Flag'],
      ['patchWidget', 'application/json-patch+json', 'Widget'],
      ['patchNote', 'JSONPatch', 'Note'],
      ['patchLabel', 'body.operations', 'PATCH /labels/{id} 200'],
      ['patchOrphan', 'JSONPatch', null],
    ]);
    const ops = result.files.get('json-patch-kinds/operations.ts')!;
    expect(ops).toContain('export type UpdateThingArgs = $runtime.OperationArgs<paths["/things/{id}"]["patch"]>;');
    expect(ops).toContain('export type PatchOrphanArgs = $runtime.OperationArgs<paths["/orphans/{id}"]["patch"]>;');
  });

  it('narrows the patchable pointers as the spec and x-codegen say', () => {
    const flag = entry('patchFlag')!.pointers!;
    // `_version`, `_links` (the prefix) and `key` (readOnly) are not patchable; `test` still reads them.
    expect(flag).not.toContain('/_version');
    expect(flag).not.toContain('/key');
    expect(flag).toEqual(expect.arrayContaining(['/environments/*/on', '/tags/*', '/settings/a~1b', '/settings/til~0de', '/custom/**']));
    // Recursion stops where Clause meets itself: the pointer is typed, below it a plain string.
    expect(flag.filter((p) => p.includes('/clauses'))).toEqual(['/environments/*/rules/*/clause/clauses', '/environments/*/rules/*/clause/clauses/*', '/environments/*/rules/*/clause/clauses/*/**']);
    // x-can-patch: false (Scale GP's can_patch) excludes `id` and all of `owner`.
    expect(entry('patchWidget')!.pointers).toEqual(['/name', '/size']);
    expect(entry('patchNote')!.pointers).toEqual(['/title', '/tags', '/tags/*', '/sections/*/heading']);
  });

  it('warns about what it cannot type and about x-codegen entries that point at nothing', () => {
    expect(result.warnings.filter((w) => w.startsWith('json patch: '))).toEqual([
      'json patch: PATCH /notes/{id}: x-codegen.jsonPatch pointer "/gone" is not a patchable pointer into Note; ignored',
      'json patch: PATCH /orphans/{id}: no target schema (no 2xx JSON response, nor a GET on its path with one); set x-codegen.jsonPatch.operations[…].target; its patch stays as the spec types it',
      'json patch: x-codegen.jsonPatch.operations["PATCH /nowhere"] names no operation with a JSON Patch body; ignored',
    ]);
    expect(entry('patchOrphan')!.reason).toMatch(/^no target schema/);
  });
});

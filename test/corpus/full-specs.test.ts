/**
 * The vendors' complete public specs (../shared/corpus/, not committed) through
 * the same pipeline and the project's own redocly.yaml (bench/corpus-config.mjs
 * points its roots there): every operation gets a
 * uniquely named wrapper, the output passes tsc --strict, and every boolean
 * discriminator is a real union. Skipped, visibly, when the corpus is absent.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiReport } from '../../codegen/api-diff/api-report.js';
import { strictDiagnostics } from '../support/tsc.js';
import { corpusConfig, CORPUS, CORPUS_SPECS } from '../../bench/corpus-config.mjs';
import { REPO, runMain, tempDir } from '../support/run-cli.js';

const present = Object.values(CORPUS_SPECS).every((file) => existsSync(join(CORPUS, file)));
if (!present) console.warn(`[full-specs] skipped: ${CORPUS} is absent`);

interface Manifest {
  operationCount: number;
  operations: Array<{ wrapper: string; nameFrom: string; method: string; path: string; vendorOperationId?: string }>;
  booleanDiscriminators: string[];
}

describe.skipIf(!present)('full vendor specs', () => {
  let out: string;
  const manifest = (api: string) => JSON.parse(readFileSync(join(out, api, 'manifest.json'), 'utf8')) as Manifest;

  beforeAll(async () => {
    out = tempDir('corpus-');
    const runtime = relative(join(out, 'x'), join(REPO, 'src/index.js')).split('\\').join('/');
    const r = await runMain(
      ['--config', corpusConfig(join(out, 'config')), '--out', out, '--quiet', '--no-cache', '--runtime-import', runtime],
      REPO,
    );
    expect(r.code, r.stderr).toBe(0);
  }, 180_000);

  it('wraps every operation with a unique, readable name', () => {
    for (const [api, count] of [['scale-gp', 695], ['launchdarkly', 351]] as const) {
      const m = manifest(api);
      expect(m.operationCount).toBe(count);
      const names = m.operations.map((o) => o.wrapper);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });

  it("gives Scale GP's duplicate operationId (POST-V4-/accounts) two distinct names by the documented rule", () => {
    const dupes = manifest('scale-gp').operations.filter((o) => o.vendorOperationId === 'POST-V4-/accounts');
    expect(dupes.map((o) => [o.method, o.path, o.wrapper, o.nameFrom])).toEqual([
      ['POST', '/accounts', 'createAccount', 'summary'],
      ['POST', '/v4/accounts', 'createAnAccountV4', 'summary+path-qualifier'],
    ]);
  });

  // The pipeline lists schema.ts from its ts-morph parse (stages/postprocess.ts
  // reportParts) rather than parsing the file again: the listing must be the
  // one a fresh parse of the written files gives.
  it('writes the API report a fresh parse of the generated files gives', () => {
    for (const api of ['scale-gp', 'launchdarkly']) {
      const files = new Map(['schema.ts', 'operations.ts', 'index.ts'].map((f) => [f, readFileSync(join(out, api, f), 'utf8')]));
      const written = readFileSync(join(out, api, 'api-report.md'), 'utf8');
      expect(written.endsWith(apiReport(files, { title: `Public API: ${api}` })), api).toBe(true);
    }
  });

  it('converts all five boolean restore discriminators', () => {
    const converted = manifest('scale-gp').booleanDiscriminators;
    expect(converted.filter((c) => c.endsWith('restore: false (optional)'))).toHaveLength(5);
    expect(converted).toContain('RestoreRequest.restore: true');
  });

  it('compiles with tsc --strict, and the full RestorablePartialApplicationSpecRequest accepts/rejects the seed bodies', () => {
    const typeTest = join(out, 'restore.type-test.ts');
    writeFileSync(
      typeTest,
      `import type { components } from './scale-gp/schema.js';
type Body = components['schemas']['RestorablePartialApplicationSpecRequest'];
const accept = (body: Body) => body;
accept({ name: 'x' });
accept({ restore: false, description: 'd' });
accept({ restore: true });
// @ts-expect-error restore requests carry nothing else
accept({ restore: true, name: 'x' });
// @ts-expect-error a boolean, not the mapping key
accept({ restore: 'True' });
// @ts-expect-error unknown property
accept({ nme: 'x' });
`,
    );
    const diagnostics = strictDiagnostics([
      join(out, 'scale-gp/index.ts'),
      join(out, 'launchdarkly/index.ts'),
      typeTest,
    ]);
    expect(diagnostics).toEqual([]);
  }, 120_000);
});

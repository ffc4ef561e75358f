/**
 * Wrapper names survive regeneration (codegen/lib/naming.ts): the previous
 * generated/<api>/manifest.json is the record. In a temporary git repository
 * with the project's specs and redocly.yaml, the vendor adds a /v5 twin of the
 * Scale GP operation (one summary, so the names clash): the existing wrapper
 * keeps its name and only the new one is qualified; api-diff reports a rename
 * when one happens (an override); a removed operation leaves the record.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main as apiDiff } from '../../codegen/api-diff/cli.js';
import { gitIn } from '../support/git.js';
import { copyProject, runMain } from '../support/run-cli.js';

const V4 = '/v4/application-specs/{application_spec_id}';
const V5 = '/v5/application-specs/{application_spec_id}';

let dir: string;

const git = (...args: string[]) => gitIn(dir, ...args);

async function generate() {
  const r = await runMain(['scale-gp', '--quiet', '--no-cache'], dir);
  expect(r.code, r.stderr).toBe(0);
}

/** `METHOD /path` → [wrapper, nameFrom] from the generated manifest. */
function wrappers(): Record<string, [string, string]> {
  const m = JSON.parse(readFileSync(join(dir, 'generated/scale-gp/manifest.json'), 'utf8')) as {
    operations: Array<{ wrapper: string; nameFrom: string; method: string; path: string }>;
  };
  return Object.fromEntries(m.operations.map((o) => [`${o.method} ${o.path}`, [o.wrapper, o.nameFrom]]));
}

function editYaml(file: string, edit: (doc: Record<string, any>) => void): void {
  const path = join(dir, file);
  const doc = parse(readFileSync(path, 'utf8')) as Record<string, any>;
  edit(doc);
  writeFileSync(path, stringify(doc));
}

async function diffMarkdown(): Promise<string> {
  let stdout = '';
  const code = await apiDiff(['scale-gp', '--base', 'HEAD'], { cwd: dir, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: () => true } });
  expect(code).toBe(0);
  return stdout;
}

beforeAll(async () => {
  dir = copyProject();
  git('init', '--quiet', '--initial-branch=main');
  await generate();
  git('add', '.');
  git('commit', '--quiet', '-m', 'seed');
});

describe('stable wrapper names', () => {
  it('keep an existing name when the vendor adds a clashing twin; only the new operation is qualified', async () => {
    expect(wrappers()[`PATCH ${V4}`]).toEqual(['updateApplicationSpec', 'summary']);
    editYaml('specs/scale-gp.yaml', (doc) => {
      const twin = structuredClone(doc.paths[V4]);
      twin.patch.operationId = 'PATCH-V5-/application-specs/{application_spec_id}';
      doc.paths[V5] = twin;
    });
    await generate();
    expect(wrappers()).toEqual({
      [`PATCH ${V4}`]: ['updateApplicationSpec', 'summary'],
      [`PATCH ${V5}`]: ['updateApplicationSpecV5', 'summary+path-qualifier'],
    });
    expect(await diffMarkdown()).not.toContain('wrapper-renamed');
    git('commit', '--quiet', '-am', 'v5 twin');
  });

  it('api-diff reports a rename (here by an override)', async () => {
    editYaml('redocly.yaml', (doc) => {
      doc.apis['scale-gp']['x-codegen'].operationNames = { [`PATCH ${V4}`]: 'patchApplicationSpecV4' };
    });
    await generate();
    expect(wrappers()[`PATCH ${V4}`]).toEqual(['patchApplicationSpecV4', 'override']);
    const report = await diffMarkdown();
    expect(report).toContain('wrapper-renamed');
    expect(report).toContain('`updateApplicationSpec` → `patchApplicationSpecV4`');
    git('checkout', '--quiet', '--', '.');
  });

  it('a removed operation leaves the record; the others keep their names, a new twin is qualified', async () => {
    editYaml('specs/scale-gp.yaml', (doc) => {
      const twin = structuredClone(doc.paths[V5]);
      twin.patch.operationId = 'PATCH-V6-/application-specs/{application_spec_id}';
      twin.patch.summary = 'Update application spec';
      doc.paths['/v6/application-specs/{application_spec_id}'] = twin;
      delete doc.paths[V4];
    });
    await generate();
    expect(wrappers()).toEqual({
      [`PATCH ${V5}`]: ['updateApplicationSpecV5', 'summary+path-qualifier'],
      'PATCH /v6/application-specs/{application_spec_id}': ['updateApplicationSpecV6', 'summary+path-qualifier'],
    });
  });
});

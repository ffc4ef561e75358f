/**
 * Wrapper names survive regeneration (codegen/lib/naming.ts): the previous
 * generated/<api>/manifest.json is the record. In a temporary git repository
 * with the project's specs and redocly.yaml, the vendor adds a /v5 twin of the
 * Scale GP operation (one summary, so the names clash): the existing wrapper
 * keeps its name and only the new one is qualified; api-diff reports a rename
 * when one happens (an override); a removed operation leaves the record.
 * Schema alias names (readable-aliases) are kept the same way: a second schema
 * deriving `ApplicationSpecResponse` later is qualified by its key, and the
 * existing one keeps the name.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const NO_GEN = 'egp_api_backend__server__api__models__application_models_no_gen__ApplicationSpecResponse';
const WITH_GEN = 'egp_api_backend__server__api__models__application_models__ApplicationSpecResponse';

/** alias → schema key from the generated manifest. */
function aliases(): Record<string, string> {
  return (JSON.parse(readFileSync(join(dir, 'generated/scale-gp/manifest.json'), 'utf8')) as { aliases: Record<string, string> }).aliases;
}

/** The vendor adds `key`, a copy of the seed's response schema (same title), as the /v5 twin's response. */
function addResponseTwin(doc: Record<string, any>, key: string): void {
  doc.components.schemas[key] = structuredClone(doc.components.schemas[NO_GEN]);
  const twin = structuredClone(doc.paths[V4]);
  twin.patch.operationId = 'PATCH-V5-/application-specs/{application_spec_id}';
  twin.patch.responses['200'].content['application/json'].schema = { $ref: `#/components/schemas/${key}` };
  doc.paths[V5] = twin;
}

describe('stable alias names', () => {
  beforeAll(async () => {
    git('reset', '--quiet', '--hard', git('rev-list', '--max-parents=0', 'HEAD').trim()); // back to the seed commit
    await generate();
    expect(aliases().ApplicationSpecResponse).toBe(NO_GEN);
  });

  it('keep an existing alias when the vendor adds a schema deriving the same name; the new one is qualified by its key', async () => {
    editYaml('specs/scale-gp.yaml', (doc) => addResponseTwin(doc, WITH_GEN));
    const r = await runMain(['scale-gp', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(aliases()).toMatchObject({ ApplicationSpecResponse: NO_GEN, ApplicationModelsApplicationSpecResponse: WITH_GEN });
    expect(r.stderr).toContain('readable-aliases-qualified');
    const schema = readFileSync(join(dir, 'generated/scale-gp/schema.ts'), 'utf8');
    expect(schema).toContain('export interface ApplicationSpecResponse {');
    expect(schema).toContain('export interface ApplicationModelsApplicationSpecResponse {');
    expect(schema).toContain(`${NO_GEN}: ApplicationSpecResponse;`);
    // a regenerate from that record writes the same files (generate --check passes) and warns the same
    const manifest = readFileSync(join(dir, 'generated/scale-gp/manifest.json'), 'utf8');
    const check = await runMain(['scale-gp', '--check'], dir);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('readable aliases qualified: ApplicationSpecResponse (derived by 2 schemas) → ApplicationModelsApplicationSpecResponse');
    await generate();
    expect(readFileSync(join(dir, 'generated/scale-gp/manifest.json'), 'utf8')).toBe(manifest);
    git('checkout', '--quiet', '--', '.');
  });

  it('without a record, a name two schemas derive is qualified for both (not first come, first served)', async () => {
    editYaml('specs/scale-gp.yaml', (doc) => addResponseTwin(doc, WITH_GEN));
    rmSync(join(dir, 'generated/scale-gp/manifest.json'));
    await generate();
    expect(aliases()).toMatchObject({ ApplicationModelsNoGenApplicationSpecResponse: NO_GEN, ApplicationModelsApplicationSpecResponse: WITH_GEN });
    expect(aliases()).not.toHaveProperty('ApplicationSpecResponse');
    // the type the seed named ApplicationSpecResponse changed its name: one breaking change
    const report = await diffMarkdown();
    expect(report).toContain(`type \`ApplicationSpecResponse\` → \`ApplicationModelsNoGenApplicationSpecResponse\``);
    expect(report).toContain('type-renamed');
    git('checkout', '--quiet', '--', '.');
  });

  it('a removed schema frees its name for a schema that comes later', async () => {
    editYaml('specs/scale-gp.yaml', (doc) => addResponseTwin(doc, WITH_GEN));
    await generate();
    editYaml('specs/scale-gp.yaml', (doc) => {
      doc.paths[V4].patch.responses['200'].content['application/json'].schema = { $ref: `#/components/schemas/${WITH_GEN}` };
      delete doc.components.schemas[NO_GEN];
    });
    await generate();
    // the survivor keeps the name it was given when it came; the removed schema's name is free
    expect(aliases()).toMatchObject({ ApplicationModelsApplicationSpecResponse: WITH_GEN });
    expect(aliases()).not.toHaveProperty('ApplicationSpecResponse');
    editYaml('specs/scale-gp.yaml', (doc) => {
      doc.components.schemas['vendor.next.ApplicationSpecResponse'] = structuredClone(doc.components.schemas[WITH_GEN]);
      doc.paths[V5].patch.responses['200'].content['application/json'].schema = { $ref: '#/components/schemas/vendor.next.ApplicationSpecResponse' };
    });
    await generate();
    expect(aliases()).toMatchObject({ ApplicationSpecResponse: 'vendor.next.ApplicationSpecResponse', ApplicationModelsApplicationSpecResponse: WITH_GEN });
    git('checkout', '--quiet', '--', '.');
  });
});

/**
 * Keep a subset (docs/adding-a-vendor.md): a team that calls a few operations
 * keeps its client to them across pulls with Redocly's built-in `filter-in`
 * and `remove-unused-components` decorators in redocly.yaml, no code of ours.
 * Here: the vendors' full specs, each api kept to the seed's one operation,
 * give the seed's client (the same wrappers, the same exported API surface as
 * test/fixtures/seed/generated/). Skipped, visibly, when the corpus is absent.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CORPUS, CORPUS_SPECS, writeConfigWithRoots } from '../support/corpus-config.mjs';
import { REPO, runMain, tempDir } from '../support/run-cli.js';

const present = Object.values(CORPUS_SPECS).every((file) => existsSync(join(CORPUS, file)));
if (!present) console.warn(`[subset] skipped: the vendors' full specs are not in ${CORPUS}`);

const SEED = join(REPO, 'test/fixtures/seed/generated');
/** The seed's operation in each full spec, by operationId as manifest.json shows it. */
const KEEP: Record<string, string> = {
  'scale-gp': 'PATCH-V4-/application-specs/:application_spec_id',
  launchdarkly: 'patchApplication',
};

describe.skipIf(!present)('a subset of a full spec with filter-in and remove-unused-components', () => {
  let out: string;
  beforeAll(async () => {
    const dir = tempDir('subset-');
    const roots = Object.fromEntries(Object.entries(CORPUS_SPECS).map(([api, file]) => [api, join(CORPUS, file)]));
    const configPath = writeConfigWithRoots(roots, dir);
    const config = parse(readFileSync(configPath, 'utf8')) as { apis: Record<string, { decorators?: Record<string, unknown> }> };
    for (const [api, operationId] of Object.entries(KEEP)) {
      config.apis[api]!.decorators = {
        ...config.apis[api]!.decorators,
        'filter-in': { property: 'operationId', value: [operationId] },
        'remove-unused-components': 'on',
      };
    }
    writeFileSync(configPath, stringify(config));
    out = join(dir, 'generated');
    cpSync(SEED, out, { recursive: true }); // the seed's names are the record, as in a checkout
    const run = await runMain(['--config', configPath, '--out', out, '--quiet', '--no-cache', '--runtime-import', '../../../src/index.js'], REPO);
    expect(run.code, run.stderr).toBe(0);
  }, 180_000);

  const read = (root: string, api: string, file: string) => readFileSync(join(root, api, file), 'utf8');

  it.each(Object.keys(KEEP))('%s: the seed operation only, under the seed wrapper name', (api) => {
    const operations = (root: string) => (JSON.parse(read(root, api, 'manifest.json')) as { operations: Array<{ wrapper: string; method: string; path: string }> }).operations;
    expect(operations(out).map((o) => [o.wrapper, o.method, o.path])).toEqual(operations(SEED).map((o) => [o.wrapper, o.method, o.path]));
  });

  it.each(Object.keys(KEEP))('%s: the seed client (factory, wrapper, Args/Result), and only the schemas that operation needs', (api) => {
    // api-report.md lists every exported symbol by file; index.ts and operations.ts are the client.
    const client = (root: string) => {
      const report = read(root, api, 'api-report.md');
      const section = report.slice(report.indexOf('## index.ts'), report.indexOf('## schema.ts'));
      return [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    };
    expect(client(out)).toEqual(client(SEED));
    // The vendor's spec moved on since the seed (an enum inlined here and there): the schemas left are the
    // operation's own, a handful, where the full spec has hundreds.
    const schemas = (root: string) => Object.keys((parse(read(root, api, 'openapi.yaml')) as { components: { schemas: object } }).components.schemas).length;
    expect(schemas(out)).toBeLessThanOrEqual(2 * schemas(SEED));
  });
});

/**
 * The seed excerpts, as copies that a spec pull never touches
 * (test/fixtures/seed/specs/, byte-for-byte the first specs/), generated with
 * the project's own redocly.yaml (only the roots swapped, test/support/corpus-config.mjs).
 * The output is committed under test/fixtures/seed/generated/ and is what the
 * tests of facts about the excerpts read: the restore union, the JSON Patch
 * body, the README example's names (test/types/, test/contract/). Update it
 * deliberately with `npx vitest run test/golden/seed.test.ts -u` and review the diff.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeConfigWithRoots } from '../support/corpus-config.mjs';
import { runPipeline } from '../../codegen/pipeline.js';
import { tempDir } from '../support/run-cli.js';

const SEED = join(import.meta.dirname, '../fixtures/seed');
const APIS = ['scale-gp', 'launchdarkly'];

describe('seed excerpts through redocly.yaml', async () => {
  // The config sits next to the spec copies, so each file's header names `<api>.yaml`, whatever the checkout's path.
  const dir = tempDir('seed-');
  cpSync(join(SEED, 'specs'), dir, { recursive: true });
  const configPath = writeConfigWithRoots(Object.fromEntries(APIS.map((api) => [api, join(dir, `${api}.yaml`)])), dir);
  const results = await runPipeline({
    configPath,
    apis: APIS,
    display: (p) => p.slice(dir.length + 1),
    runtimeImport: '../../../../../src/index.js',
    previousManifest: (api) => {
      const file = join(SEED, 'generated', api, 'manifest.json');
      return existsSync(file) ? { text: readFileSync(file, 'utf8'), where: file } : undefined;
    },
  });

  for (const result of results) {
    for (const [file, content] of result.files) {
      it(`${file} matches test/fixtures/seed/generated/${file}`, async () => {
        await expect(content).toMatchFileSnapshot(join(SEED, 'generated', file));
      });
    }
  }

  it('are the specs that generated/ was first made from: same operations, same wrapper names', () => {
    const names = (api: string) => JSON.parse(results.find((r) => r.api === api)!.files.get(`${api}/manifest.json`)!).operations;
    expect(names('scale-gp')).toEqual([
      { wrapper: 'updateApplicationSpec', nameFrom: 'summary', method: 'PATCH', path: '/v4/application-specs/{application_spec_id}', operationId: 'PATCH-V4-/application-specs/:application_spec_id', vendorOperationId: 'PATCH-V4-/application-specs/{application_spec_id}' },
    ]);
    expect(names('launchdarkly')).toEqual([
      { wrapper: 'patchApplication', nameFrom: 'operationId', method: 'PATCH', path: '/api/v2/applications/{applicationKey}', operationId: 'patch-application' },
    ]);
  });
});

/**
 * stages/bundle-check.ts decides, on the preprocessors' walk, that Redocly's
 * bundle of a spec would be the spec itself, and the pipeline then skips the
 * bundle. Here every spec the tests hold (the fixture configs, every robust
 * fixture, and the vendors' full specs when present) is bundled anyway
 * whenever the check says "no change", and the bundle must be byte for byte
 * the preprocessed document. Specs the check sends to the bundler are
 * listed too, so a check that always said "bundle" would fail.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { corpusConfig } from '../support/corpus-config.mjs';
import { readLimits } from '../../codegen/lib/limits.js';
import { allowedRoots } from '../../codegen/lib/spec-resolver.js';
import { bundleSpec } from '../../codegen/stages/bundle.js';
import { loadSpec } from '../../codegen/stages/load.js';
import { preprocessSpec, type PreprocessedSpec } from '../../codegen/stages/preprocess.js';
import { REPO, tempDir } from '../support/run-cli.js';

const FIXTURES = join(REPO, 'test/fixtures');

/** A config for every robust fixture's spec, with the project's plugin and preprocessors. */
function robustConfig(): string {
  const dir = join(FIXTURES, 'robust');
  const apis = readdirSync(dir)
    .map((name) => [name, readdirSync(join(dir, name)).find((f) => /^spec\.(ya?ml|json)$/.test(f))] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== undefined);
  const out = join(tempDir(), 'redocly.yaml');
  writeFileSync(
    out,
    [
      'extends: [minimal]',
      `plugins: [${JSON.stringify(join(REPO, 'codegen/redocly-plugin/index.js'))}]`,
      'preprocessors:',
      ...['discriminator-mapping-ref-object', 'operation-id-url-safe', 'operation-id-unique', 'header-param-to-security'].map((p) => `  vendor-quirks/${p}: on`),
      'apis:',
      ...apis.map(([name, file]) => `  ${JSON.stringify(name)}: { root: ${JSON.stringify(join(dir, name, file))} }`),
    ].join('\n'),
  );
  return out;
}

async function preprocessed(configPath: string, api: string): Promise<PreprocessedSpec | undefined> {
  const config = await loadConfig({ configPath });
  const root = join(dirname(configPath), (config.resolvedConfig.apis as Record<string, { root: string }>)[api]!.root);
  const input = {
    api,
    root: existsSync(root) ? root : (config.resolvedConfig.apis as Record<string, { root: string }>)[api]!.root,
    config: config.forAlias(api),
    display: (p: string) => p,
    access: { roots: [REPO, join(REPO, '../shared'), '/tmp'], remoteHosts: [], limits: readLimits(undefined, api) },
  };
  input.access.roots.push(...allowedRoots(dirname(configPath), input.root));
  try {
    return await preprocessSpec(await loadSpec(input));
  } catch {
    return undefined; // a spec the pipeline refuses (the robust cases): nothing to bundle
  }
}

describe('bundle check (stages/bundle-check.ts)', () => {
  it('skips the bundle only where Redocly would return the preprocessed document unchanged', { timeout: 240_000 }, async () => {
    const configs = [
      ...['media', 'boolean-discriminator', 'bundle-changes'].map((f) => join(FIXTURES, f, 'redocly.yaml')),
      robustConfig(),
      ...(existsSync(join(REPO, '../shared/corpus')) ? [corpusConfig(tempDir()), join(FIXTURES, 'robust/corpus/redocly.yaml')] : []),
    ];
    const skipped: string[] = [];
    const bundled: string[] = [];
    for (const configPath of configs) {
      const config = await loadConfig({ configPath });
      for (const api of Object.keys(config.resolvedConfig.apis ?? {})) {
        const spec = await preprocessed(configPath, api);
        if (!spec) continue;
        if (spec.needsBundle) {
          bundled.push(api);
          continue;
        }
        skipped.push(api);
        const real = await bundleSpec({ ...spec, needsBundle: true });
        expect(real.json, api).toBe(spec.json);
      }
    }
    if (process.env.BUNDLE_CHECK_LIST) console.log({ skipped, bundled });
    // The example-ref fixture: Redocly inlines a `$ref` inside an example.
    expect(bundled).toContain('example-ref');
    // Refs to other files are bundled.
    expect(bundled.filter((a) => /ref|external|multi/.test(a)).length).toBeGreaterThan(0);
    expect(skipped).toEqual(expect.arrayContaining(['posts-v31', 'toggles-v30']));
    expect(skipped.length).toBeGreaterThan(20);
  });
});

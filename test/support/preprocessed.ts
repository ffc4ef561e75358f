/**
 * Specs as the pipeline preprocesses them (load, then the preprocessors with
 * the bundle check), for tests that sweep every spec the repo holds: the
 * fixture configs, every robust fixture, and the vendors' full specs when
 * present.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '@redocly/openapi-core';
import { corpusConfig } from './corpus-config.mjs';
import { readLimits } from '../../codegen/lib/limits.js';
import { allowedRoots } from '../../codegen/lib/spec-resolver.js';
import { loadSpec } from '../../codegen/stages/load.js';
import { preprocessSpec, type PreprocessedSpec } from '../../codegen/stages/preprocess.js';
import { REPO, tempDir } from './run-cli.js';

export const FIXTURES = join(REPO, 'test/fixtures');

/** A config for every robust fixture's spec, with the project's plugin and preprocessors. */
export function robustConfig(): string {
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

export async function preprocessed(configPath: string, api: string): Promise<PreprocessedSpec | undefined> {
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

/** Every config the sweep covers. */
export function sweepConfigs(): string[] {
  return [
    ...['media', 'boolean-discriminator', 'bundle-changes'].map((f) => join(FIXTURES, f, 'redocly.yaml')),
    robustConfig(),
    ...(existsSync(join(REPO, '../shared/corpus')) ? [corpusConfig(tempDir()), join(FIXTURES, 'robust/corpus/redocly.yaml')] : []),
  ];
}

/** Each api of each config, preprocessed (the specs the pipeline refuses left out). */
export async function* sweep(): AsyncGenerator<{ api: string; spec: PreprocessedSpec }> {
  for (const configPath of sweepConfigs()) {
    const config = await loadConfig({ configPath });
    for (const api of Object.keys(config.resolvedConfig.apis ?? {})) {
      const spec = await preprocessed(configPath, api);
      if (spec) yield { api, spec };
    }
  }
}

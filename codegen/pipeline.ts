/**
 * Runs the stages in order for each api of a Redocly config and returns the
 * generated files in memory. Writes nothing: the CLI decides what to do with
 * the result (write atomically, or compare for `--check`).
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { loadConfig, type Config } from '@redocly/openapi-core';
import { stringify } from 'yaml';
import { PipelineError } from './lib/errors.js';
import { sha256 } from './lib/hash.js';
import { tsHeader, yamlHeader, type HeaderInfo } from './lib/header.js';
import { operationsOf, type JsonObject } from './lib/openapi.js';
import { toolVersions } from './lib/versions.js';
import type { FileTree } from './lib/write-tree.js';
import { lintAndBundle } from './stages/lint-bundle.js';
import { postprocess } from './stages/postprocess.js';
import { generateTypes } from './stages/types.js';

export interface PipelineOptions {
  /** Path of the Redocly config (`redocly.yaml`). */
  configPath: string;
  /** Apis to generate; all apis of the config when empty. */
  apis?: string[];
  /** How file paths appear in messages (default: relative to the working directory). */
  display?: (absPath: string) => string;
  /** Called with each warning line as it is found. */
  onWarning?: (api: string, line: string) => void;
}

export interface ApiResult {
  api: string;
  files: FileTree;
  warnings: string[];
}

export interface LoadedConfig {
  config: Config;
  configDir: string;
  /** api name → absolute path of its root spec. */
  apis: Map<string, string>;
}

export async function loadPipelineConfig(configPath: string, display: (p: string) => string): Promise<LoadedConfig> {
  const abs = resolve(configPath);
  if (!existsSync(abs)) throw new PipelineError(`${display(abs)}: config file not found`);
  let config: Config;
  try {
    config = await loadConfig({ configPath: abs });
  } catch (error) {
    throw new PipelineError(`${display(abs)}: invalid Redocly config: ${(error as Error).message.split('\n')[0]}`);
  }
  const configDir = dirname(abs);
  const apis = new Map<string, string>();
  for (const [name, api] of Object.entries(config.resolvedConfig.apis ?? {})) {
    if (typeof api?.root !== 'string') throw new PipelineError(`${display(abs)}: api "${name}" has no "root" spec path`);
    apis.set(name, resolve(configDir, api.root));
  }
  if (apis.size === 0) throw new PipelineError(`${display(abs)}: no apis defined (add an "apis:" entry per vendor)`);
  return { config, configDir, apis };
}

export async function runPipeline(options: PipelineOptions): Promise<ApiResult[]> {
  const display = options.display ?? ((p: string) => relative(process.cwd(), p) || '.');
  const loaded = await loadPipelineConfig(options.configPath, display);
  const configFile = display(resolve(options.configPath));
  const names = options.apis?.length ? options.apis : [...loaded.apis.keys()];
  for (const name of names) {
    if (!loaded.apis.has(name)) {
      throw new PipelineError(
        `${configFile}: unknown api "${name}" (known: ${[...loaded.apis.keys()].join(', ')})`,
      );
    }
  }
  const results: ApiResult[] = [];
  for (const api of names) {
    results.push(await generateApi(api, loaded, display, options.onWarning));
  }
  return results;
}

async function generateApi(
  api: string,
  loaded: LoadedConfig,
  display: (p: string) => string,
  onWarning?: (api: string, line: string) => void,
): Promise<ApiResult> {
  const root = loaded.apis.get(api)!;
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    onWarning?.(api, line);
  };

  const bundled = await lintAndBundle({ api, root, config: loaded.config.forAlias(api), display });
  bundled.warnings.forEach(warn);
  const document = bundled.document as JsonObject;

  // The bundled spec is serialised before anything else touches the object.
  const yamlBody = stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
  const info: HeaderInfo = {
    api,
    source: relative(loaded.configDir, root).split(sep).join('/'),
    specSha256: sha256(yamlBody),
    tools: toolVersions(),
  };

  const rawTypes = await generateTypes(document, display(root));
  const processed = postprocess(rawTypes, document);
  processed.warnings.forEach(warn);

  const manifest = {
    generated: 'GENERATED FILE: do not edit. Regenerate with `npm run generate`.',
    api,
    source: info.source,
    specSha256: info.specSha256,
    tools: info.tools,
    files: ['openapi.yaml', 'schema.ts'],
    operationCount: operationsOf(document).length,
    operations: operationsOf(document).map(({ method, path, operation }) => ({
      method: method.toUpperCase(),
      path,
      operationId: typeof operation.operationId === 'string' ? operation.operationId : null,
    })),
    ...processed.facts,
    warnings: processed.warnings,
  };

  const files: FileTree = new Map([
    [`${api}/openapi.yaml`, yamlHeader(info) + yamlBody],
    [`${api}/schema.ts`, `${tsHeader(info)}\n${processed.text}`],
    [`${api}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`],
  ]);
  return { api, files, warnings };
}

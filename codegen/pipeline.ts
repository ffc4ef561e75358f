/**
 * Runs the stages in order for each api of a Redocly config and returns the
 * generated files in memory. Writes nothing: the CLI decides what to do with
 * the result (write atomically, or compare for `--check`).
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { loadConfig, type Config } from '@redocly/openapi-core';
import { PipelineError } from './lib/errors.js';
import { sha256 } from './lib/hash.js';
import { markdownHeader, tsHeader, yamlHeader, type HeaderInfo } from './lib/header.js';
import { toolVersions } from './lib/versions.js';
import { stringifyYaml } from './lib/yaml.js';
import { timer, type Timings } from './lib/timings.js';
import { collectGarbage } from './lib/gc.js';
import type { FileTree } from './lib/write-tree.js';
import { readLimits } from './lib/limits.js';
import { allowedRoots } from './lib/spec-resolver.js';
import { renderApiReport } from './stages/api-report.js';
import { guarantee } from './stages/guarantee.js';
import { bundleSpec } from './stages/bundle.js';
import { lintSpec } from './stages/lint.js';
import { loadSpec, type SpecInput } from './stages/load.js';
import { preprocessSpec } from './stages/preprocess.js';
import { generateTesting } from './stages/testing.js';
import { generateWrappers } from './stages/wrappers.js';
import { readClientConfig, type ClientConfig } from './config.js';
import { manifestJson, readManifest, type ManifestRecord } from './manifest.js';
import { createSchemaRunner, type SchemaRunner } from './worker/runner.js';

export interface PipelineOptions {
  /** Path of the Redocly config (`redocly.yaml`). */
  configPath: string;
  /** Apis to generate; all apis of the config when empty. */
  apis?: string[];
  /** How file paths appear in messages (default: relative to the working directory). */
  display?: (absPath: string) => string;
  /** Called with each warning line as it is found. */
  onWarning?: ((api: string, line: string) => void) | undefined;
  /**
   * How generated code imports the shared runtime (default `../../src/index.js`:
   * `<root>/generated/<api>/` next to `<root>/src/`, the layout of this repo and
   * of the built package).
   */
  runtimeImport?: string | undefined;
  /** Called with every api name of the config once it is loaded. */
  onApis?: ((apis: string[]) => void) | undefined;
  /** Run the schema job (openapi-typescript, the passes) on a worker thread (default true). */
  workers?: boolean | undefined;
  /** The runner for the schema jobs (the CLI starts it early); closed once the last api's job is in. */
  schemaRunner?: SchemaRunner | undefined;
  /**
   * The api's manifest.json from the previous generate, if any (the CLI reads
   * `<out>/<api>/manifest.json`): the wrapper and alias names recorded there are kept.
   */
  previousManifest?: ((api: string) => { text: string; where: string } | undefined) | undefined;
}

export const DEFAULT_RUNTIME_IMPORT = '../../src/index.js';

/** A bundled spec this long (JSON text) or longer gets a garbage collection once lint is done (generateApi). */
const LARGE_SPEC = 4 * 1024 * 1024;


export interface ApiResult {
  api: string;
  files: FileTree;
  warnings: string[];
  /** Milliseconds per stage. */
  timings: Timings;
  /** Every file the spec was read from (for the cache). */
  inputs: string[];
}

export interface LoadedConfig {
  config: Config;
  configDir: string;
  /** api name → absolute path of its root spec. */
  apis: Map<string, string>;
  /** api name → its `x-codegen` entry. */
  clientConfigs: Map<string, ClientConfig>;
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
  const clientConfigs = new Map<string, ClientConfig>();
  for (const [name, api] of Object.entries(config.resolvedConfig.apis ?? {})) {
    if (typeof api?.root !== 'string') throw new PipelineError(`${display(abs)}: api "${name}" has no "root" spec path`);
    apis.set(name, resolve(configDir, api.root));
    clientConfigs.set(name, readClientConfig((api as Record<string, unknown>)['x-codegen'], `${display(abs)}: apis.${name}.x-codegen`));
  }
  if (apis.size === 0) throw new PipelineError(`${display(abs)}: no apis defined (add an "apis:" entry per vendor)`);
  return { config, configDir, apis, clientConfigs };
}

/** The apis named (all of the config's when none), each checked to be in the config. */
function selectedApis(apis: string[] | undefined, loaded: LoadedConfig, configFile: string): string[] {
  const names = apis?.length ? apis : [...loaded.apis.keys()];
  for (const name of names) {
    if (!loaded.apis.has(name)) throw new PipelineError(`${configFile}: unknown api "${name}" (known: ${[...loaded.apis.keys()].join(', ')})`);
  }
  return names;
}

export async function runPipeline(options: PipelineOptions): Promise<ApiResult[]> {
  const display = options.display ?? ((p: string) => relative(process.cwd(), p) || '.');
  const loaded = await loadPipelineConfig(options.configPath, display);
  const names = selectedApis(options.apis, loaded, display(resolve(options.configPath)));
  options.onApis?.([...loaded.apis.keys()]);
  const runtime = options.runtimeImport ?? DEFAULT_RUNTIME_IMPORT;
  // The CLI passes a runner it started before loading this module (see cli.ts).
  const schemaRunner = options.schemaRunner ?? createSchemaRunner(options.workers ?? true);
  try {
    const results: ApiResult[] = [];
    for (const [i, api] of names.entries()) {
      const previous = options.previousManifest?.(api);
      const recorded: ManifestRecord = previous ? readManifest(previous.text, previous.where) : { wrappers: new Map(), aliases: new Map() };
      results.push(await generateApi({ api, loaded, display, runtime, schemaRunner, recorded, last: i === names.length - 1, onWarning: options.onWarning }));
    }
    return results;
  } finally {
    await schemaRunner.close();
  }
}

/** One api's run: what every step of it reads. */
interface ApiRun {
  api: string;
  loaded: LoadedConfig;
  display: (p: string) => string;
  /** Import specifier of the runtime from generated code. */
  runtime: string;
  schemaRunner: SchemaRunner;
  /** The names the previous manifest.json recorded. */
  recorded: ManifestRecord;
  /** Whether this is the run's last api (its schema job is the runner's last). */
  last: boolean;
  onWarning?: ((api: string, line: string) => void) | undefined;
}

async function generateApi(run: ApiRun): Promise<ApiResult> {
  const { api, loaded, schemaRunner, last, onWarning } = run;
  const root = loaded.apis.get(api)!;
  const timings: Timings = {};
  const time = timer(timings);
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    onWarning?.(api, line);
  };

  const { lintWarnings, bundled, guaranteed, wrappers, job, size } = await lintAndPrepare(run, time);
  // Redocly's documents and resolver went with lintAndPrepare: for a large spec they are
  // hundreds of MB, collected now, while the schema job runs, rather than kept beside the
  // worker's heap (GitHub's peak RSS). For a smaller one the collection is not worth its time.
  if (size >= LARGE_SPEC) time('gc', collectGarbage);
  const testing = time('testing', () => generateTesting(api, bundled.document, loaded.clientConfigs.get(api) ?? {}, wrappers.operations, { runtime: run.runtime }));
  lintWarnings.forEach(warn);
  guaranteed.warnings.forEach(warn);

  // The text `redocly bundle` writes (js-yaml: no anchors, no line folding), written by lib/yaml.ts.
  const yamlBody = time('serialise', () => stringifyYaml(bundled.document));
  const info: HeaderInfo = {
    api,
    source: relative(loaded.configDir, root).split(sep).join('/'),
    specSha256: sha256(yamlBody),
    tools: toolVersions(),
  };

  const processed = await time('schema job (wait)', () => job.result());
  // The worker's heap (a large spec's syntax trees) is not needed once the last api's job is in.
  // Its thread winds down while the files below are made (runPipeline waits for it at the end).
  if (last) schemaRunner.close().catch(() => {});
  Object.assign(timings, processed.timings);
  processed.warnings.forEach(warn);
  wrappers.warnings.forEach(warn);

  const header = tsHeader(info);
  const files: FileTree = new Map([
    [`${api}/openapi.yaml`, yamlHeader(info) + yamlBody],
    [`${api}/schema.ts`, `${header}\n${processed.text}`],
    [`${api}/operations.ts`, `${header}\n${wrappers.operationsTs}`],
    [`${api}/index.ts`, `${header}\n${wrappers.indexTs}`],
    [`${api}/testing.ts`, `${header}\n${testing.testingTs}`],
    // The exported symbols as a committed report, so a PR's diff shows API surface changes.
    [`${api}/api-report.md`, markdownHeader(info) + renderApiReport([...wrappers.reportSymbols, ...testing.reportSymbols, ...processed.reportSymbols], { title: `Public API: ${api}` })],
    [`${api}/manifest.json`, manifestJson(info, wrappers, processed)],
  ]);
  return { api, files, warnings, timings, inputs: bundled.files };
}

/**
 * Redocly's part and what does not depend on lint: load, preprocess, then the
 * bundle, the guarantee, the schema job's start and the wrappers (their error
 * is held), then lint, whose errors are reported first. A function of its own
 * so that Redocly's documents and resolver are dropped when it returns (a
 * large spec's parse is hundreds of MB).
 */
async function lintAndPrepare(run: ApiRun, time: ReturnType<typeof timer>) {
  const { api, loaded, display, runtime, schemaRunner, recorded } = run;
  const where = display(loaded.apis.get(api)!);
  const clientConfig = loaded.clientConfigs.get(api) ?? {};
  const spec = await time('load', () => loadSpec(specInput(api, loaded, display)));
  const preprocessed = await time('preprocess', () => preprocessSpec(spec));
  const prepared = await settle(async () => {
    const { document, json: bundledJson, files } = await time('bundle', () => bundleSpec(preprocessed));
    // The bundle is the pipeline's own copy: normalised in place, so openapi.yaml shows what the types were made from.
    const guaranteed = time('guarantee', () => guarantee(document, where, bundledJson));
    const json = guaranteed.changed ? JSON.stringify(document) : bundledJson;
    // openapi-typescript needs only the bundle; the passes also need the names the wrappers take.
    const job = schemaRunner.start({ json, source: where, recordedAliases: [...recorded.aliases] });
    const wrappers = time('wrappers', () => generateWrappers(api, document, clientConfig, { runtime, where, recordedNames: recorded.wrappers }));
    job.name({ takenNames: wrappers.exportedNames });
    return { bundled: { document, files }, guaranteed, wrappers, job, size: json.length };
  });
  const lintWarnings = await time('lint', () => lintSpec(preprocessed));
  return { lintWarnings, ...prepared() };
}

/** What an api's spec is and may read: the same confinement and limits for `generate` and `--lint`. */
function specInput(api: string, loaded: LoadedConfig, display: (p: string) => string): SpecInput {
  const root = loaded.apis.get(api)!;
  const clientConfig = loaded.clientConfigs.get(api) ?? {};
  return {
    api,
    root,
    config: loaded.config.forAlias(api),
    display,
    access: {
      roots: allowedRoots(loaded.configDir, root),
      remoteHosts: clientConfig.remoteRefs ?? [],
      limits: readLimits(clientConfig.limits, display(root)),
    },
  };
}

/**
 * `generate --lint` (`npm run lint:specs`): the first steps of a run (load,
 * preprocessors, lint) for each api, nothing generated. A spec is read as
 * `generate` reads it (lib/spec-resolver.ts: the config's and the root
 * spec's folders, the allowed remote hosts, the limits), which the Redocly
 * CLI's own resolver does not do. Throws on the first api with lint errors;
 * returns each api's warnings.
 */
export async function lintApis(options: Pick<PipelineOptions, 'configPath' | 'apis' | 'display'>): Promise<Array<{ api: string; warnings: string[] }>> {
  const display = options.display ?? ((p: string) => relative(process.cwd(), p) || '.');
  const loaded = await loadPipelineConfig(options.configPath, display);
  const results: Array<{ api: string; warnings: string[] }> = [];
  for (const api of selectedApis(options.apis, loaded, display(resolve(options.configPath)))) {
    const spec = await preprocessSpec(await loadSpec(specInput(api, loaded, display)), { bundleCheck: false });
    results.push({ api, warnings: await lintSpec(spec) });
  }
  return results;
}

/** Runs `fn`; its result, or the error it threw, is given back when asked for (so another step can report first). */
async function settle<T>(fn: () => Promise<T>): Promise<() => T> {
  try {
    const value = await fn();
    return () => value;
  } catch (error) {
    return () => {
      throw error;
    };
  }
}

/**
 * Runs the stages in order for each api of a Redocly config and returns the
 * generated files in memory. Writes nothing: the CLI decides what to do with
 * the result (write atomically, or compare for `--check`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { loadConfig, stringifyYaml, type Config } from '@redocly/openapi-core';
import { PipelineError } from './lib/errors.js';
import { sha256 } from './lib/hash.js';
import { markdownHeader, tsHeader, yamlHeader, type HeaderInfo } from './lib/header.js';
import { readManifest, type ManifestRecord } from './lib/naming.js';
import { toolVersions } from './lib/versions.js';
import { timer, type Timings } from './lib/timings.js';
import type { FileTree } from './lib/write-tree.js';
import { isHttpToken } from './lib/http.js';
import { readLimits } from './lib/limits.js';
import { allowedRoots } from './lib/spec-resolver.js';
import { renderApiReport } from './api-diff/api-report.js';
import { guarantee } from './stages/guarantee.js';
import { bundleSpec, lintSpec, loadSpec, preprocessSpec, type SpecInput } from './stages/lint-bundle.js';
import { generateWrappers, type ClientConfig, type WrappersOutput } from './stages/wrappers.js';
import { generateTesting } from './stages/testing.js';
import { createTypesRunner, type TypesResult, type TypesRunner } from './worker/client.js';

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
  /** Run openapi-typescript and the passes on a worker thread (default true). */
  workers?: boolean | undefined;
  /** A runner to reuse across runs (tests); the pipeline then does not close it. */
  types?: TypesRunner | undefined;
  /**
   * The api's manifest.json from the previous generate, if any (the CLI reads
   * `<out>/<api>/manifest.json`): the wrapper and alias names recorded there are kept.
   */
  previousManifest?: ((api: string) => { text: string; where: string } | undefined) | undefined;
}

export const DEFAULT_RUNTIME_IMPORT = '../../src/index.js';


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

/** Validates the shape of an api's `x-codegen` entry (see stages/wrappers.ts ClientConfig). */
function readClientConfig(raw: unknown, where: string): ClientConfig {
  if (raw === undefined || raw === null) return {};
  const fail = (what: string): never => {
    throw new PipelineError(`${where}: ${what}`);
  };
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('must be a mapping');
  const c = raw as Record<string, unknown>;
  const known = [
    'clientName',
    'apiKeyEnv',
    'baseUrlEnv',
    'logEnv',
    'auth',
    'servers',
    'operationNames',
    'requestIdHeaders',
    'idempotencyHeader',
    'sourceUrl',
    'nameClashes',
    'remoteRefs',
    'limits',
  ];
  for (const key of Object.keys(c)) if (!known.includes(key)) fail(`unknown key "${key}" (known: ${known.join(', ')})`);
  const isStringMap = (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
  if (c.clientName !== undefined && typeof c.clientName !== 'string') fail('clientName must be a string');
  if (c.nameClashes !== undefined && c.nameClashes !== 'error' && c.nameClashes !== 'qualify-by-path') {
    fail('nameClashes must be "error" or "qualify-by-path"');
  }
  if (c.sourceUrl !== undefined && (typeof c.sourceUrl !== 'string' || !/^https?:\/\//.test(c.sourceUrl))) fail('sourceUrl must be an http(s) URL');
  for (const key of ['apiKeyEnv', 'baseUrlEnv', 'logEnv']) {
    if (c[key] !== undefined && (typeof c[key] !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c[key]))) fail(`${key} must be an environment variable name`);
  }
  // An HTTP token (RFC 9110 §5.6.2): the name is sent as a header.
  if (c.idempotencyHeader !== undefined && !isHttpToken(c.idempotencyHeader)) fail('idempotencyHeader must be a header name');
  if (c.auth !== undefined && c.auth !== false) {
    const a = c.auth as Record<string, unknown>;
    if (typeof a !== 'object' || a === null || typeof a.header !== 'string' || (a.prefix !== undefined && typeof a.prefix !== 'string')) {
      fail('auth must be false or { header: <name>, prefix?: <string> }');
    }
  }
  if (c.servers !== undefined && !isStringMap(c.servers)) fail('servers must map server URLs to names');
  if (c.operationNames !== undefined && !isStringMap(c.operationNames)) fail('operationNames must map operationIds or "METHOD /path" to names');
  if (c.requestIdHeaders !== undefined && !(Array.isArray(c.requestIdHeaders) && c.requestIdHeaders.every(isHttpToken))) {
    fail('requestIdHeaders must be a list of header names (RFC 9110 tokens)');
  }
  if (c.auth && !isHttpToken((c.auth as { header: string }).header)) fail('auth.header must be a header name (an RFC 9110 token)');
  if (c.remoteRefs !== undefined && !(Array.isArray(c.remoteRefs) && c.remoteRefs.every((h) => typeof h === 'string' && /^[a-z0-9.-]+(:\d+)?$/i.test(h)))) {
    fail('remoteRefs must be a list of hosts (`host` or `host:port`)');
  }
  readLimits(c.limits, where);
  return c as ClientConfig;
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
  const types = options.types ?? createTypesRunner(options.workers ?? true);
  try {
    const results: ApiResult[] = [];
    for (const api of names) {
      const previous = options.previousManifest?.(api);
      const recorded: ManifestRecord = previous ? readManifest(previous.text, previous.where) : { wrappers: new Map(), aliases: new Map() };
      results.push(await generateApi(api, loaded, display, runtime, types, recorded, options.onWarning));
    }
    return results;
  } finally {
    if (!options.types) await types.close();
  }
}

async function generateApi(
  api: string,
  loaded: LoadedConfig,
  display: (p: string) => string,
  runtime: string,
  types: TypesRunner,
  recorded: ManifestRecord,
  onWarning?: (api: string, line: string) => void,
): Promise<ApiResult> {
  const root = loaded.apis.get(api)!;
  const where = display(root);
  const clientConfig = loaded.clientConfigs.get(api) ?? {};
  const timings: Timings = {};
  const time = timer(timings);
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    onWarning?.(api, line);
  };

  const spec = await time('load', () => loadSpec(specInput(api, loaded, display)));
  const preprocessed = await time('preprocess', () => preprocessSpec(spec));

  // What does not depend on lint is made first, and the types stages start on
  // it (beside this thread, with a worker); its errors wait until lint has
  // spoken, because lint errors decide the outcome first.
  const prepared = await settle(async () => {
    const bundled = await time('bundle', () => bundleSpec(preprocessed));
    // The bundle is the pipeline's own copy: normalised in place, so openapi.yaml shows what the types were made from.
    const guaranteed = time('guarantee', () => guarantee(bundled.document, where, bundled.json));
    const json = guaranteed.changed ? JSON.stringify(bundled.document) : bundled.json;
    const wrappers = time('wrappers', () => generateWrappers(api, bundled.document, clientConfig, { runtime, where, recordedNames: recorded.wrappers }));
    const job = types.start({ json, source: where, takenNames: wrappers.exportedNames, recordedAliases: [...recorded.aliases] });
    return { bundled, guaranteed, wrappers, job };
  });
  const lintWarnings = await time('lint', () => lintSpec(preprocessed));
  const { bundled, guaranteed, wrappers, job } = prepared();
  const testing = time('testing', () => generateTesting(api, bundled.document, clientConfig, wrappers.operations, { runtime }));
  lintWarnings.forEach(warn);
  guaranteed.warnings.forEach(warn);

  // Redocly's own YAML writer (js-yaml, as `redocly bundle` writes): about twice
  // as fast as the yaml package on large specs. No anchors, no line folding.
  const yamlBody = time('serialise', () => stringifyYaml(bundled.document, { noRefs: true, lineWidth: -1 }));
  const info: HeaderInfo = {
    api,
    source: relative(loaded.configDir, root).split(sep).join('/'),
    specSha256: sha256(yamlBody),
    tools: toolVersions(),
  };

  const processed = await time('types (wait)', () => job.result());
  Object.assign(timings, processed.timings);
  processed.warnings.forEach(warn);

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

function manifestJson(info: HeaderInfo, w: WrappersOutput, processed: TypesResult): string {
  const manifest = {
    generated: 'GENERATED FILE: do not edit. Regenerate with `npm run generate`.',
    api: info.api,
    source: info.source,
    specSha256: info.specSha256,
    tools: info.tools,
    files: ['openapi.yaml', 'schema.ts', 'operations.ts', 'index.ts', 'testing.ts', 'api-report.md'],
    operationCount: w.operations.length,
    operations: w.operations.map((op) => ({
      wrapper: op.name,
      nameFrom: op.nameFrom,
      method: op.method.toUpperCase(),
      path: op.path,
      operationId: typeof op.operation.operationId === 'string' ? op.operation.operationId : null,
      ...(op.vendorOperationId !== op.operation.operationId ? { vendorOperationId: op.vendorOperationId } : {}),
    })),
    ...w.facts,
    ...processed.facts,
    warnings: processed.warnings,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

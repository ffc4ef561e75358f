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
import type { JsonObject } from './lib/openapi.js';
import { toolVersions } from './lib/versions.js';
import { timer, type Timings } from './lib/timings.js';
import type { FileTree } from './lib/write-tree.js';
import { isHttpToken } from './lib/http.js';
import { readLimits } from './lib/limits.js';
import { allowedRoots } from './lib/spec-resolver.js';
import { guarantee } from './stages/guarantee.js';
import { lintAndBundle } from './stages/lint-bundle.js';
import { generateWrappers, type ClientConfig, type WrappersOutput } from './stages/wrappers.js';
import { readJsonPatchConfig } from './stages/json-patch.js';
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
    'jsonPatch',
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
  readJsonPatchConfig(c.jsonPatch, where);
  return c as ClientConfig;
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
  const warnings: string[] = [];
  const warn = (line: string) => {
    warnings.push(line);
    onWarning?.(api, line);
  };

  const timings: Timings = {};
  const time = timer(timings);
  const where = display(root);
  const clientConfig = loaded.clientConfigs.get(api) ?? {};

  // As soon as the bundle exists, wrappers are derived here and, with a worker,
  // the types stages start there while this thread lints (lint errors still
  // decide the outcome first). Without a worker they run after lint passed, so
  // a failing spec never starts them.
  let wrappers: WrappersOutput | undefined;
  let typesJob: Promise<TypesResult> | undefined;
  let earlyError: unknown;
  const send = (document: JsonObject, json: string) => {
    const w = time('wrappers', () => generateWrappers(api, document, clientConfig, { runtime, where, recordedNames: recorded.wrappers }));
    // Only the hand-over is timed (boxed: the timer would wait for a bare promise).
    const { job } = time('types (send)', () => ({
      job: types.run({
        document,
        json,
        source: where,
        takenNames: w.exportedNames,
        recordedAliases: recorded.aliases,
        sources: { 'operations.ts': w.operationsTs, 'index.ts': w.indexTs },
        title: `Public API: ${api}`,
      }),
    }));
    job.catch(() => {}); // awaited below (or dropped); do not report it as unhandled meanwhile
    return { wrappers: w, job };
  };
  // Speculation (worker only): a spec without decorators and without refs to
  // other files usually bundles to exactly its preprocessed self, so the types
  // stages start on that while this thread bundles. The bundle is still made
  // and compared as JSON text; when it differs, the real bundle is sent and the
  // speculative result dropped.
  let speculative: { json: string; wrappers: WrappersOutput; job: Promise<TypesResult> } | undefined;
  const onPreprocessed = (document: Record<string, unknown>) => {
    try {
      const json = time('types (send)', () => JSON.stringify(document));
      if (/"\$ref":"(?!#)/.test(json)) return;
      speculative = { json, ...send(document as JsonObject, json) };
    } catch {
      // e.g. a name clash: the same error comes again from the bundled document
    }
  };
  let guaranteed: string[] = [];
  const startTypes = (spec: { document: Record<string, unknown> }) => {
    try {
      let json = time('types (send)', () => JSON.stringify(spec.document));
      // The bundle is a fresh copy: normalised in place, so openapi.yaml shows what the types were made from.
      const g = time('guarantee', () => guarantee(spec.document as JsonObject, where, json));
      guaranteed = g.warnings;
      if (g.changed) json = time('types (send)', () => JSON.stringify(spec.document));
      ({ wrappers, job: typesJob } = speculative?.json === json ? speculative : send(spec.document as JsonObject, json));
      timings.speculative = speculative?.json === json ? 1 : 0;
    } catch (error) {
      earlyError = error;
    }
  };
  const bundled = await lintAndBundle(
    {
      api,
      root,
      config: loaded.config.forAlias(api),
      display,
      timings,
      access: {
        roots: allowedRoots(loaded.configDir, root),
        remoteHosts: clientConfig.remoteRefs ?? [],
        limits: readLimits(clientConfig.limits, where),
      },
    },
    types.parallel ? startTypes : undefined,
    types.parallel ? onPreprocessed : undefined,
  );
  if (!types.parallel) startTypes(bundled);
  bundled.warnings.forEach(warn);
  guaranteed.forEach(warn);
  if (earlyError !== undefined) throw earlyError;
  const document = bundled.document as JsonObject;

  // Redocly's own YAML writer (js-yaml, as `redocly bundle` writes): about twice
  // as fast as the yaml package on large specs. No anchors, no line folding.
  const yamlBody = await time('serialise', () => stringifyYaml(document, { noRefs: true, lineWidth: -1 }));
  const info: HeaderInfo = {
    api,
    source: relative(loaded.configDir, root).split(sep).join('/'),
    specSha256: sha256(yamlBody),
    tools: toolVersions(),
  };
  const header = tsHeader(info);

  // Schema aliases never take a wrapper's names: the passes got them as taken.
  const processed = await time('types+passes (wait)', () => typesJob!);
  Object.assign(timings, processed.timings);
  processed.warnings.forEach(warn);
  const w = wrappers!;
  w.warnings.forEach(warn);

  const manifest = {
    generated: 'GENERATED FILE: do not edit. Regenerate with `npm run generate`.',
    api,
    source: info.source,
    specSha256: info.specSha256,
    tools: info.tools,
    files: ['openapi.yaml', 'schema.ts', 'operations.ts', 'index.ts', 'api-report.md'],
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

  const files: FileTree = new Map([
    [`${api}/openapi.yaml`, yamlHeader(info) + yamlBody],
    [`${api}/schema.ts`, `${header}\n${processed.text}`],
    [`${api}/operations.ts`, `${header}\n${w.operationsTs}`],
    [`${api}/index.ts`, `${header}\n${w.indexTs}`],
  ]);
  // The exported symbols as a committed report (made on the worker), so a PR's diff shows API surface changes.
  files.set(`${api}/api-report.md`, markdownHeader(info) + processed.apiReport);
  files.set(`${api}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return { api, files, warnings, timings, inputs: bundled.files };
}

/**
 * The no-op regenerate cache. A run that changes nothing should not pay for
 * loading Redocly, openapi-typescript and ts-morph: the CLI checks this cache
 * first with plain file reads and hashes, and imports the pipeline only on a
 * miss.
 *
 * An entry is valid only when all of these are unchanged since the run that
 * wrote it: the config file's bytes; every file each api's spec was read from
 * (root and external `$ref`s — the set can only change if one of those files
 * changes); the generator itself (every file under codegen/, which includes the
 * Redocly plugin) and the versions of the tools whose output we commit; the
 * options that shape output; and the output files (hash of each, no extras).
 * Anything else is a miss and a full run. Lives in node_modules/.cache (never
 * committed; CI starts without it).
 *
 * A file whose size and modification time are those recorded is taken as
 * unchanged without reading it, as make and git do (a no-op run otherwise
 * reads and hashes every input and output: 10 MB for LaunchDarkly's full
 * spec, a tenth of the run); any other file is read and its hash decides, so
 * a file rewritten with the same bytes is still a hit. The config file is
 * one of those files, and the generator's identity and the options are kept
 * as they are: a no-op hashes nothing. What this misses: an
 * edit that keeps the size, made within the file system's timestamp tick of
 * the generator's write (a few milliseconds), or one that sets the old time
 * back on purpose. `--check` and `--no-cache` never use the cache.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolVersions } from './versions.js';

const CODEGEN_DIR = fileURLToPath(new URL('..', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/vendor-api-clients/', import.meta.url));
const VERSION = 3;
/** `codegen/.build/stamp` when this module runs from the bundle there (see generatorFingerprint). */
const BUILD_STAMP = /[\\/]\.build[\\/]/.test(fileURLToPath(import.meta.url)) ? join(dirname(fileURLToPath(import.meta.url)), 'stamp') : undefined;

/** A file as the run that wrote the entry saw it (`sha256` is `missing` for a file it could not read). */
export interface FileStamp {
  sha256: string;
  size: number;
  mtimeMs: number;
}

export interface ApiEntry {
  /** Absolute path → stamp of every file the spec was read from. */
  inputs: Record<string, FileStamp>;
  /** Output path (relative to the output folder) → stamp. */
  outputs: Record<string, FileStamp>;
  warnings: string[];
}

export interface CacheEntry {
  version: number;
  fingerprint: string;
  /** The config file as that run read it. */
  config: FileStamp;
  apis: Record<string, ApiEntry>;
  /** The apis of the config, in order, from the last full run. */
  allApis: string[];
}

/**
 * SHA-256 of `data`. node:crypto is loaded on first use: a no-op run, whose
 * files all have their recorded size and time, hashes nothing, and loading
 * the module is a few milliseconds of a run that takes 80.
 */
let crypto: typeof import('node:crypto') | undefined;
const sha256 = () => (crypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256');
const hashBytes = (data: string | Buffer) => sha256().update(data).digest('hex');

/** The file's bytes, or undefined when it cannot be read. */
function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function hashFile(path: string): string | undefined {
  const bytes = readBytes(path);
  return bytes && hashBytes(bytes);
}

/** The file's stamp now (its content is `content` when the caller has it). */
function stampOf(path: string, content?: string): FileStamp {
  try {
    const { size, mtimeMs } = statSync(path);
    return { sha256: hashBytes(content ?? readFileSync(path)), size, mtimeMs };
  } catch {
    return { sha256: 'missing', size: -1, mtimeMs: -1 };
  }
}

/** Whether the file is as `recorded`: same size and time, or same size and hash. */
function unchanged(path: string, recorded: FileStamp): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  if (stat.size !== recorded.size) return false;
  return stat.mtimeMs === recorded.mtimeMs || hashFile(path) === recorded.sha256;
}

let generatorHash: string | undefined;

/**
 * The generator's own identity: its source files and the tool versions. Run
 * from the bundle (`npm run generate`), the sources are the bundle's stamp,
 * which codegen/generate.mjs wrote with it from the same files (their hash,
 * and package-lock.json's): not read and hashed a second time.
 */
export function generatorFingerprint(): string {
  return (generatorHash ??= generatorIdentity(BUILD_STAMP));
}

/** generatorFingerprint's value, with `stampFile` as the bundle's stamp (none: hash the sources). */
export function generatorIdentity(stampFile: string | undefined): string {
  const tools = JSON.stringify(toolVersions());
  const stamp = stampFile && readBytes(stampFile)?.toString('utf8').split('\n')[0]; // the sources' hash (the next lines: their times)
  if (stamp) return `${tools} bundle ${stamp}`;
  // The modules generation runs (not the spec-pull tool that lives beside them;
  // api-diff's api-report is part of the output).
  const files = readdirSync(CODEGEN_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|js|mjs|json)$/.test(f) && !/^(\.build|spec-pull)[/\\]/.test(f))
    .sort();
  const h = sha256();
  for (const f of files) h.update(f).update(readFileSync(join(CODEGEN_DIR, f)));
  return `${tools} sources ${h.digest('hex')}`;
}

export interface CacheKeyInput {
  configPath: string;
  outDir: string;
  /** Options that change the output (e.g. runtime import). */
  options: Record<string, unknown>;
  /** Injectable for tests; defaults to generatorFingerprint(). */
  generator?: string | undefined;
}

/** What an entry is for, but the config file's bytes (CacheEntry.config): compared as it is, nothing hashed. */
function fingerprint(input: CacheKeyInput): string {
  return JSON.stringify([VERSION, input.configPath, input.outDir, input.generator ?? generatorFingerprint(), input.options]);
}

/** The entry's file: named by a short hash of the config and output paths (fingerprint holds them whole). */
function entryPath(input: CacheKeyInput): string {
  return join(CACHE_DIR, `${nameHash(`${input.configPath}\0${input.outDir}`)}.json`);
}

/** A 53-bit string hash (cyrb53) as hex: a file name, not a check (the entry holds its key). */
function nameHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The apis (and their warnings) that can be skipped, or undefined when any of
 * `apis` (all of the config's when empty) must be regenerated.
 */
export function lookup(input: CacheKeyInput, apis: string[]): { apis: string[]; warnings: Record<string, string[]> } | undefined {
  const path = entryPath(input);
  if (!existsSync(path)) return undefined;
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readFileSync(path, 'utf8')) as CacheEntry;
  } catch {
    return undefined;
  }
  if (entry.version !== VERSION || entry.fingerprint !== fingerprint(input) || !entry.config || !unchanged(input.configPath, entry.config)) return undefined;
  const wanted = apis.length ? apis : entry.allApis;
  const warnings: Record<string, string[]> = {};
  for (const api of wanted) {
    const e = entry.apis[api];
    if (!e) return undefined;
    for (const [file, stamp] of Object.entries(e.inputs)) if (!unchanged(file, stamp)) return undefined;
    for (const [file, stamp] of Object.entries(e.outputs)) if (!unchanged(join(input.outDir, file), stamp)) return undefined;
    const onDisk = listFiles(join(input.outDir, api)).map((f) => `${api}/${f}`);
    if (onDisk.length !== Object.keys(e.outputs).length) return undefined;
    warnings[api] = e.warnings;
  }
  return { apis: wanted, warnings };
}

export interface RunRecord {
  api: string;
  inputs: string[];
  outputs: Map<string, string>;
  warnings: string[];
}

/** Records a successful run (after its files were written). */
export function store(input: CacheKeyInput, runs: RunRecord[], allApis: string[]): void {
  const fp = fingerprint(input);
  const config = stampOf(input.configPath);
  if (config.sha256 === 'missing') return;
  const path = entryPath(input);
  let entry: CacheEntry = { version: VERSION, fingerprint: fp, config, apis: {}, allApis };
  try {
    const old = JSON.parse(readFileSync(path, 'utf8')) as CacheEntry;
    if (old.version === VERSION && old.fingerprint === fp && old.config?.sha256 === config.sha256) entry = { ...old, config, allApis };
  } catch {
    // no previous entry
  }
  for (const run of runs) {
    const inputs: Record<string, FileStamp> = {};
    for (const file of run.inputs) inputs[file] = stampOf(file);
    const outputs: Record<string, FileStamp> = {};
    for (const [file, content] of run.outputs) outputs[file] = stampOf(join(input.outDir, file), content);
    entry.apis[run.api] = { inputs, outputs, warnings: run.warnings };
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(entry));
    renameSync(tmp, path);
  } catch {
    // A cache that cannot be written only costs speed.
  }
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
}

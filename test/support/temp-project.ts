/**
 * A throw-away project per spec (a redocly.yaml that points at the repo's
 * plugin by absolute path) and a generate run in it, in-process, that leaves
 * no cache entry behind: for the robustness tests (test/robust/) and the
 * public corpus (oas-corpus.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { REPO, runMain, tempDir, type CliRun } from './run-cli.js';

export const PLUGIN = join(REPO, 'codegen/redocly-plugin/index.js');
/** One folder per hostile or broken spec, with its expect.json (test/robust/fixtures.test.ts). */
export const ROBUST_FIXTURES = join(REPO, 'test/fixtures/robust');
export const RUNTIME = join(REPO, 'src/index.js');

/** The preprocessors every robustness config switches on (as redocly.yaml does). */
export const PREPROCESSORS = {
  'vendor-quirks/discriminator-mapping-ref-object': 'on',
  'vendor-quirks/operation-id-url-safe': 'on',
  'vendor-quirks/operation-id-unique': 'on',
  'vendor-quirks/header-param-to-security': 'on',
} as const;

export interface ApiEntry {
  root: string;
  'x-codegen'?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A Redocly config: `minimal` rules, the repo's plugin (absolute path) and its preprocessors. */
export function redoclyConfig(apis: Record<string, ApiEntry>, extra: Record<string, unknown> = {}): string {
  return stringify({ extends: ['minimal'], plugins: [PLUGIN], preprocessors: { ...PREPROCESSORS }, ...extra, apis });
}

/** Writes `files` (path → text) into a fresh temporary folder and returns it. */
export function writeProject(files: Record<string, string | Buffer>, prefix = 'robust-'): string {
  const dir = tempDir(prefix);
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(dir, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return dir;
}

/** `--runtime-import` for output under `<dir>/<out>/<api>/`: the repo's src/index.js, relative. */
export function runtimeImport(dir: string, out = 'generated'): string {
  return relative(join(dir, out, 'api'), RUNTIME).split(sep).join('/');
}

/** `generate --out <out> --runtime-import …` in this process (the pipeline's modules load once per test file). */
export async function generate(dir: string, extra: string[] = [], out = 'generated'): Promise<CliRun> {
  const run = await runMain(['--out', out, '--runtime-import', runtimeImport(dir, out), ...extra], dir);
  forgetCache(join(dir, 'redocly.yaml'), join(dir, out));
  return run;
}

/** Path of the no-op cache entry the CLI writes for a config + output folder (see codegen/lib/cache.ts). */
export function cacheEntryPath(configPath: string, outDir: string): string {
  const key = createHash('sha256').update(`${resolve(configPath)}\0${resolve(outDir)}`).digest('hex').slice(0, 24);
  return join(REPO, 'node_modules/.cache/vendor-api-clients', `${key}.json`);
}

/** Our temporary projects must not leave cache entries behind in the repo's node_modules/.cache. */
export function forgetCache(configPath: string, outDir: string): void {
  rmSync(cacheEntryPath(configPath, outDir), { force: true });
}

/** Removes a temporary folder (kept when ROBUST_KEEP=1, to look at what a test generated). */
export function removeDir(dir: string): void {
  if (process.env.ROBUST_KEEP) return;
  rmSync(dir, { recursive: true, force: true });
}

/** Every file under `dir` (relative, `/`-separated) → content; `{}` when the folder does not exist. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const rel of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const abs = join(dir, rel);
    if (statSync(abs).isFile()) out[rel.split(sep).join('/')] = readFileSync(abs, 'utf8');
  }
  return out;
}

/** Names of temporary files write-tree leaves while staging (`<file>.gen-<12 hex>.tmp`). */
export const TEMP_FILE = /\.gen-[0-9a-f]{12}\.tmp$/;

/**
 * Shared helpers for the robustness tests (test/robust/): a throw-away project
 * per spec (a redocly.yaml that points at the repo's plugin by absolute path),
 * a generate run in-process, a strict compile that reuses parsed library files
 * between programs, and the checks every run must pass whatever the outcome.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { stringify } from 'yaml';
import { REPO, runMain, tempDir, type CliRun } from '../../support/run-cli.js';

export { REPO };
export const PLUGIN = join(REPO, 'codegen/redocly-plugin/index.js');
export const FIXTURES = join(REPO, 'test/fixtures/robust');
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

export function tsFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f))
    .sort();
}

const STRICT: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  types: [],
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
};

/**
 * `tsc --strict` (the options of test/support/tsc.ts) over `files`. Library and
 * runtime files (TypeScript's lib.*.d.ts, node_modules, the repo's src/) are
 * parsed once and shared by every program this process creates: a fresh
 * program per generated api would otherwise re-parse lib.dom.d.ts every time.
 */
export function strictDiagnostics(files: string[]): string[] {
  return strictDiagnosticsOf(files).map((d) => d.text);
}

/** The same, with the file of each diagnostic (absolute path; undefined for global ones). */
export function strictDiagnosticsOf(files: string[]): Array<{ file: string | undefined; text: string }> {
  const program = ts.createProgram({ rootNames: files, options: STRICT, host: sharedHost() });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? resolve(d.file.fileName) : undefined,
    text: ts.formatDiagnostic(d, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => REPO, getNewLine: () => '\n' }),
  }));
}

let host: ts.CompilerHost | undefined;
function sharedHost(): ts.CompilerHost {
  if (host) return host;
  const base = ts.createCompilerHost(STRICT, true);
  const shared = new Map<string, ts.SourceFile | undefined>();
  const src = join(REPO, 'src') + sep;
  const isShared = (f: string) => f.includes(`${sep}node_modules${sep}`) || f.startsWith(src);
  host = {
    ...base,
    getSourceFile(fileName, languageVersion, onError, shouldCreate) {
      if (!isShared(fileName)) return base.getSourceFile(fileName, languageVersion, onError, shouldCreate);
      if (!shared.has(fileName)) shared.set(fileName, base.getSourceFile(fileName, languageVersion, onError, shouldCreate));
      return shared.get(fileName);
    },
  };
  return host;
}

/** A stack frame line (`    at fn (file:1:2)`) or a Node internal error dump. */
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;
/** Messages of JavaScript runtime errors: an internal crash reported as if it were a user error. */
const INTERNAL = /\b(TypeError|ReferenceError|RangeError|SyntaxError|Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|internal:|Cannot convert|out of memory)\b/;

/** Raw control characters and line separators: a terminal would act on them (ESC sequences) or break lines. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/**
 * Problems with any run's stderr: every line is an `error: ` line, an
 * `[api] …` warning, the warning summary, or the CLI's own summary
 * (`<api>: N files, …`, `<api>: JSON Patch bodies typed for …`, `removed: …`); no raw control characters (spec text printed as it is could
 * move the cursor, recolour or clear the terminal, or forge lines).
 */
export function stderrProblems(run: CliRun): string[] {
  const problems: string[] = [];
  const lines = run.stderr.replace(/\n$/, '').split('\n').filter((l) => l !== '');
  // The warning summary (codegen/lib/warning-summary.ts): `<api>: N warnings of M rules …`, then `  N <rule>, e.g. …`.
  const stray = lines.filter((l) => !/^(error: |\[[^\]]+\] |[\w.-]+: (\d+ files|unchanged|\d+ warnings? of \d+ rules?|JSON Patch bodies typed for \d+ operations?)|removed: |  \d+ )/.test(l));
  if (stray.length) problems.push(`stderr lines that are neither errors, warnings nor the summary: ${JSON.stringify(stray.slice(0, 3))}`);
  const raw = lines.find((l) => RAW_CONTROL.test(l));
  if (raw) problems.push(`raw control character on stderr: ${JSON.stringify(raw.slice(0, 200))}`);
  if (STACK.test(run.stderr)) problems.push('stack trace on stderr');
  return problems;
}

/**
 * Problems with a failed run: exit code 1, stderr as `stderrProblems` wants
 * it, at least one `error: ` line, the first naming `specFile`, no JavaScript
 * runtime error text. Returns a list of problems (empty when the failure is clean).
 */
export function failureProblems(run: CliRun, specFile: string | RegExp | undefined): string[] {
  const problems: string[] = [];
  if (run.code !== 1) problems.push(`exit code ${run.code}, expected 1`);
  const errorLines = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
  const first = errorLines[0];
  if (!first) problems.push('no `error: ` line on stderr');
  problems.push(...stderrProblems(run));
  if (first && INTERNAL.test(errorLines.join('\n'))) problems.push(`internal error text: ${first}`);
  const garbled = errorLines.find((l) => /\bundefined\b|\[object Object\]|\bNaN\b/.test(l));
  if (garbled) problems.push(`error text with undefined/[object Object]/NaN: ${garbled}`);
  if (first && specFile !== undefined) {
    const names = typeof specFile === 'string' ? first.includes(specFile) : specFile.test(first);
    if (!names) problems.push(`first error line does not name ${String(specFile)}: ${first}`);
  }
  return problems;
}

/** The first `error: ` line of a run. */
export function firstError(run: CliRun): string {
  return run.stderr.split('\n').find((l) => l.startsWith('error: ')) ?? '';
}

/** Names of temporary files write-tree leaves while staging (`<file>.gen-<12 hex>.tmp`). */
export const TEMP_FILE = /\.gen-[0-9a-f]{12}\.tmp$/;

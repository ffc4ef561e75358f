/**
 * `npm run api-diff -- [api…] [--base <git-ref>] [--json] [--output <file>]… [--fail-on-breaking] [--generated <dir>]`
 *
 * Compares what is generated at a base commit (`git show <ref>:generated/<api>/…`)
 * with the working tree: the bundled specs (`openapi.yaml`, see diff.ts) and
 * the exported symbols of the `.ts` files (see api-report.ts). Prints Markdown
 * that fits a PR comment (or JSON with --json) on stdout; --output writes the
 * full report to a file (JSON for a `.json` file, else Markdown without the cap).
 *
 * Base: --base, else `git merge-base HEAD main`, else HEAD.
 * Exit codes: 0 report printed; 1 --fail-on-breaking and a breaking change;
 * 2 bad arguments, not a git repository, unknown ref, unreadable spec.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseYaml } from '@redocly/openapi-core';
import type { ApiSymbol } from '../stages/api-report.js';
import { apiSymbols } from '../stages/api-symbols.js';
import { diffApi, type ApiDiff, type RecordedNames } from './diff.js';
import { hasBreaking, renderJson, renderMarkdown, type Report } from './render.js';
import { processIo, type CliIo } from '../lib/cli-io.js';
import { readManifest } from '../manifest.js';

const USAGE = `usage: api-diff [api…] [--base <git-ref>] [--json] [--output <file>]… [--fail-on-breaking] [--generated <dir>]

  api…                apis to compare (default: every folder under --generated, at base or now)
  --base              git ref to compare the working tree with (default: git merge-base HEAD main, else HEAD)
  --json              print the report as JSON instead of Markdown (the Markdown fits a PR comment: 65,536 characters)
  --output            also write the full report to <file>: JSON for a .json file, else Markdown (repeatable)
  --fail-on-breaking  exit 1 when any change is breaking
  --generated         the generated folder (default: generated)

Exit codes: 0 report printed, 1 breaking changes with --fail-on-breaking, 2 error.`;

export type { CliIo };

class DiffError extends Error {}

/** The files of one api: `openapi.yaml` (parsed), its `.ts` sources and the names its manifest.json records. */
interface ApiFiles {
  spec: unknown;
  ts: Map<string, string>;
  /** What manifest.json records (absent or unreadable: none). */
  names: RecordedNames | undefined;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: 'string' },
        json: { type: 'boolean', default: false },
        output: { type: 'string', multiple: true, default: [] },
        'fail-on-breaking': { type: 'boolean', default: false },
        generated: { type: 'string', default: 'generated' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`error: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = args.values.generated.replace(/\/+$/, '');
  try {
    const git = (...gitArgs: string[]) => runGit(io.cwd, gitArgs);
    git('rev-parse', '--git-dir');
    const { ref, label } = chooseBase(git, args.values.base);
    const commit = git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).trim();

    const baseApis = listBaseApis(git, commit, dir);
    const headApis = listHeadApis(join(io.cwd, dir));
    let names = [...new Set([...baseApis.keys(), ...headApis.keys()])].sort();
    if (args.positionals.length) {
      const unknown = args.positionals.filter((n) => !names.includes(n));
      if (unknown.length) throw new DiffError(`unknown api "${unknown[0]}" (in ${dir}/ at ${label} or now: ${names.join(', ') || 'none'})`);
      names = names.filter((n) => args.positionals.includes(n));
    }

    const apis: ApiDiff[] = names.map((api) => {
      const base = baseApis.has(api) ? readBase(git, commit, `${dir}/${api}`, baseApis.get(api)!, label) : undefined;
      const head = headApis.has(api) ? readHead(join(io.cwd, dir, api), headApis.get(api)!, `${dir}/${api}`) : undefined;
      const symbols = { base: symbolsOf(base), head: symbolsOf(head) };
      const none: RecordedNames = { wrappers: new Map(), aliases: new Map() };
      return diffApi(api, base?.spec, head?.spec, symbols, { base: base?.names ?? none, head: head?.names ?? none });
    });
    const report: Report = { base: label, head: 'working tree', apis };
    for (const file of args.values.output) {
      const full = file.toLowerCase().endsWith('.json') ? renderJson(report) : renderMarkdown(report, { maxChars: Infinity });
      try {
        writeFileSync(resolve(io.cwd, file), full);
      } catch (error) {
        throw new DiffError(`--output ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
    }
    io.stdout.write(args.values.json ? renderJson(report) : renderMarkdown(report));
    return args.values['fail-on-breaking'] && hasBreaking(report) ? 1 : 0;
  } catch (error) {
    const e = error as Error;
    io.stderr.write(`error: ${e.message.split('\n')[0]}\n`);
    if (process.env.CODEGEN_DEBUG && !(error instanceof DiffError)) io.stderr.write(`${e.stack}\n`);
    return 2;
  }
}

function runGit(cwd: string, args: string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: string; message: string; code?: string };
    if (e.code === 'ENOENT') throw new DiffError('git not found');
    const detail = (e.stderr ?? '').trim().split('\n')[0] || e.message.split('\n')[0];
    if (args[0] === 'rev-parse' && args[1] === '--git-dir') throw new DiffError(`not a git repository: ${cwd}`);
    if (args[0] === 'rev-parse') throw new DiffError(`unknown git ref "${args.at(-1)!.replace(/\^\{commit\}$/, '')}"`);
    throw new DiffError(`git ${args.join(' ')}: ${detail}`);
  }
}

function chooseBase(git: (...a: string[]) => string, explicit: string | undefined): { ref: string; label: string } {
  if (explicit) return { ref: explicit, label: `${explicit} (${short(git, explicit)})` };
  try {
    const mergeBase = git('merge-base', 'HEAD', 'main').trim();
    return { ref: mergeBase, label: `merge-base of HEAD and main (${mergeBase.slice(0, 12)})` };
  } catch {
    return { ref: 'HEAD', label: `HEAD (${short(git, 'HEAD')})` };
  }
}

function short(git: (...a: string[]) => string, ref: string): string {
  return git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`).trim().slice(0, 12);
}

/** api → its file names (openapi.yaml and *.ts) under `<dir>/<api>/` at `commit`. */
function listBaseApis(git: (...a: string[]) => string, commit: string, dir: string): Map<string, string[]> {
  // `ls-tree` paths are relative to the working directory (like `git show <commit>:./path`)
  const listing = git('ls-tree', '-r', '--name-only', '-z', commit, '--', `${dir}/`);
  const apis = new Map<string, string[]>();
  for (const path of listing.split('\0').filter(Boolean)) {
    const m = new RegExp(`^${escapeRegExp(dir)}/([^/]+)/([^/]+)$`).exec(path);
    if (m) apis.set(m[1]!, [...(apis.get(m[1]!) ?? []), m[2]!]);
  }
  return new Map([...apis].filter(([, files]) => files.includes('openapi.yaml')));
}

function listHeadApis(abs: string): Map<string, string[]> {
  const apis = new Map<string, string[]>();
  if (!existsSync(abs)) return apis;
  for (const api of readdirSync(abs)) {
    const folder = join(abs, api);
    if (!statSync(folder).isDirectory()) continue;
    const files = readdirSync(folder).filter((f) => statSync(join(folder, f)).isFile());
    if (files.includes('openapi.yaml')) apis.set(api, files);
  }
  return apis;
}

function readBase(git: (...a: string[]) => string, commit: string, folder: string, files: string[], label: string): ApiFiles {
  const show = (file: string) => git('show', `${commit}:./${folder}/${file}`);
  return {
    spec: parseSpec(show('openapi.yaml'), `${folder}/openapi.yaml at ${label}`),
    ts: new Map(files.filter(isSource).map((f) => [f, show(f)])),
    names: files.includes('manifest.json') ? recordedNames(show('manifest.json')) : undefined,
  };
}

function readHead(abs: string, files: string[], folder: string): ApiFiles {
  return {
    spec: parseSpec(readFileSync(join(abs, 'openapi.yaml'), 'utf8'), `${folder}/openapi.yaml`),
    ts: new Map(files.filter(isSource).map((f) => [f, readFileSync(join(abs, f), 'utf8')])),
    names: files.includes('manifest.json') ? recordedNames(readFileSync(join(abs, 'manifest.json'), 'utf8')) : undefined,
  };
}

/** The wrapper and alias names a manifest.json records; an unreadable manifest gives none (the spec diff still runs). */
function recordedNames(text: string): RecordedNames | undefined {
  try {
    const { wrappers, aliases } = readManifest(text, 'manifest.json');
    return { wrappers: new Map([...wrappers].map(([key, recorded]) => [key, recorded.name])), aliases, patches: recordedPatches(text) };
  } catch {
    return undefined;
  }
}

/** manifest.json's `jsonPatch`: `METHOD /path` → its patchable pointers (null: left untyped). */
function recordedPatches(text: string): Map<string, string[] | null> {
  const { jsonPatch } = JSON.parse(text) as { jsonPatch?: unknown };
  const out = new Map<string, string[] | null>();
  for (const entry of Array.isArray(jsonPatch) ? (jsonPatch as Array<Record<string, unknown>>) : []) {
    const { method, path, pointers } = entry ?? {};
    if (typeof method !== 'string' || typeof path !== 'string') continue;
    out.set(`${method.toUpperCase()} ${path}`, Array.isArray(pointers) ? pointers.filter((p): p is string => typeof p === 'string') : null);
  }
  return out;
}

function isSource(file: string): boolean {
  return file.endsWith('.ts') && !file.endsWith('.d.ts');
}

function parseSpec(text: string, where: string): unknown {
  try {
    return parseYaml(text);
  } catch (error) {
    const e = error as Error & { reason?: string; mark?: { line: number; column: number } };
    throw new DiffError(`${where}${e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : ''}: YAML syntax error: ${e.reason ?? e.message.split('\n')[0]}`);
  }
}

function symbolsOf(files: ApiFiles | undefined): ApiSymbol[] {
  return files ? apiSymbols(files.ts) : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Run only when executed (`tsx codegen/api-diff/cli.ts`), not when a test imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

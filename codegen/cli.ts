/**
 * `npm run generate -- [api…] [--config redocly.yaml] [--out generated] [--check]`
 *
 * The only module that touches argv, the file system's output folder and the
 * exit code. Errors are printed as one line per problem, never a stack trace.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PipelineError } from './lib/errors.js';
import { oneLine } from './lib/escape.js';
import { diffTree, writeTree, type FileTree } from './lib/write-tree.js';
import * as cache from './lib/cache.js';
import { processIo, type CliIo } from './lib/cli-io.js';
import { summariseWarnings, warningCount } from './lib/warning-summary.js';

const USAGE = `usage: generate [api…] [--config <redocly.yaml>] [--out <dir>] [--check | --lint] [--verbose]

  api…        apis from the config to generate (default: all)
  --config    Redocly config with one "apis:" entry per vendor (default: redocly.yaml)
  --out       output folder (default: generated)
  --check     generate in memory and exit 1 listing files that differ from --out
  --lint      only lint each api's spec with the config's rules (npm run lint:specs),
              reading it as generate does; exit 1 on a lint error
  --quiet     print errors only
  --verbose   print every warning (default: a count per rule with one example)
  --timings   print stage timings (ms) as JSON on stdout
  --no-cache  regenerate even when nothing changed since the last run
  --runtime-import <specifier>
              how generated code imports the shared runtime (default ../../src/index.js)`;

export type { CliIo };

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', default: 'redocly.yaml' },
        out: { type: 'string', default: 'generated' },
        check: { type: 'boolean', default: false },
        lint: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        verbose: { type: 'boolean', short: 'v', default: false },
        'runtime-import': { type: 'string' },
        timings: { type: 'boolean', default: false },
        // Node 20's parseArgs has no --no-<flag> negation, so the flag is spelled out.
        'no-cache': { type: 'boolean', default: false },
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
  const { config, out, check, quiet, verbose } = args.values;
  const outDir = resolve(io.cwd, out);
  // Every printed problem is one line: spec text in it (paths, keys) may hold line breaks or control characters.
  const log = (line: string) => {
    if (!quiet) io.stderr.write(`${oneLine(line)}\n`);
  };

  const configPath = resolve(io.cwd, config);
  if (args.values.lint) return lintOnly(configPath, args.positionals, io, log, verbose);
  const cacheKey: cache.CacheKeyInput = { configPath, outDir, options: { runtimeImport: args.values['runtime-import'] ?? null } };
  if (!check && !args.values['no-cache']) {
    const hit = cache.lookup(cacheKey, args.positionals);
    if (hit) {
      // One line: a no-op run has nothing new to say (the warnings are the last run's).
      const warnings = hit.apis.flatMap((api) => (hit.warnings[api] ?? []).map((w) => `[${api}] ${w}`));
      if (verbose) warnings.forEach(log);
      const more = warnings.length && !verbose ? ', --verbose prints them' : '';
      log(`${hit.apis.join(', ')}: unchanged (inputs, config and generator as in the last run); ${warningCount(warnings.length)}${more}`);
      if (args.values.timings) io.stdout.write(`${JSON.stringify({ cache: 'hit', total: performance.now() })}\n`);
      return 0;
    }
  }

  // Loaded only when there is work to do: Redocly, openapi-typescript and ts-morph take seconds to load.
  // The schema worker starts first, so TypeScript and ts-morph load on the other core while this
  // thread loads Redocly.
  optimiseLater();
  const importStart = performance.now();
  const { createSchemaRunner } = await import('./worker/runner.js');
  const schemaRunner = createSchemaRunner(!process.env.CODEGEN_NO_WORKER);
  try {
    const { runPipeline } = await import('./pipeline.js');
    const startupMs = performance.now() - importStart;
    let allApis: string[] = [];
    const results = await runPipeline({
      onApis: (apis) => (allApis = apis),
      schemaRunner,
      configPath,
      apis: args.positionals,
      display: (p) => relative(io.cwd, p) || '.',
      runtimeImport: args.values['runtime-import'],
      // --verbose: every warning as it is found; otherwise a summary per rule once the run succeeded.
      onWarning: verbose ? (api, line) => log(`[${api}] ${line}`) : undefined,
      // Wrapper names once generated are kept: the previous manifest records them (lib/naming.ts).
      previousManifest: (api) => {
        const file = join(outDir, api, 'manifest.json');
        return existsSync(file) ? { text: readFileSync(file, 'utf8'), where: relative(io.cwd, file) || file } : undefined;
      },
    });
    const summary = () => [...results.flatMap(jsonPatchSummary), ...(verbose ? [] : results.flatMap((r) => summariseWarnings(r.api, r.warnings)))].forEach(log);
    const files: FileTree = new Map(results.flatMap((r) => [...r.files]));
    const owned = results.map((r) => r.api);
    if (check) {
      const diff = diffTree(outDir, files, owned);
      const problems = [
        ...diff.stale.map((f) => `stale: ${out}/${f}`),
        ...diff.missing.map((f) => `missing: ${out}/${f}`),
        ...diff.extra.map((f) => `unexpected: ${out}/${f}`),
      ];
      if (problems.length > 0) {
        io.stderr.write(`${out}/ is out of date; run \`npm run generate\`:\n${problems.map((p) => `  ${p}\n`).join('')}`);
        return 1;
      }
      log(`${out}/ is up to date (${files.size} files, apis: ${owned.join(', ')})`);
      summary();
      return 0;
    }
    const writeStart = performance.now();
    const { written, removed } = writeTree(outDir, files, owned);
    const writeMs = performance.now() - writeStart;
    cache.store(
      cacheKey,
      results.map((r) => ({ api: r.api, inputs: r.inputs, outputs: r.files, warnings: r.warnings })),
      allApis,
    );
    if (args.values.timings) {
      const perApi = Object.fromEntries(results.map((r) => [r.api, r.timings]));
      io.stdout.write(`${JSON.stringify({ startup: startupMs, apis: perApi, write: writeMs, total: performance.now() })}\n`);
    }
    for (const r of results) {
      const changed = written.filter((f) => f.startsWith(`${r.api}/`)).length;
      log(`${r.api}: ${r.files.size} files, ${changed ? `${changed} written` : 'unchanged'}`);
    }
    if (removed.length) log(`removed: ${removed.map((f) => `${out}/${f}`).join(', ')}`);
    summary();
    return 0;
  } catch (error) {
    return printError(error, io);
  } finally {
    await schemaRunner.close();
  }
}

/** `--lint`: the pipeline's own lint of each api (pipeline.ts lintApis); no schema worker, nothing written. */
async function lintOnly(configPath: string, apis: string[], io: CliIo, log: (line: string) => void, verbose: boolean): Promise<number> {
  try {
    const { lintApis } = await import('./pipeline.js');
    const results = await lintApis({ configPath, apis, display: (p) => relative(io.cwd, p) || '.' });
    for (const r of results) {
      if (verbose) r.warnings.forEach((w) => log(`[${r.api}] ${w}`));
      log(`${r.api}: no lint errors${r.warnings.length ? '' : ', no warnings'}`);
      if (!verbose) summariseWarnings(r.api, r.warnings).forEach(log);
    }
    return 0;
  } catch (error) {
    return printError(error, io);
  }
}

/** One line per problem, never a stack trace (CODEGEN_DEBUG=1 adds it for an unexpected error). */
function printError(error: unknown, io: CliIo): number {
  if (error instanceof PipelineError) {
    io.stderr.write(`error: ${oneLine(error.message)}\n${error.details.map((d) => `error: ${oneLine(d)}\n`).join('')}`);
    return 1;
  }
  const e = error as NodeJS.ErrnoException;
  io.stderr.write(`error: ${e.code ? `${e.code}: ` : ''}${oneLine(e.message?.split('\n')[0] ?? String(error))}\n`);
  if (process.env.CODEGEN_DEBUG) io.stderr.write(`${e.stack}\n`);
  return 1;
}

/**
 * The operations whose JSON Patch bodies were typed (stages/json-patch.ts), by
 * wrapper name, as manifest.json's `jsonPatch` lists them: one line per api that has any.
 */
function jsonPatchSummary(result: { api: string; files: FileTree }): string[] {
  const text = result.files.get(`${result.api}/manifest.json`);
  const entries = (text ? (JSON.parse(text) as { jsonPatch?: Array<{ wrapper: string; types?: string }> }).jsonPatch : undefined) ?? [];
  if (!entries.length) return [];
  const typed = entries.filter((e) => e.types).map((e) => e.wrapper);
  const left = entries.filter((e) => !e.types).map((e) => e.wrapper);
  const ops = (n: number) => `${n} operation${n === 1 ? '' : 's'}`;
  return [
    `${result.api}: JSON Patch bodies typed for ${ops(typed.length)}${typed.length ? `: ${typed.join(', ')}` : ''}` +
      (left.length ? `; left as the spec types them (manifest.json says why): ${left.join(', ')}` : ''),
  ];
}

// Run only when executed (`tsx codegen/cli.ts`), not when a test imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * V8 hands a function to its optimising compiler (TurboFan, on the background
 * thread) only after eight times its default amount of running: a run of a
 * few seconds otherwise compiles many functions that then run only briefly
 * (Redocly's walkers, TypeScript's parser and printer), CPU on a third busy
 * thread on two cores (docs/architecture.md, Speed). Set here, once a run is
 * certain, rather than on Node's command line: a V8 flag there makes Node
 * compile its own built-in modules again (their code cache is keyed by the
 * flags), 15 ms of every start, a no-op run's included. The schema worker,
 * started next, shares the process's flags. node:v8 is loaded here, not
 * imported: it brings Node's stream modules with it, which a no-op run never
 * needs (tested in test/codegen/bundle.test.ts).
 */
function optimiseLater(): void {
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--interrupt-budget=540672');
}

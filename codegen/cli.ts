/**
 * `npm run generate -- [api…] [--config redocly.yaml] [--out generated] [--check]`
 *
 * The only module that touches argv, the file system's output folder and the
 * exit code. Errors are printed as one line per problem, never a stack trace.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { PipelineError } from './lib/errors.js';
import { diffTree, writeTree, type FileTree } from './lib/write-tree.js';
import { runPipeline } from './pipeline.js';

const USAGE = `usage: generate [api…] [--config <redocly.yaml>] [--out <dir>] [--check]

  api…        apis from the config to generate (default: all)
  --config    Redocly config with one "apis:" entry per vendor (default: redocly.yaml)
  --out       output folder (default: generated)
  --check     generate in memory and exit 1 listing files that differ from --out
  --quiet     print errors only
  --runtime-import <specifier>
              how generated code imports the shared runtime (default ../../src/index.js)`;

export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

const processIo: CliIo = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };

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
        quiet: { type: 'boolean', default: false },
        'runtime-import': { type: 'string' },
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
  const { config, out, check, quiet } = args.values;
  const outDir = resolve(io.cwd, out);
  const log = (line: string) => {
    if (!quiet) io.stderr.write(`${line}\n`);
  };

  try {
    const results = await runPipeline({
      configPath: resolve(io.cwd, config),
      apis: args.positionals,
      display: (p) => relative(io.cwd, p) || '.',
      runtimeImport: args.values['runtime-import'],
      onWarning: (api, line) => log(`[${api}] ${line}`),
    });
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
      return 0;
    }
    const { written, removed } = writeTree(outDir, files, owned);
    for (const r of results) {
      const changed = written.filter((f) => f.startsWith(`${r.api}/`)).length;
      log(`${r.api}: ${r.files.size} files, ${changed ? `${changed} written` : 'unchanged'}`);
    }
    if (removed.length) log(`removed: ${removed.map((f) => `${out}/${f}`).join(', ')}`);
    return 0;
  } catch (error) {
    if (error instanceof PipelineError) {
      io.stderr.write(`error: ${error.message}\n${error.details.map((d) => `error: ${d}\n`).join('')}`);
      return 1;
    }
    const e = error as NodeJS.ErrnoException;
    io.stderr.write(`error: ${e.code ? `${e.code}: ` : ''}${e.message?.split('\n')[0] ?? String(error)}\n`);
    if (process.env.CODEGEN_DEBUG) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

// Run only when executed (`tsx codegen/cli.ts`), not when a test imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

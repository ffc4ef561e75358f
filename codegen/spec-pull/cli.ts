/**
 * `npm run specs:pull -- [api…] [--config redocly.yaml] [--timeout-ms 30000]`
 *
 * argv and exit codes only; the work is in pull.ts. Exit 0: every api pulled
 * (changed or not); 1: any api failed (nothing written); 2: bad arguments.
 */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { applyPull, DEFAULT_TIMEOUT_MS, describeFailure, describeOutcome, planPull, PullError, readPullSources } from './pull.js';
import { processIo, type CliIo } from '../lib/cli-io.js';

const USAGE = `usage: specs:pull [api…] [--config <redocly.yaml>] [--timeout-ms <ms>]

  api…          apis from the config to pull (default: all)
  --config      Redocly config; each api's x-codegen.sourceUrl is fetched into its root (default: redocly.yaml)
  --timeout-ms  per-request timeout (default: ${DEFAULT_TIMEOUT_MS})

A spec is replaced (atomically) only when its bytes changed, and only when every
requested api was fetched and checked: a failed run changes nothing. Without api
names, an api that has no sourceUrl is skipped with a note; named, it is an error.`;

export type { CliIo };

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        config: { type: 'string', default: 'redocly.yaml' },
        'timeout-ms': { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
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
  const timeoutMs = Number(args.values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    io.stderr.write(`error: --timeout-ms must be a positive integer (got ${JSON.stringify(args.values['timeout-ms'])})\n`);
    return 2;
  }
  const display = (p: string) => relative(io.cwd, p) || '.';
  try {
    const configPath = resolve(io.cwd, args.values.config);
    const all = readPullSources(configPath, display);
    const wanted = args.positionals;
    const unknown = wanted.filter((name) => !all.some((s) => s.api === name));
    if (unknown.length) {
      throw new PullError(`${display(configPath)}: unknown api "${unknown[0]}" (known: ${all.map((s) => s.api).join(', ')})`);
    }
    // A vendor whose spec is kept by hand (no published URL) must not stop the others' pull.
    const skipped = wanted.length ? [] : all.filter((s) => !s.sourceUrl);
    const sources = wanted.length ? all.filter((s) => wanted.includes(s.api)) : all.filter((s) => s.sourceUrl);
    for (const s of skipped) {
      io.stdout.write(`${s.api}: skipped, no sourceUrl (set apis.${s.api}.x-codegen.sourceUrl in ${display(configPath)} to pull it)\n`);
    }
    const plan = await planPull(sources, { timeoutMs });
    if (plan.failures.length) {
      for (const f of plan.failures) io.stderr.write(`error: ${describeFailure(f)}\n`);
      io.stderr.write(`nothing written (${plan.failures.length} of ${sources.length} apis failed)\n`);
      return 1;
    }
    applyPull(plan.outcomes);
    for (const o of plan.outcomes) io.stdout.write(describeOutcome(o, display).map((l) => `${l}\n`).join(''));
    if (plan.outcomes.some((o) => o.changed)) {
      io.stdout.write('next: npm run generate, then npm run api-diff to review what changed\n');
    }
    return 0;
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    io.stderr.write(`error: ${e.code ? `${e.code}: ` : ''}${e.message?.split('\n')[0] ?? String(error)}\n`);
    if (process.env.CODEGEN_DEBUG && !(error instanceof PullError)) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

// Run only when executed (`tsx codegen/spec-pull/cli.ts`), not when a test imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}

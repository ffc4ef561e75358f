/**
 * `npm run corpus -- [--profile recommended|minimal|both] [--only <text>] [--timeout-s 120] [--worker]`
 *
 * Runs every document of bench/oas-corpus/sources.json through `generate` under a
 * lint profile and prints one row per document, then a summary line:
 *
 *   ok        exit 0, every emitted .ts compiles under tsc --strict
 *   refused   exit 1 with clean one-line errors naming a file (the first line is shown)
 *   BROKEN    exit 0 but the output does not compile (the first diagnostic is shown)
 *   CRASH     any other exit, a stack trace, or JavaScript error text in the message
 *   HANG      no result within --timeout-s
 *
 * Exit code 1 when any document is BROKEN, CRASH or HANG.
 *
 * The CLI runs in a child process that generates one document after the
 * other (the pipeline's modules load once); the parent restarts it after the
 * document that hung. All outputs of a profile are compiled in one program.
 * Generating, classifying and compiling one document: test/support/oas-corpus.ts
 * (test/robust/public-corpus.test.ts runs the hardest documents the same way).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { classify, compileAll, generateOne, OAS_CORPUS, PROFILES, readSources, type Outcome, type Row } from '../../test/support/oas-corpus.js';

export function summary(rows: Row[]): string {
  const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
  return `${rows.length} documents: ${count('ok')} generated and compiling, ${count('refused')} refused, ${count('BROKEN')} exit 0 but not compiling, ${count('CRASH')} crashes, ${count('HANG')} hangs`;
}

function table(rows: Row[]): string {
  const lines = ['| # | document | openapi | outcome | detail |', '|---|---|---|---|---|'];
  rows.forEach((r, i) => lines.push(`| ${i + 1} | ${r.doc} | ${r.openapi} | ${r.outcome} | ${r.detail.replace(/\|/g, '\\|')} |`));
  return lines.join('\n');
}

/** Child: generate documents `from`… one by one, one JSON line each on stdout. */
async function child(profile: string, from: number, work: string, only: string | undefined): Promise<void> {
  const sources = readSources();
  for (let i = from; i < sources.length; i++) {
    const source = sources[i]!;
    if (only && !source.doc.includes(only)) continue;
    process.stdout.write(`${JSON.stringify({ start: i })}\n`);
    const g = await generateOne(work, profile, i, source);
    process.stdout.write(`${JSON.stringify({ done: i, ...g })}\n`);
  }
}

/** Parent: run the child, restarting it after a document that produced nothing within the timeout. */
async function runProfile(profile: string, work: string, opts: { only?: string | undefined; timeoutMs: number; worker: boolean }): Promise<Row[]> {
  const sources = readSources();
  const rows: Row[] = [];
  const outputs = new Map<number, string>();
  let from = 0;
  while (from < sources.length) {
    from = await new Promise<number>((resolveNext) => {
      const args = ['--import', 'tsx', join(OAS_CORPUS, 'run.ts'), '--child', profile, String(from), work, ...(opts.only ? ['--only', opts.only] : [])];
      const proc = spawn(process.execPath, args, {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, NO_COLOR: '1', ...(opts.worker ? {} : { CODEGEN_NO_WORKER: '1' }) },
      });
      let current = -1;
      let buffer = '';
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => proc.kill('SIGKILL'), opts.timeoutMs);
      };
      arm();
      proc.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          let message: { start?: number; done?: number; code: number | null; stderr: string; output?: string };
          try {
            message = JSON.parse(line);
          } catch {
            continue; // a stray line (a library printing to stdout) is not a result
          }
          arm();
          if (message.start !== undefined) current = message.start;
          if (message.done !== undefined) {
            const source = sources[message.done]!;
            rows[message.done] = classify(source, message);
            if (message.output) outputs.set(message.done, message.output);
            process.stderr.write(`[corpus ${profile}] ${message.done + 1}/${sources.length} ${rows[message.done]!.outcome} ${source.doc}\n`);
            current = -1;
          }
        }
      });
      proc.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (current >= 0) {
          const source = sources[current]!;
          rows[current] = signal
            ? { doc: source.doc, openapi: source.openapi, outcome: 'HANG', detail: `no result after ${opts.timeoutMs / 1000} s` }
            : { doc: source.doc, openapi: source.openapi, outcome: 'CRASH', detail: `the process exited (code ${code}) while generating` };
          resolveNext(current + 1);
        } else resolveNext(sources.length);
      });
    });
  }
  const kept = rows.filter(Boolean);
  const index = new Map(kept.map((r, i) => [r, i]));
  const compact = new Map([...outputs].map(([i, d]) => [index.get(rows[i]!)!, d] as const));
  compileAll(kept, compact);
  return kept;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      profile: { type: 'string', default: 'both' },
      only: { type: 'string' },
      'timeout-s': { type: 'string', default: '120' },
      worker: { type: 'boolean', default: false },
      child: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    await child(positionals[0]!, Number(positionals[1]), positionals[2]!, values.only);
    return 0;
  }
  const profiles = values.profile === 'both' ? Object.keys(PROFILES) : [values.profile];
  for (const p of profiles) if (!PROFILES[p]) throw new Error(`unknown profile ${p} (known: ${Object.keys(PROFILES).join(', ')})`);
  const work = join(tmpdir(), `oas-corpus-${process.pid}`);
  let bad = 0;
  const summaries: string[] = [];
  try {
    for (const profile of profiles) {
      const rows = await runProfile(profile, work, { only: values.only, timeoutMs: Number(values['timeout-s']) * 1000, worker: values.worker });
      process.stdout.write(`\n## Profile \`${profile}\`\n\n${table(rows)}\n\n${profile}: ${summary(rows)}\n`);
      summaries.push(`${profile}: ${summary(rows)}`);
      bad += rows.filter((r) => r.outcome === 'BROKEN' || r.outcome === 'CRASH' || r.outcome === 'HANG').length;
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else process.stderr.write(`outputs kept in ${relative(process.cwd(), work) || work}\n`);
  }
  process.stdout.write(`\n${summaries.join('\n')}\n`);
  return bad > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.filename === process.argv[1]) process.exitCode = await main();

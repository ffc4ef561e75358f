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
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { runMain } from '../../test/support/run-cli.js';
import { failureProblems, firstError, forgetCache, PLUGIN, REPO, runtimeImport, strictDiagnosticsOf, tsFilesUnder } from '../../test/robust/support/project.js';

export const CORPUS = join(REPO, 'bench', 'oas-corpus');

export interface Source {
  /** Path of the root document under bench/oas-corpus/docs/. */
  doc: string;
  repo: string;
  commit: string;
  path: string;
  license: string;
  openapi: string;
}

export type Outcome = 'ok' | 'refused' | 'BROKEN' | 'CRASH' | 'HANG';
export interface Row {
  doc: string;
  openapi: string;
  outcome: Outcome;
  detail: string;
}

/**
 * The lint profiles compared (see docs/generating.md, "Lint policy"). `minimal`
 * is Redocly's `minimal` ruleset plus our plugin with nothing switched on:
 * what the pipeline guarantees by itself. `recommended` is what
 * docs/adding-a-vendor.md recommends.
 */
export const PROFILES: Record<string, Record<string, unknown>> = {
  minimal: { extends: ['minimal'], plugins: [PLUGIN] },
  recommended: { extends: ['recommended', 'vendor-quirks/codegen'], plugins: [PLUGIN] },
};

export function readSources(): Source[] {
  return JSON.parse(readFileSync(join(CORPUS, 'sources.json'), 'utf8')) as Source[];
}

/** A project folder for one document: its redocly.yaml (api `doc`) and the output folder. */
export function projectFor(work: string, profile: string, index: number, source: Source): { dir: string; config: string; out: string } {
  const dir = join(work, profile, String(index));
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'redocly.yaml');
  writeFileSync(config, stringify({ ...PROFILES[profile], apis: { doc: { root: join(CORPUS, 'docs', source.doc) } } }));
  return { dir, config, out: join(dir, 'out') };
}

export interface Generated {
  code: number | null;
  stderr: string;
  /** The output folder of the api (exit 0 only). */
  output?: string;
}

/** Generates one document in this process. */
export async function generateOne(work: string, profile: string, index: number, source: Source): Promise<Generated> {
  const { dir, config, out } = projectFor(work, profile, index, source);
  // Run from docs/: messages name the document as the table does.
  const run = await runMain(['doc', '--config', config, '--out', out, '--no-cache', '--quiet', '--runtime-import', runtimeImport(dir, 'out')], join(CORPUS, 'docs'));
  forgetCache(config, out);
  return { code: run.code, stderr: run.stderr, ...(run.code === 0 ? { output: join(out, 'doc') } : {}) };
}

/** The row of a generated document, before compiling. */
export function classify(source: Source, g: Generated): Row {
  const base = { doc: source.doc, openapi: source.openapi };
  if (g.code === 0) return { ...base, outcome: 'ok', detail: '' };
  // The document's own name may hold words the crash check looks for (`additional-properties-undefined.json`).
  const stderr = g.stderr.split(source.doc).join('<doc>');
  const problems = failureProblems({ code: g.code, stdout: '', stderr }, /\S/);
  const first = firstError({ code: g.code, stdout: '', stderr: g.stderr });
  if (problems.length > 0) return { ...base, outcome: 'CRASH', detail: `${problems[0]} ${first}`.trim() };
  return { ...base, outcome: 'refused', detail: first };
}

/** Compiles every output in one program; a row with diagnostics becomes BROKEN. */
export function compileAll(rows: Row[], outputs: Map<number, string>): void {
  const files = [...outputs.values()].flatMap((d) => tsFilesUnder(d));
  if (files.length === 0) return;
  for (const diagnostic of strictDiagnosticsOf(files)) {
    const owner = [...outputs].find(([, d]) => diagnostic.file?.startsWith(d + sep));
    if (!owner) throw new Error(`diagnostic outside the generated folders: ${diagnostic.text}`);
    const row = rows[owner[0]]!;
    if (row.outcome !== 'BROKEN') Object.assign(row, { outcome: 'BROKEN', detail: diagnostic.text.split('\n')[0]!.slice(0, 300) });
  }
}

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
      const args = ['--import', 'tsx', join(CORPUS, 'run.ts'), '--child', profile, String(from), work, ...(opts.only ? ['--only', opts.only] : [])];
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

/**
 * The public OpenAPI documents of bench/oas-corpus/ through `generate`, one
 * at a time, as `npm run corpus` (bench/oas-corpus/run.ts) and
 * test/robust/public-corpus.test.ts run them: a throw-away project per
 * document and lint profile, the run classified (ok, refused, CRASH; BROKEN
 * once compiled), and every output compiled in one strict program.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { stringify } from 'yaml';
import { failureProblems, firstError } from './cli-output.js';
import { REPO, runMain } from './run-cli.js';
import { forgetCache, PLUGIN, runtimeImport } from './temp-project.js';
import { strictDiagnosticsOf, tsFilesUnder } from './tsc.js';

/** The corpus: its documents under docs/, their sources in sources.json (bench/oas-corpus/README.md). */
export const OAS_CORPUS = join(REPO, 'bench', 'oas-corpus');

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
  return JSON.parse(readFileSync(join(OAS_CORPUS, 'sources.json'), 'utf8')) as Source[];
}

/** A project folder for one document: its redocly.yaml (api `doc`) and the output folder. */
export function projectFor(work: string, profile: string, index: number, source: Source): { dir: string; config: string; out: string } {
  const dir = join(work, profile, String(index));
  mkdirSync(dir, { recursive: true });
  const config = join(dir, 'redocly.yaml');
  writeFileSync(config, stringify({ ...PROFILES[profile], apis: { doc: { root: join(OAS_CORPUS, 'docs', source.doc) } } }));
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
  const run = await runMain(['doc', '--config', config, '--out', out, '--no-cache', '--quiet', '--runtime-import', runtimeImport(dir, 'out')], join(OAS_CORPUS, 'docs'));
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

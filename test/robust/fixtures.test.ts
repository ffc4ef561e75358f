/**
 * Hostile, broken and odd specs (issue 10): one small spec per folder under
 * test/fixtures/robust/<case>/, with `expect.json`:
 *
 *   { "outcome": "generates" }                         exit 0, every emitted .ts passes tsc --strict
 *   { "outcome": "fails", "message": "<regex>" }       exit 1, one `error: ` line (plus `error:` continuation
 *                                                      lines) matching the regex and naming the spec file,
 *                                                      no stack trace, the output folder untouched
 *
 * Optional keys: `root` (the root spec file when it is not spec.yaml / spec.json),
 * `names` (the file the error must name, when it is not the root), `x-codegen`
 * (the api's x-codegen entry), `worker` (run the types stage on the worker
 * thread, as the CLI does by default), `preprocessors` (the config's
 * preprocessors instead of the four below: `{}` shows what the pipeline
 * guarantees by itself), `warning` (a regex a warning line must match),
 * `extends` (instead of `[minimal]`). The api is named after the folder.
 *
 * Each case runs in a temporary project whose redocly.yaml extends `minimal`
 * and loads the repo's plugin by absolute path with the four preprocessors on;
 * the CLI runs in-process (`runMain`), with `--runtime-import` pointing at the
 * repo's src/ so the strict compile resolves the runtime. The output folder
 * starts with an older tree (another api's files, and a stale file of this api),
 * so "untouched" and "only this api's folder changed" are both observable.
 *
 * The types stage runs in this thread (CODEGEN_NO_WORKER=1): a worker per run
 * costs about 2 s to boot, and the worker path is what the corpus and kill
 * tests run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureProblems, firstError, stderrProblems } from '../support/cli-output.js';
import { type CliRun, REPO, runCli, runMain } from '../support/run-cli.js';
import { forgetCache, generate, redoclyConfig, removeDir, ROBUST_FIXTURES, runtimeImport, snapshot, writeProject } from '../support/temp-project.js';
import { strictDiagnosticsOf, tsFilesUnder } from '../support/tsc.js';

process.env.CODEGEN_NO_WORKER = '1';

interface Expect {
  outcome: 'generates' | 'fails';
  message?: string;
  root?: string;
  names?: string;
  'x-codegen'?: Record<string, unknown>;
  /** Run with the types worker (the default of the CLI) instead of in this thread. */
  worker?: boolean;
  /** The config's `preprocessors:` (default: the four of test/support/temp-project.ts PREPROCESSORS). */
  preprocessors?: Record<string, unknown>;
  /** A regex some warning line on stderr must match (what a normalisation reports). */
  warning?: string;
  /** The config's `extends:` (default `[minimal]`), e.g. the recommended profile. */
  extends?: string[];
}

/**
 * Cases that expose a pipeline bug: kept, marked `it.fails`, listed in the
 * robustness report. Remove an entry once the lead's fix lands (the test then
 * fails as "expected to fail" until it is removed).
 */
export const KNOWN_BUGS: Record<string, string> = {};

const cases = readdirSync(ROBUST_FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(join(ROBUST_FIXTURES, e.name, 'expect.json')))
  .map((e) => e.name)
  .sort();

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

function rootOf(name: string, expectation: Expect): string {
  if (expectation.root) return expectation.root;
  for (const candidate of ['spec.yaml', 'spec.json']) if (existsSync(join(ROBUST_FIXTURES, name, candidate))) return candidate;
  throw new Error(`${name}: no spec.yaml or spec.json (set "root" in expect.json)`);
}

/** A project with the case's files, its redocly.yaml, and an older output tree. */
function projectFor(name: string, expectation: Expect): string {
  const dir = writeProject({
    'redocly.yaml': redoclyConfig(
      { [name]: { root: rootOf(name, expectation), ...(expectation['x-codegen'] ? { 'x-codegen': expectation['x-codegen'] } : {}) } },
      {
        ...(expectation.preprocessors ? { preprocessors: expectation.preprocessors } : {}),
        ...(expectation.extends ? { extends: expectation.extends } : {}),
      },
    ),
    'generated/other-api/schema.ts': 'export type Untouched = 1;\n',
    [`generated/${name}/schema.ts`]: '// an older generation\nexport {};\n',
    [`generated/${name}/leftover.ts`]: 'export {};\n',
  });
  cpSync(join(ROBUST_FIXTURES, name), dir, { recursive: true, filter: (src) => !src.endsWith('expect.json') });
  dirs.push(dir);
  return dir;
}

interface Outcome {
  run: CliRun;
  before: Record<string, string>;
  after: Record<string, string>;
  /** tsc --strict diagnostics of the case's output (generated cases with exit 0). */
  diagnostics: string[];
}

/**
 * Every case is generated first, then all outputs are compiled in one program
 * (a program per case would type-check the runtime and lib.dom again each
 * time: seconds per case instead of seconds in all).
 */
async function runAll(): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const outputs = new Map<string, string>();
  for (const name of cases) {
    const expectation = readExpect(name);
    const dir = projectFor(name, expectation);
    const out = join(dir, 'generated');
    const before = snapshot(out);
    if (expectation.worker) delete process.env.CODEGEN_NO_WORKER;
    // --verbose: every warning on its own line, for the cases' `warning` expectations.
    const run = await generate(dir, ['--no-cache', '--verbose']).finally(() => (process.env.CODEGEN_NO_WORKER = '1'));
    outcomes.set(name, { run, before, after: snapshot(out), diagnostics: [] });
    if (run.code === 0) outputs.set(name, join(out, name));
  }
  const files = [...outputs.values()].flatMap((d) => tsFilesUnder(d));
  for (const diagnostic of strictDiagnosticsOf(files)) {
    const owner = [...outputs].find(([, d]) => diagnostic.file?.startsWith(d + sep));
    if (owner) outcomes.get(owner[0])!.diagnostics.push(diagnostic.text);
    else throw new Error(`diagnostic outside the generated folders: ${diagnostic.text}`);
  }
  return outcomes;
}

function readExpect(name: string): Expect {
  return JSON.parse(readFileSync(join(ROBUST_FIXTURES, name, 'expect.json'), 'utf8')) as Expect;
}

describe('fixtures', () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(async () => {
    outcomes = await runAll();
  }, 240_000);

  it('has a case for every kind of input the issue lists', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const prefix of ['names-', 'shapes-', 'disc-', 'layout-', 'broken-']) {
      expect(cases.some((c) => c.startsWith(prefix)), prefix).toBe(true);
    }
  });

  for (const name of cases) {
    const expectation = readExpect(name);
    const bug = KNOWN_BUGS[name];
    const test = bug ? it.fails : it;
    const title = `${name}: ${expectation.outcome}${expectation.message ? ` /${expectation.message}/` : ''}${bug ? ` (BUG: ${bug})` : ''}`;

    test(title, () => {
      const { run, before, after, diagnostics } = outcomes.get(name)!;
      if (expectation.outcome === 'fails') {
        expect(failureProblems(run, expectation.names ?? rootOf(name, expectation)), run.stderr).toEqual([]);
        expect(firstError(run)).toMatch(new RegExp(expectation.message ?? '^error: '));
        expect(after).toEqual(before);
        return;
      }
      expect(run.code, run.stderr).toBe(0);
      expect(stderrProblems(run)).toEqual([]);
      if (expectation.warning) expect(run.stderr.split('\n')).toContainEqual(expect.stringMatching(new RegExp(expectation.warning)));
      // Only this api's folder changed: the other api's files stay, the stale file is gone.
      expect(after['other-api/schema.ts']).toBe(before['other-api/schema.ts']);
      expect(Object.keys(after).filter((f) => f.startsWith(`${name}/`)).sort()).toEqual(
        ['api-report.md', 'index.ts', 'manifest.json', 'openapi.yaml', 'operations.ts', 'schema.ts', 'testing.ts'].map((f) => `${name}/${f}`),
      );
      const manifest = JSON.parse(after[`${name}/manifest.json`]!) as { operations: Array<{ wrapper: string }> };
      for (const op of manifest.operations) expect(op.wrapper).toMatch(/^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u);
      expect(diagnostics).toEqual([]);
    });
  }
});

describe('CLI output (a real process)', () => {
  // Was a bug (fixed): openapi-typescript printed its own warnings straight to the console, even with --quiet
  it('--quiet prints nothing for a spec that generates, even when openapi-typescript has something to say', () => {
    const name = 'disc-mapping-not-a-schema';
    const dir = projectFor(name, readExpect(name));
    const r = runCli(['--quiet', '--no-cache', '--out', 'generated', '--runtime-import', runtimeImport(dir)], dir);
    forgetCache(join(dir, 'redocly.yaml'), join(dir, 'generated'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });

  // Was a bug: with CODEGEN_NO_WORKER=1 the types stage started before lint had finished and was not abandoned when
  // lint failed (for a discriminator mapping to '#', openapi-typescript then ran away for ~12 s). Now, without a
  // worker, the types stage starts only after lint passed.
  it('CODEGEN_NO_WORKER=1: a failed run exits at once, printing only its error', () => {
    const name = 'broken-discriminator-mapping-root';
    const dir = projectFor(name, readExpect(name));
    const started = performance.now();
    const r = spawnSync(process.execPath, [join(REPO, 'codegen/generate.mjs'), '--no-cache', '--out', 'generated', '--runtime-import', runtimeImport(dir)], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CODEGEN_NO_WORKER: '1', NO_COLOR: '1' },
      timeout: 8000,
      killSignal: 'SIGKILL',
      maxBuffer: 1 << 30,
    });
    const stray = r.stderr.split('\n').filter((l) => l && !l.startsWith('error: ') && !l.startsWith('['));
    expect({ status: r.status, strayLines: stray.length, firstStray: stray[0]?.slice(0, 100) }).toEqual({ status: 1, strayLines: 0, firstStray: undefined });
    expect(performance.now() - started).toBeLessThan(8000);
  });
});

// `npm run lint:specs` is `generate --lint`: the spec is read as generate reads it, so every refusal of an
// untrusted spec (a $ref outside the folders, a remote host not listed, a limit) holds there too. The Redocly
// CLI's own resolver (`npx redocly lint`) follows any $ref.
describe('npm run lint:specs (generate --lint) refuses what generate refuses', () => {
  const refusals = cases.filter((name) => {
    const e = readExpect(name);
    return name.startsWith('untrusted-') && e.outcome === 'fails' && /refused|limit|alias|nest/i.test(e.message ?? '');
  });

  it('covers the refusal cases', () => expect(refusals.length).toBeGreaterThanOrEqual(8));

  for (const name of refusals) {
    it(name, async () => {
      const expectation = readExpect(name);
      const dir = projectFor(name, expectation);
      const before = snapshot(join(dir, 'generated'));
      const lint = await runMain(['--lint'], dir);
      expect(failureProblems(lint, expectation.names ?? rootOf(name, expectation)), lint.stderr).toEqual([]);
      expect(firstError(lint)).toMatch(new RegExp(expectation.message!));
      expect(snapshot(join(dir, 'generated'))).toEqual(before);
    });
  }

  it('lints a spec that generates: exit 0, one line per api', async () => {
    const name = 'shapes-maps';
    const lint = await runMain(['--lint', '--quiet'], projectFor(name, readExpect(name)));
    expect(lint.code, lint.stderr).toBe(0);
    const verbose = await runMain(['--lint'], projectFor(name, readExpect(name)));
    expect(verbose.stderr).toMatch(new RegExp(`^${name}: no lint errors`, 'm'));
  });
});

/**
 * Fuzzing the pipeline with random structural mutations (issue 10).
 *
 *   npx vitest run test/robust/fuzz.test.ts                         # part of `npm test`: 40 cases, fixed seed
 *   FUZZ_RUNS=500 npx vitest run test/robust/fuzz.test.ts           # a longer campaign (same seed unless FUZZ_SEED)
 *   FUZZ_RUNS=500 FUZZ_SEED=7 npx vitest run test/robust/fuzz.test.ts
 *   FUZZ_DUMP=/tmp/cases …                                          # also write every mutated spec there
 *
 * Seeds: the vendor specs (specs/*.yaml, with their redocly.yaml preprocessors
 * and decorators) and a few robustness fixtures. Each case applies one to four
 * mutations chosen by fast-check: drop, duplicate or rename a key, swap a
 * value's type, break a `$ref` (missing pointer, missing file, malformed) or
 * make `$ref`s loop, inject a hostile string (test/support/hostile.ts)
 * as a value or a key.
 *
 * For every mutated spec the pipeline either generates (exit 0; exactly the six
 * files of the api, the other api's files untouched; manifest.json parses;
 * every .ts parses with no spec text turned into identifiers; every 5th also
 * passes tsc --strict) or fails cleanly (exit 1; `error:` lines only, the
 * first naming the spec; no stack trace; the output folder untouched). Never a
 * crash, never a hang: each case runs in a long-lived child process
 * (support/cli-server.ts) and is killed after 20 s.
 *
 * Failures are collected (not shrunk by fast-check: a case is at most four
 * mutations), minimised by dropping mutations one at a time, and printed with
 * the mutated spec written under $TMPDIR/robust-fuzz-failures/. Failures that
 * match a known bug (KNOWN, each with its fixture) are counted and printed, but
 * do not fail the run. Every new failure becomes a fixture in
 * test/fixtures/robust/.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { failureProblems, stderrProblems } from '../support/cli-output.js';
import { CliServer, type ServerResult } from '../support/cli-server.js';
import { codeProblems, PAYLOADS } from '../support/hostile.js';
import { REPO } from '../support/run-cli.js';
import { type ApiEntry, forgetCache, redoclyConfig, removeDir, ROBUST_FIXTURES, runtimeImport, snapshot, writeProject } from '../support/temp-project.js';
import { strictDiagnostics, tsFilesUnder } from '../support/tsc.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_124);
const CASE_TIMEOUT_MS = 20_000;
const TSC_EVERY = 5;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

interface Seed {
  name: string;
  spec: Json;
  /** The api entry (besides root) in redocly.yaml. */
  entry: Omit<ApiEntry, 'root'>;
  /** Other files of a multi-file seed (copied as they are). */
  folder?: string;
  root: string;
}

function loadSeeds(): Seed[] {
  const repoConfig = parseYaml(readFileSync(join(REPO, 'redocly.yaml'), 'utf8')) as { apis: Record<string, ApiEntry> };
  const seeds: Seed[] = [];
  for (const [name, api] of Object.entries(repoConfig.apis)) {
    const { root, ...entry } = api;
    seeds.push({ name: `specs/${name}`, spec: parseYaml(readFileSync(join(REPO, root), 'utf8')) as Json, entry, root: 'spec.yaml' });
  }
  const fixture = (name: string, root = 'spec.yaml') => {
    const expectation = JSON.parse(readFileSync(join(ROBUST_FIXTURES, name, 'expect.json'), 'utf8')) as { 'x-codegen'?: Record<string, unknown> };
    seeds.push({
      name: `fixture/${name}`,
      spec: parseYaml(readFileSync(join(ROBUST_FIXTURES, name, root), 'utf8')) as Json,
      entry: expectation['x-codegen'] ? { 'x-codegen': expectation['x-codegen'] } : {},
      folder: join(ROBUST_FIXTURES, name),
      root,
    });
  };
  fixture('disc-boolean-const-31');
  fixture('disc-string-implicit-30');
  fixture('shapes-recursive-30');
  fixture('shapes-composition');
  fixture('names-no-operation-id');
  fixture('layout-multi-file', 'openapi.yaml');
  return seeds;
}

// ---------------------------------------------------------------------------
// Mutations: each picks its target by index into the nodes of the current tree,
// so a case is a small list of integers that fast-check generates and that
// replays exactly.

const KINDS = ['drop', 'duplicate', 'rename', 'swapType', 'breakRef', 'loopRef', 'hostileValue', 'hostileKey', 'hostileText', 'retype', 'reshape'] as const;
type Kind = (typeof KINDS)[number];
interface Mutation {
  kind: Kind;
  /** Where to look for the target: 0 anywhere, 1 under components.schemas, 2 under paths (mutations there more often pass lint). */
  scope: number;
  at: number;
  pick: number;
}

type Path = Array<string | number>;

/** Every container node (object or array) with its path, in document order. */
function containers(root: Json): Array<{ path: Path; node: Obj | Json[] }> {
  const out: Array<{ path: Path; node: Obj | Json[] }> = [];
  const walk = (node: Json, path: Path) => {
    if (node === null || typeof node !== 'object') return;
    out.push({ path, node });
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i]));
    else for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(root, []);
  return out;
}

/** Objects that have at least one key (targets for key mutations). */
function objectsWithKeys(root: Json): Array<{ path: Path; node: Obj }> {
  return containers(root).filter((c): c is { path: Path; node: Obj } => !Array.isArray(c.node) && Object.keys(c.node).length > 0);
}

const TYPE_SAMPLES: Json[] = [null, true, 0, -1.5, '', 'text', [], [1, 'a'], {}, { type: 'string' }, { $ref: '#/components/schemas/Missing' }];
const BROKEN_REFS = ['#/components/schemas/DoesNotExist', './missing-file.yaml', './missing-file.yaml#/Thing', '#', '#/', '##', '#/paths', '%%', '#/components/schemas/a~2b', ''];

function hostile(pick: number): string {
  return PAYLOADS[pick % PAYLOADS.length]!(`PWNED_${9000 + (pick % PAYLOADS.length)}`);
}

/** Keys whose string values are free text (mutations there usually pass lint and reach the generator). */
const TEXT_KEYS = new Set(['description', 'summary', 'title', 'operationId', 'example', 'default', 'name', 'pattern', 'format', 'url', 'const']);

/** Objects that look like schemas (where schema-level mutations make sense). */
function schemaLike(root: Json): Array<{ path: Path; node: Obj }> {
  return containers(root).filter(
    (c): c is { path: Path; node: Obj } =>
      !Array.isArray(c.node) && ['type', 'properties', 'allOf', 'oneOf', 'anyOf', 'enum', 'items'].some((k) => k in c.node),
  );
}

const TYPES: Json[] = ['string', 'integer', 'number', 'boolean', 'array', 'object', ['string', 'null'], ['integer', 'string']];

/** Schema-level changes that stay (mostly) valid OpenAPI: the shapes the generator must handle. */
const RESHAPES: Array<[string, (s: Obj) => void]> = [
  ['nullable', (s) => (s.nullable = true)],
  ['readOnly', (s) => (s.readOnly = true)],
  ['writeOnly', (s) => (s.writeOnly = true)],
  ['deprecated', (s) => (s.deprecated = true)],
  ['additionalProperties: false', (s) => (s.additionalProperties = false)],
  ['additionalProperties: {type: string}', (s) => (s.additionalProperties = { type: 'string' })],
  ['require every property', (s) => (s.required = Object.keys((s.properties as Obj) ?? {}))],
  ['drop required', (s) => delete s.required],
  ['enum of the hostile strings', (s) => ((s.type = 'string'), (s.enum = PAYLOADS.map((_, i) => hostile(i))))],
  ['const true', (s) => (s.const = true)],
  ['wrap in allOf', (s) => { const copy = structuredClone(s); for (const k of Object.keys(s)) delete s[k]; s.allOf = [copy]; }],
  ['wrap in oneOf with a string', (s) => { const copy = structuredClone(s); for (const k of Object.keys(s)) delete s[k]; s.oneOf = [copy, { type: 'string' }]; }],
  ['wrap in anyOf with null', (s) => { const copy = structuredClone(s); for (const k of Object.keys(s)) delete s[k]; s.anyOf = [copy, { type: 'null' }]; }],
  ['discriminator on the first property', (s) => (s.discriminator = { propertyName: Object.keys((s.properties as Obj) ?? { kind: 1 })[0]! })],
  ['not a string', (s) => (s.not = { type: 'string' })],
  ['items: {}', (s) => ((s.type = 'array'), (s.items = {}))],
  ['empty properties', (s) => ((s.type = 'object'), (s.properties = {}))],
];

/** Applies one mutation in place; returns a short description (or undefined when it had nothing to act on). */
function mutate(spec: Json, m: Mutation): string | undefined {
  if (m.kind === 'hostileText') {
    const texts: Array<{ path: Path; node: Obj | Json[]; key: string | number }> = [];
    for (const c of containers(spec)) {
      if (Array.isArray(c.node)) {
        if (c.path[c.path.length - 1] === 'enum') c.node.forEach((v, i) => typeof v === 'string' && texts.push({ ...c, key: i }));
      } else for (const [k, v] of Object.entries(c.node)) if (typeof v === 'string' && TEXT_KEYS.has(k)) texts.push({ ...c, key: k });
    }
    if (texts.length === 0) return undefined;
    const t = texts[m.at % texts.length]!;
    (t.node as Record<string | number, Json>)[t.key] = hostile(m.pick);
    return `set #/${[...t.path, t.key].join('/')} = ${JSON.stringify(hostile(m.pick))}`;
  }
  if (m.kind === 'retype' || m.kind === 'reshape') {
    const schemas = schemaLike(spec);
    if (schemas.length === 0) return undefined;
    const { path, node } = schemas[m.at % schemas.length]!;
    if (m.kind === 'retype') {
      node.type = structuredClone(TYPES[m.pick % TYPES.length]!);
      return `type of #/${path.join('/')} = ${JSON.stringify(node.type)}`;
    }
    const [what, change] = RESHAPES[m.pick % RESHAPES.length]!;
    change(node);
    return `#/${path.join('/')}: ${what}`;
  }
  const prefix = [[], ['components', 'schemas'], ['paths']][m.scope % 3]!;
  const all = objectsWithKeys(spec);
  const scoped = all.filter((o) => prefix.every((p, i) => o.path[i] === p));
  const objs = scoped.length ? scoped : all;
  if (objs.length === 0) return undefined;
  const { path, node } = objs[m.at % objs.length]!;
  const keys = Object.keys(node);
  const key = keys[m.pick % keys.length]!;
  const where = `#/${[...path, key].map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
  switch (m.kind) {
    case 'drop':
      delete node[key];
      return `drop ${where}`;
    case 'duplicate': {
      const copy = `${key}${m.pick % 2 ? '' : '_copy'}${m.pick % 3 ? '2' : ''}`;
      node[copy] = structuredClone(node[key]!);
      return `duplicate ${where} as ${JSON.stringify(copy)}`;
    }
    case 'rename': {
      const names = [keys[(m.pick + 1) % keys.length]!, '', `${key}-renamed`, key.toUpperCase(), 'constructor', '__proto__', 'x'];
      const to = names[m.pick % names.length]!;
      if (to === key) return undefined;
      const value = node[key]!;
      delete node[key];
      Object.defineProperty(node, to, { value, enumerable: true, writable: true, configurable: true });
      return `rename ${where} to ${JSON.stringify(to)}`;
    }
    case 'swapType': {
      const sample = TYPE_SAMPLES[m.pick % TYPE_SAMPLES.length]!;
      node[key] = structuredClone(sample);
      return `set ${where} = ${JSON.stringify(sample)}`;
    }
    case 'breakRef': {
      const refs = containers(spec).filter((c) => !Array.isArray(c.node) && typeof (c.node as Obj).$ref === 'string');
      if (refs.length === 0) return undefined;
      const target = refs[m.at % refs.length]!;
      const to = BROKEN_REFS[m.pick % BROKEN_REFS.length]!;
      (target.node as Obj).$ref = to;
      return `$ref at #/${target.path.join('/')} = ${JSON.stringify(to)}`;
    }
    case 'loopRef': {
      const schemas = (spec as Obj)?.components && ((spec as Obj).components as Obj)?.schemas;
      if (!schemas || typeof schemas !== 'object' || Array.isArray(schemas)) return undefined;
      const names = Object.keys(schemas);
      if (names.length === 0) return undefined;
      const a = names[m.at % names.length]!;
      const b = names[m.pick % names.length]!;
      const ref = (n: string) => `#/components/schemas/${encodeURIComponent(n.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
      if (m.pick % 3 === 0) {
        (schemas as Obj)[a] = { $ref: ref(b) };
        (schemas as Obj)[b] = { $ref: ref(a) };
        return `schemas ${a} and ${b}: $refs to each other`;
      }
      const s = (schemas as Obj)[a];
      if (s && typeof s === 'object' && !Array.isArray(s)) {
        (s as Obj).properties = { ...(((s as Obj).properties as Obj) ?? {}), loop: { $ref: ref(b) } };
        (s as Obj).type = 'object';
      }
      return `schema ${a}.properties.loop = $ref ${b}`;
    }
    case 'hostileValue': {
      node[key] = hostile(m.pick);
      return `set ${where} = ${JSON.stringify(node[key])}`;
    }
    case 'hostileKey': {
      const to = hostile(m.pick);
      const value = node[key]!;
      delete node[key];
      node[to] = value;
      return `rename ${where} to ${JSON.stringify(to)}`;
    }
  }
}

const mutationArb = fc.record({ kind: fc.constantFrom(...KINDS), scope: fc.nat({ max: 2 }), at: fc.nat({ max: 100_000 }), pick: fc.nat({ max: 1000 }) });

interface Case {
  seed: number;
  mutations: Mutation[];
}

// ---------------------------------------------------------------------------

/** Failures that match a known bug: counted, printed, not failing. Each has a fixture. */
const KNOWN: Array<{ bug: string; fixture: string; test: (text: string) => boolean }> = [
  // None open. Entry format, for the next one (with a `// BUG:` line and its fixture):
  // { bug: 'Redocly rule crash without a location', fixture: 'broken-allof-ref-object', test: (t) => /could not lint/.test(t) },
];

interface Verdict {
  /** The first attempt timed out and a fresh cli-server answered in time (see `check`). */
  retried?: boolean;
  ok: boolean;
  outcome: 'generated' | 'rejected' | 'timeout' | 'crash' | 'other';
  problems: string[];
  ms: number;
  firstError?: string;
}

const server = new CliServer();
const dirs: string[] = [];
afterAll(async () => {
  await server.close();
  dirs.forEach(removeDir);
});

function specText(spec: Json): string {
  return stringifyYaml(spec, { aliasDuplicateObjects: false, lineWidth: 0 });
}

async function check(seed: Seed, spec: Json, withTsc: boolean): Promise<Verdict> {
  const dir = writeProject({
    'redocly.yaml': redoclyConfig({ fuzz: { root: seed.root, ...seed.entry } }),
    'generated/other-api/schema.ts': 'export type Untouched = 1;\n',
    'generated/fuzz/schema.ts': '// an older generation\nexport {};\n',
  });
  dirs.push(dir);
  if (seed.folder) cpSync(seed.folder, dir, { recursive: true, filter: (src) => !src.endsWith('expect.json') });
  writeFileSync(join(dir, seed.root), specText(spec));
  const out = join(dir, 'generated');
  const before = snapshot(out);
  const args = ['--out', 'generated', '--no-cache', '--runtime-import', runtimeImport(dir)];
  let result: ServerResult = await server.run(args, dir, CASE_TIMEOUT_MS);
  // A timeout can be the previous case's fault: with CODEGEN_NO_WORKER the types stage runs in the
  // CLI's own thread and, started before lint failed, can keep it busy after main() returned.
  // A fresh cli-server decides: a real hang times out again.
  const retried = result.kind === 'timeout';
  if (retried) result = await server.run(args, dir, CASE_TIMEOUT_MS);
  forgetCache(join(dir, 'redocly.yaml'), out);
  const verdict = await verdictOf(result, seed, out, before, withTsc);
  return retried ? { ...verdict, retried } : verdict;
}

async function verdictOf(result: ServerResult, seed: Seed, out: string, before: Record<string, string>, withTsc: boolean): Promise<Verdict> {
  if (result.kind === 'timeout') return { ok: false, outcome: 'timeout', problems: [`no answer after ${CASE_TIMEOUT_MS} ms (hang)`], ms: result.ms };
  if (result.kind === 'crash') return { ok: false, outcome: 'crash', problems: [result.message.split('\n').slice(0, 4).join(' | ')], ms: result.ms };
  const run = { code: result.code, stdout: result.stdout, stderr: result.stderr };
  const after = snapshot(out);
  const problems: string[] = [];
  if (run.code === 1) {
    problems.push(...failureProblems(run, new RegExp(`^error: (${seed.root.replace('.', '\\.')}|[\\w./-]+\\.(yaml|json))[:\\s]`)));
    if (JSON.stringify(after) !== JSON.stringify(before)) problems.push('a failed run changed the output folder');
    const firstError = run.stderr.split('\n').find((l) => l.startsWith('error: '));
    return { ok: problems.length === 0, outcome: 'rejected', problems, ms: result.ms, ...(firstError ? { firstError } : {}) };
  }
  if (run.code !== 0) return { ok: false, outcome: 'other', problems: [`exit code ${run.code}: ${run.stderr.slice(0, 300)}`], ms: result.ms };
  const files = Object.keys(after).filter((f) => f.startsWith('fuzz/')).sort();
  const expected = ['api-report.md', 'index.ts', 'manifest.json', 'openapi.yaml', 'operations.ts', 'schema.ts', 'testing.ts'].map((f) => `fuzz/${f}`);
  if (JSON.stringify(files) !== JSON.stringify(expected)) problems.push(`output files ${JSON.stringify(files)}`);
  if (after['other-api/schema.ts'] !== before['other-api/schema.ts']) problems.push('another api folder changed');
  problems.push(...stderrProblems(run));
  try {
    JSON.parse(after['fuzz/manifest.json'] ?? '');
  } catch {
    problems.push('manifest.json does not parse');
  }
  for (const file of files.filter((f) => f.endsWith('.ts'))) problems.push(...codeProblems(file, after[file]!));
  if (withTsc && problems.length === 0) problems.push(...strictDiagnostics(tsFilesUnder(join(out, 'fuzz'))).map((d) => d.trim()));
  return { ok: problems.length === 0, outcome: 'generated', problems, ms: result.ms };
}

function apply(seed: Seed, mutations: Mutation[]): { spec: Json; applied: string[] } {
  const spec = structuredClone(seed.spec);
  const applied: string[] = [];
  for (const m of mutations) {
    const what = mutate(spec, m);
    if (what) applied.push(what);
  }
  return { spec, applied };
}

describe('fuzzing', () => {
  it(`${RUNS} mutated specs (seed ${SEED}): each generates cleanly or fails cleanly, never crashes or hangs`, async () => {
    const seeds = loadSeeds();
    const caseArb = fc.record({ seed: fc.nat({ max: seeds.length - 1 }), mutations: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) });
    const cases: Case[] = fc.sample(caseArb, { seed: SEED, numRuns: RUNS });

    const tally = { generated: 0, rejected: 0, tsc: 0, known: 0, busy: 0 };
    const rejections = new Map<string, number>();
    const failures: string[] = [];
    const failureDir = join(tmpdir(), 'robust-fuzz-failures');
    const started = performance.now();

    for (const [index, c] of cases.entries()) {
      const seed = seeds[c.seed]!;
      const withTsc = index % TSC_EVERY === 0;
      const { spec, applied } = apply(seed, c.mutations);
      if (process.env.FUZZ_DUMP) {
        mkdirSync(process.env.FUZZ_DUMP, { recursive: true });
        writeFileSync(join(process.env.FUZZ_DUMP, `case${index}.yaml`), `# ${seed.name}: ${applied.join('; ')}\n${specText(spec)}`);
      }
      const verdict = await check(seed, spec, withTsc);
      if (verdict.retried) {
        // Not a failure of the CLI as users run it (the types worker is terminated when a run ends),
        // but printed: the previous case kept the in-thread types stage busy for 20 s or more.
        tally.busy++;
        console.log(`[fuzz] case ${index}: the cli-server was still busy after case ${index - 1} (runaway types stage after a failed run, CODEGEN_NO_WORKER only; known: fixture broken-discriminator-mapping-root)`);
      }
      if (verdict.outcome === 'generated') tally.generated++;
      if (verdict.outcome === 'rejected') {
        tally.rejected++;
        const kind = (verdict.firstError ?? '').replace(/^error: \S+?(:\d+:\d+)?: /, '').replace(/\(at .*$/, '').replace(/".*?"/g, '"…"').slice(0, 70);
        rejections.set(kind, (rejections.get(kind) ?? 0) + 1);
      }
      if (withTsc && verdict.outcome === 'generated') tally.tsc++;
      if (verdict.ok) continue;

      const text = verdict.problems.join('\n');
      const known = KNOWN.find((k) => k.test(text));
      // Minimise: drop mutations one at a time while the same kind of failure remains.
      let minimal = c.mutations;
      for (let i = 0; i < minimal.length && minimal.length > 1; ) {
        const fewer = minimal.filter((_, j) => j !== i);
        const v = await check(seed, apply(seed, fewer).spec, withTsc);
        if (!v.ok && v.outcome === verdict.outcome) minimal = fewer;
        else i++;
      }
      const repro = apply(seed, minimal);
      mkdirSync(failureDir, { recursive: true });
      const file = join(failureDir, `seed${SEED}-case${index}.yaml`);
      writeFileSync(file, `# ${seed.name}: ${repro.applied.join('; ')}\n${specText(repro.spec)}`);
      const line = `case ${index} [${seed.name}] ${verdict.outcome}: ${repro.applied.join('; ')}\n    ${verdict.problems.slice(0, 3).join('\n    ')}\n    spec: ${file}`;
      if (known) {
        tally.known++;
        console.log(`[fuzz] known bug (${known.bug}, fixture ${known.fixture}): ${line}`);
      } else failures.push(line);
    }

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `[fuzz] ${cases.length} cases in ${seconds} s (seed ${SEED}): ${tally.generated} generated (${tally.tsc} compiled with tsc --strict), ` +
        `${tally.rejected} rejected cleanly, ${tally.known} hit known bugs, ${failures.length} new failures; ` +
        `${tally.busy} cases found the cli-server busy with the previous one; cli-server restarts: ${server.restarts}`,
    );
    console.log(`[fuzz] rejections: ${[...rejections].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}× ${k}`).join(' | ')}`);
    expect(failures, failures.join('\n')).toEqual([]);
  }, 60_000 + RUNS * 25_000);
});

// The seeds themselves generate (a sanity check for the harness: a mutation-free case is clean).
describe('fuzz seeds', () => {
  it('every seed generates unmodified', async () => {
    for (const seed of loadSeeds()) {
      const verdict = await check(seed, seed.spec, false);
      expect(verdict.problems, seed.name).toEqual([]);
      expect(verdict.outcome, seed.name).toBe('generated');
    }
  }, 120_000);
});

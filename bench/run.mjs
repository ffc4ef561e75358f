#!/usr/bin/env node
// `npm run bench`: our generator against the tools it replaces and two peer
// generators, on real specs, all measured in the same run as whole processes.
// Writes bench/results.md and bench/results.svg; progress goes to stderr.
// See bench/README.md for what is measured and how to read it.
//
//   npm run bench [-- --runs N] [--stress-runs N] [--tsc-runs N] [--quick] [--only id,…] [--out <prefix>]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { corpusConfig, CORPUS_SPECS } from '../test/support/corpus-config.mjs';
import { FAKED, preparePkg, sourcesConfig, writeConsumerFiles } from './consumer.mjs';
import { failureMessage, measure, median, rssMethod } from './measure.mjs';
import { plotSvg } from './plot.mjs';

const benchStart = performance.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const corpusDir = join(root, '..', 'shared', 'corpus');
const CACHE_DIR = join(root, 'node_modules', '.cache', 'vendor-api-clients');
const tsc = join(root, 'node_modules', '.bin', 'tsc');

const { values: flags } = parseArgs({
  options: {
    runs: { type: 'string' },
    'stress-runs': { type: 'string' },
    'tsc-runs': { type: 'string' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (flags.help) {
  process.stdout.write(`usage: npm run bench -- [options]
  --runs N         timed runs per command on the seed and full specs (default 5; --quick: 2)
  --stress-runs N  timed runs per command on GitHub and Stripe (default 3; --quick: 1)
  --tsc-runs N     timed runs of each consumer tsc check (default 3; --quick: 2)
  (one untimed warm-up round of every command runs on the first input)
  --quick          2 runs, seed + full specs only, throughput shortened; writes to the OS temp folder
  --only ids       comma-separated inputs: seed, scale-gp-full, launchdarkly-full, github, stripe
  --out prefix     where to write <prefix>.md and <prefix>.svg (default bench/results)
`);
  process.exit(0);
}
const int = (v, d) => (v === undefined ? d : Math.max(1, Number.parseInt(v, 10) || d));
const runs = int(flags.runs, flags.quick ? 2 : 5);
const stressRuns = int(flags['stress-runs'], flags.quick ? 1 : 3);
const tscRuns = int(flags['tsc-runs'], flags.quick ? 2 : 3);
const outPrefix = flags.out ?? (flags.quick ? join(os.tmpdir(), 'vendor-api-clients-bench.quick') : join(benchDir, 'results'));

const log = (line) => process.stderr.write(`[bench ${((performance.now() - benchStart) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);
const fmtS = (ms) => (ms === undefined ? '—' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtMiB = (kib) => (kib === undefined ? '—' : `${Math.round(kib / 1024)} MiB`);
const fmtRatio = (r) => (r === undefined || !Number.isFinite(r) ? '—' : `${r.toFixed(2)}×`);
const fmtBytes = (b) => `${(b / 1e6).toFixed(b < 1e5 ? 3 : 1)} MB`;

// ---------------------------------------------------------------------------
// Setup: dependencies, our generate command, inputs.

if (!existsSync(join(root, 'node_modules', '.bin', 'redocly'))) {
  log('error: the root dependencies are missing; run `npm ci` first');
  process.exit(1);
}
const peerBins = { orval: join(benchDir, 'node_modules', '.bin', 'orval'), hey: join(benchDir, 'node_modules', '.bin', 'openapi-ts') };
if (!Object.values(peerBins).every(existsSync)) {
  log('installing the peer generators: npm ci --prefix bench (bench/package-lock.json)');
  const r = spawnSync('npm', ['ci', '--prefix', benchDir, '--no-audit', '--no-fund', '--loglevel', 'error'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    log('error: npm ci --prefix bench failed');
    process.exit(1);
  }
}

/**
 * Our generator, as users run it: the root package.json's `generate` script
 * (`node <file>`, or `tsx <file>`, run as `node --import tsx <file>` so the
 * measured process is node itself, not a tsx wrapper process).
 */
function oursCommand() {
  const script = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts?.generate ?? '';
  const [tool, ...rest] = script.trim().split(/\s+/);
  if (tool === 'node' && rest.length) return [process.execPath, rest];
  if (tool === 'tsx' && rest.length) return [process.execPath, ['--import', 'tsx', ...rest]];
  return [process.execPath, ['--import', 'tsx', 'codegen/cli.ts']];
}
const [oursBin, oursArgs] = oursCommand();
const oursDisplay = `node ${oursArgs.join(' ')}`;

const corpus = (f) => join(corpusDir, f);
// The full specs run through the project's own redocly.yaml, only the roots swapped.
const fullConfig = corpusConfig(mkdtempSync(join(os.tmpdir(), 'bench-corpus-config-')), corpusDir);
const allInputs = [
  { id: 'seed', label: 'seed specs (both apis)', kind: 'seed', config: 'redocly.yaml', apis: ['scale-gp', 'launchdarkly'], specs: ['specs/scale-gp.yaml', 'specs/launchdarkly.yaml'].map((f) => join(root, f)) },
  { id: 'scale-gp-full', label: 'full Scale GP', kind: 'full', config: fullConfig, apis: ['scale-gp'], specs: [corpus(CORPUS_SPECS['scale-gp'])] },
  { id: 'launchdarkly-full', label: 'full LaunchDarkly', kind: 'full', config: fullConfig, apis: ['launchdarkly'], specs: [corpus(CORPUS_SPECS.launchdarkly)] },
  { id: 'github', label: 'GitHub', kind: 'stress', config: 'bench/stress.redocly.yaml', apis: ['github'], specs: [corpus('github.openapi.json')] },
  { id: 'stripe', label: 'Stripe', kind: 'stress', config: 'bench/stress.redocly.yaml', apis: ['stripe'], specs: [corpus('stripe.openapi.yaml')] },
];
const only = flags.only?.split(',').map((s) => s.trim());
const notes = [];
const inputs = [];
for (const input of allInputs) {
  if (only && !only.includes(input.id)) continue;
  if (flags.quick && !only && input.kind === 'stress') continue;
  const missing = input.specs.filter((f) => !existsSync(f));
  if (missing.length) {
    const note = `skipped ${input.label}: ${missing.map((f) => relative(root, f)).join(', ')} not found (../shared/corpus/ absent)`;
    log(note);
    notes.push(note);
    continue;
  }
  input.bytes = input.specs.reduce((n, f) => n + statSync(f).size, 0);
  inputs.push(input);
}

const tmp = mkdtempSync(join(os.tmpdir(), 'vendor-api-clients-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// ---------------------------------------------------------------------------
// The commands, per input. Each: { name, argv, cwd, before?() } run as one process tree.

const shellQuote = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
/** One command per spec, run one after another as one process tree (sh -c … && …) when there are several. */
function perSpec(input, make) {
  const cmds = input.specs.map(make);
  return cmds.length === 1 ? cmds[0] : ['sh', ['-c', cmds.map(([c, a]) => [c, ...a].map(shellQuote).join(' ')).join(' && ')]];
}
const specName = (f) => basename(f).replace(/\.(ya?ml|json)$/, '');

function commandsFor(input) {
  const dir = join(tmp, input.id);
  const pkg = join(dir, 'pkg');
  const outDir = join(pkg, 'generated');
  const ours = [oursBin, [...oursArgs, ...input.apis, '--config', input.config, '--out', outDir, '--timings', '--quiet']];
  return {
    dir,
    pkg,
    commands: [
      {
        key: 'cold',
        name: 'ours, cold',
        argv: ours,
        cwd: root,
        before: () => {
          rmSync(outDir, { recursive: true, force: true });
          rmSync(CACHE_DIR, { recursive: true, force: true });
        },
      },
      // Immediately after the cold run, on its unchanged output (cache kept).
      { key: 'noop', name: 'ours, no-op regenerate', argv: ours, cwd: root, after: 'cold' },
      {
        key: 'baseline',
        name: 'spawned tools (redocly lint + bundle, openapi-typescript)',
        argv: [process.execPath, [join(benchDir, 'baseline.mjs'), input.config, input.apis.join(','), join(dir, 'baseline')]],
        cwd: root,
        before: () => rmSync(join(dir, 'baseline'), { recursive: true, force: true }),
      },
      {
        key: 'orval',
        name: 'orval (fetch client)',
        argv: perSpec(input, (f) => [peerBins.orval, ['--input', f, '--output', join(dir, 'orval', `${specName(f)}.ts`), '--client', 'fetch']]),
        cwd: dir,
        before: () => rmSync(join(dir, 'orval'), { recursive: true, force: true }),
      },
      {
        key: 'hey',
        name: '@hey-api/openapi-ts (default SDK)',
        argv: perSpec(input, (f) => [peerBins.hey, ['-i', f, '-o', join(dir, 'hey', specName(f))]]),
        cwd: dir,
        before: () => rmSync(join(dir, 'hey'), { recursive: true, force: true }),
      },
    ],
  };
}
const COMMAND_KEYS = ['cold', 'noop', 'baseline', 'orval', 'hey'];
const COMMAND_NAMES = { cold: 'ours, cold', noop: 'ours, no-op regenerate', baseline: 'spawned tools', orval: 'orval', hey: '@hey-api/openapi-ts' };

// ---------------------------------------------------------------------------
// Generation: per input, commands alternated (A A' B C D, A A' B C D, …) after one warm-up round.

// Node's own start on this machine (every command above pays it): the floor of
// a no-op regenerate. NODE_EXTRA_CA_CERTS, when set, makes Node parse a CA
// bundle at every start.
const nodeStart = [];
for (let i = 0; i < 5; i++) nodeStart.push((await measure(process.execPath, ['-e', ''])).ms);

const results = [];
for (const [i, input] of inputs.entries()) {
  const { dir, pkg, commands } = commandsFor(input);
  mkdirSync(dir, { recursive: true });
  preparePkg(pkg, root);
  const n = input.kind === 'stress' ? stressRuns : runs;
  // One warm-up round per command, on the first input: every run is a fresh
  // process, so what a warm-up warms is the OS page cache (node_modules, our
  // build) and on-disk caches, which later inputs then share. Each input's
  // spec files are read once before its first timed run for the same reason.
  const warmup = i === 0;
  for (const f of input.specs) readFileSync(f);
  const res = { input, runs: n, warmup, cmd: Object.fromEntries(COMMAND_KEYS.map((k) => [k, { runs: [], error: undefined }])), stages: {}, pkg };
  results.push(res);
  log(`[${i + 1}/${inputs.length}] ${input.label} (${fmtBytes(input.bytes)}): ${warmup ? '1 warm-up + ' : ''}${n} run(s) of each command`);
  for (let round = warmup ? 0 : 1; round <= n; round++) {
    for (const c of commands) {
      const slot = res.cmd[c.key];
      if (slot.error) continue;
      if (c.after && res.cmd[c.after].error) {
        slot.error = `not run: the ${COMMAND_NAMES[c.after]} run failed`;
        continue;
      }
      c.before?.();
      const r = await measure(c.argv[0], c.argv[1], { cwd: c.cwd });
      const tag = round === 0 ? 'warm-up' : `run ${round}/${n}`;
      if (!r.ok) {
        slot.error = failureMessage(r);
        log(`  ${tag} ${c.name}: FAILED: ${slot.error}`);
        continue;
      }
      log(`  ${tag} ${c.name}: ${fmtS(r.ms)}, ${fmtMiB(r.rssKiB)}`);
      if (round === 0) continue;
      slot.runs.push({ ms: r.ms, cpuMs: r.cpuMs, rssKiB: r.rssKiB });
      if (c.key === 'cold') collectStages(res.stages, r.stdout);
    }
  }
  if (input.id === 'github' && !res.cmd.cold.error) res.tscClean = await tscClean(pkg, input.apis[0]);
}

/** Adds one run's `--timings` fields (summed over the apis of the run) to `into[stage]`. */
function collectStages(into, stdout) {
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) return;
  const t = JSON.parse(line);
  const run = {};
  for (const [k, v] of Object.entries(t)) if (typeof v === 'number') run[k] = v;
  for (const api of Object.values(t.apis ?? {})) for (const [k, v] of Object.entries(api)) if (typeof v === 'number') run[k] = (run[k] ?? 0) + v;
  for (const [k, v] of Object.entries(run)) (into[k] ??= []).push(v);
}

// ---------------------------------------------------------------------------
// Strict tsc of a generated output (GitHub's target: tsc-clean).

async function tscClean(pkg, api) {
  log(`  tsc --noEmit (strict) on the generated ${api} output`);
  const r = await measure(tsc, ['-p', sourcesConfig(pkg, api, { emit: false })], { cwd: pkg });
  const errors = (r.stdout.match(/error TS\d+/g) ?? []).length;
  const first = r.stdout.split('\n').filter((l) => /error TS\d+/.test(l)).slice(0, 3).map((l) => l.replace(`${pkg}/`, ''));
  log(`  tsc: ${r.ok ? 'clean' : `${errors} error(s)`} in ${fmtS(r.ms)}, ${fmtMiB(r.rssKiB)}`);
  return { ok: r.ok, errors, first, ms: r.ms, rssKiB: r.rssKiB };
}

// ---------------------------------------------------------------------------
// Consumer type-check cost: (a) every wrapper vs (b) bare openapi-fetch, per api of the seed and full inputs;
// (c) and (d): (a) with the api's fake in a test (10 operations faked, every operation faked) vs (a).

const consumer = [];
for (const res of results) {
  if (res.input.kind === 'stress' || res.cmd.cold.error) continue;
  for (const api of res.input.apis) {
    const label = res.input.kind === 'seed' ? `seed ${api}` : res.input.label;
    log(`consumer tsc: ${label}: emitting declarations of the generated output (untimed; also its strict tsc check)`);
    const emit = await measure(tsc, ['-p', sourcesConfig(res.pkg, api, { emit: true })], { cwd: res.pkg });
    const entry = { label, kind: res.input.kind, api, emitOk: emit.ok, emitErrors: (emit.stdout.match(/error TS\d+/g) ?? []).length, a: [], b: [], c: [], d: [], aRss: [], bRss: [], cRss: [], dRss: [] };
    consumer.push(entry);
    const files = writeConsumerFiles(res.pkg, api);
    entry.operations = files.operationCount;
    // No separate warm-up: the emit just ran the same tsc on the same declarations.
    for (let round = 1; round <= tscRuns; round++) {
      const names = { a: 'wrappers', b: 'bare openapi-fetch', c: `wrappers + fake (${FAKED} operations)`, d: 'wrappers + fake (every operation)' };
      for (const [k, cfg] of [['a', files.wrappers], ['b', files.bare], ['c', files.fake], ['d', files['fake-all']]]) {
        const r = await measure(tsc, ['-p', cfg], { cwd: res.pkg });
        if (!r.ok) entry[`${k}Error`] = failureMessage(r);
        log(`  run ${round}/${tscRuns} (${k}) ${names[k]}: ${fmtS(r.ms)}, ${fmtMiB(r.rssKiB)}${r.ok ? '' : ' (tsc errors)'}`);
        entry[k].push(r.ms);
        entry[`${k}Rss`].push(r.rssKiB);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Wrapper call throughput vs bare openapi-fetch (stub fetch, and Node's fetch against a local server).

log('throughput: wrapper calls vs bare openapi-fetch, stub fetch and a 127.0.0.1 server');
let throughput;
{
  const r = await measure(process.execPath, [join(benchDir, 'throughput.mjs'), '--batches', flags.quick ? '5' : '9'], { cwd: root });
  if (r.ok) throughput = JSON.parse(r.stdout.trim().split('\n').at(-1));
  else notes.push(`throughput failed: ${failureMessage(r)}`);
  for (const t of throughput ?? []) log(`  ${t.name}: ${fmtRatio(t.ratio)} (${Math.round(t.opsPerSec.wrapper)} vs ${Math.round(t.opsPerSec.bare)} ops/s)`);
}

// ---------------------------------------------------------------------------
// Report.

const totalMs = performance.now() - benchStart;
const med = (res, key) => median(res.cmd[key].runs.map((r) => r.ms));
const medRss = (res, key) => median(res.cmd[key].runs.map((r) => r.rssKiB));
const byId = Object.fromEntries(results.map((r) => [r.input.id, r]));
const ratio = (res, a, b) => (res && med(res, a) !== undefined && med(res, b) !== undefined ? med(res, a) / med(res, b) : undefined);
const medCpu = (res, key) => median(res.cmd[key].runs.map((r) => r.cpuMs).filter((v) => v !== undefined));
const cpuRatio = (res, a, b) => (res && medCpu(res, a) !== undefined && medCpu(res, b) !== undefined ? medCpu(res, a) / medCpu(res, b) : undefined);

function versionOf(dir, name) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}
const git = (args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min: the machine is shared); Node start (\`node -e ''\`, median of 5) ${fmtS(median(nodeStart))}${process.env.NODE_EXTRA_CA_CERTS ? ' with NODE_EXTRA_CA_CERTS set' : ''}`;
const tools = [
  `vendor-api-clients ${rootPkg.version} (git ${git(['describe', '--always', '--dirty'])})`,
  ...['@redocly/openapi-core', '@redocly/cli', 'openapi-typescript', 'ts-morph', 'typescript', 'openapi-fetch', 'tsx'].map((n) => `${n} ${versionOf(root, n)}`),
  ...['orval', '@hey-api/openapi-ts'].map((n) => `${n} ${versionOf(benchDir, n)}`),
].join(', ');

const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');
const targets = [];
// Issue 23: ours against orval, same run, cold, medians of whole processes.
for (const id of ['scale-gp-full', 'launchdarkly-full', 'github', 'stripe']) {
  const res = byId[id];
  const label = res?.input.label ?? allInputs.find((x) => x.id === id)?.label ?? id;
  const why = (k) => res?.cmd[k].error ?? res?.cmd.cold.error ?? 'not run';
  const full = id.endsWith('-full');
  const wallGoal = full ? 0.7 : 0.8;
  const vsOrval = ratio(res, 'cold', 'orval');
  const wall = vsOrval === undefined ? `— (${why('orval')})` : `${fmtRatio(vsOrval)} (${fmtS(med(res, 'cold'))} / ${fmtS(med(res, 'orval'))})`;
  targets.push([`cold generate vs orval, wall, ${label}`, `≤ ${wallGoal}×`, wall, verdict(vsOrval === undefined ? undefined : vsOrval <= wallGoal)]);
  if (full) {
    const cpu = cpuRatio(res, 'cold', 'orval');
    const text = cpu === undefined ? `— (${why('orval')})` : `${fmtRatio(cpu)} (${fmtS(medCpu(res, 'cold'))} / ${fmtS(medCpu(res, 'orval'))} CPU)`;
    targets.push([`cold generate vs orval, CPU time, ${label}`, '≤ 1.0×', text, verdict(cpu === undefined ? undefined : cpu <= 1)]);
    const vsBase = ratio(res, 'cold', 'baseline');
    targets.push([`cold generate vs spawned tools, ${label}`, '≤ 0.5×', vsBase === undefined ? `— (${why('baseline')})` : fmtRatio(vsBase), verdict(vsBase === undefined ? undefined : vsBase <= 0.5)]);
  }
}
{
  const gh = byId.github;
  const name = 'GitHub: one process, peak RSS ≤ 640 MiB, tsc-clean';
  if (!gh) targets.push([name, '≤ 640 MiB, 0 tsc errors', '— (not run)', 'n/a']);
  else if (gh.cmd.cold.error) targets.push([name, '≤ 640 MiB, 0 tsc errors', `failed: ${gh.cmd.cold.error}`, 'FAIL']);
  else {
    const rss = Math.max(...gh.cmd.cold.runs.map((r) => r.rssKiB ?? 0));
    const clean = gh.tscClean;
    const ok = rss <= 640 * 2 ** 10 && clean?.ok;
    targets.push([name, '≤ 640 MiB, 0 tsc errors', `${fmtMiB(rss)}, ${fmtS(med(gh, 'cold'))}; tsc: ${clean?.ok ? 'clean' : `${clean?.errors} error(s)`}`, verdict(ok)]);
  }
}
for (const res of results.filter((r) => r.input.kind !== 'stress')) {
  const r = ratio(res, 'noop', 'cold');
  // The issue's targets are for the full specs. On the seed specs a cold run is
  // about a second, so Node's own start alone is over 8 % of it: shown, not judged.
  const judged = res.input.kind === 'full';
  const goal = judged ? '≤ 0.08' : 'info (target is for the full specs)';
  targets.push([`no-op regenerate / cold, ${res.input.label}`, goal, r === undefined ? `— (${res.cmd.noop.error ?? 'not run'})` : `${r.toFixed(3)} (${fmtS(med(res, 'noop'))} / ${fmtS(med(res, 'cold'))}; Node start alone ${fmtS(median(nodeStart))})`, judged ? verdict(r === undefined ? undefined : r <= 0.08) : '—']);
}
for (const c of consumer) {
  const a = median(c.a);
  const b = median(c.b);
  const bad = c.aError || c.bError;
  // Judged on the full specs, as the issue sets it; the seed files (one operation
  // each) time tsc's own start-up on both sides: shown, not judged.
  const judged = c.kind === 'full';
  targets.push([
    `consumer tsc, wrappers / bare openapi-fetch, ${c.label}`,
    judged ? '≤ 1.0×' : 'info (target is for the full specs)',
    `${fmtRatio(a / b)} (${fmtS(a)} / ${fmtS(b)})${bad ? ' — tsc reported errors, see below' : ''}`,
    bad ? 'FAIL' : judged ? verdict(a / b <= 1) : '—',
  ]);
  // Issue 26: a consumer's tsc with the fake in a test stays within 10 % (a test fakes the calls its code makes;
  // every operation faked is shown beside it).
  for (const [k, what] of [['c', `${FAKED} operations faked`], ['d', 'every operation faked']]) {
    const x = median(c[k]);
    const failed = c.aError || c[`${k}Error`];
    const judgedHere = judged && k === 'c';
    targets.push([
      `consumer tsc, wrappers + fake (${what}) / wrappers, ${c.label}`,
      judgedHere ? '≤ 1.10×' : 'info',
      `${fmtRatio(x / a)} (${fmtS(x)} / ${fmtS(a)})${failed ? ' — tsc reported errors, see below' : ''}`,
      failed ? 'FAIL' : judgedHere ? verdict(x / a <= 1.1) : '—',
    ]);
  }
}
// Issue 19: everything on; ≥ 0.85× with the stub (our own overhead), ≥ 0.97× against a real server (what users feel).
for (const t of throughput ?? []) {
  const target = t.clock === 'cpu' ? 0.85 : 0.97;
  const setting = t.clock === 'cpu' ? 'stub fetch, per CPU s' : '127.0.0.1 server, per wall s';
  targets.push([`wrapper throughput / bare openapi-fetch, ${t.name.split(' (')[0]}, ${setting}`, `≥ ${target}×`, `${fmtRatio(t.ratio)} (${Math.round(t.opsPerSec.wrapper)} / ${Math.round(t.opsPerSec.bare)} ops/s)`, verdict(t.ratio >= target)]);
}

const md = [];
md.push('# Benchmark results', '');
md.push(`Written by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (bench/run.mjs); how to read it: bench/README.md.`, '');
md.push(`- **Date:** ${new Date().toISOString()}`);
md.push(`- **Machine:** ${machine}`);
md.push(`- **Tools:** ${tools}`);
md.push(`- **Runs:** seed and full specs ${runs} per command, GitHub and Stripe ${stressRuns}; one untimed warm-up round of every command on the first input (${results[0]?.input.label ?? '—'}), and each spec read once before its input's first timed run. Commands alternated within each input (cold, no-op, spawned tools, orval, hey-api, then again). Medians. Consumer tsc: ${tscRuns} runs per file, alternated, after the declaration emit (same tsc, same files) as warm-up.`);
md.push(`- **Peak RSS:** ${rssMethod}.`);
md.push(`- **Total bench duration:** ${fmtS(totalMs)} (${(totalMs / 60000).toFixed(1)} min), including installs and all steps below.`);
for (const n of notes) md.push(`- **Note:** ${n}`);
md.push('');
md.push('## Targets', '');
md.push('| target | goal | measured | |', '|---|---|---|---|');
for (const t of targets) md.push(`| ${t.join(' | ')} |`);
md.push('');
md.push('## Generation: median wall time, CPU time and peak RSS, whole processes', '');
md.push(`Ours is \`${oursDisplay} <api…> --config <cfg> --out <tmp> --timings --quiet\` (the \`generate\` script of package.json); "cold" deletes the output folder and node_modules/.cache/vendor-api-clients before each run; "no-op" runs the same command again right after, on that unchanged output. Ratios are ours (cold) / that command.`, '');
md.push('| input | size | command | median | CPU (user + sys) | peak RSS | ours cold / this | runs |', '|---|---|---|---|---|---|---|---|');
for (const res of results) {
  for (const k of COMMAND_KEYS) {
    const s = res.cmd[k];
    const m = med(res, k);
    const cell = s.error && !s.runs.length ? `failed: ${s.error.replace(/\|/g, '\\|')}` : fmtS(m);
    const r = k === 'cold' || k === 'noop' ? (k === 'noop' && m !== undefined ? `no-op = ${(ratio(res, 'noop', 'cold') * 100).toFixed(1)} % of cold` : '') : fmtRatio(ratio(res, 'cold', k));
    const cpu = s.runs.length ? fmtS(medCpu(res, k)) : '—';
    md.push(`| ${k === 'cold' ? res.input.label : ''} | ${k === 'cold' ? fmtBytes(res.input.bytes) : ''} | ${COMMAND_NAMES[k]} | ${cell} | ${cpu} | ${fmtMiB(medRss(res, k))} | ${r} | ${s.runs.length} |`);
  }
}
md.push('');
md.push('## Our cold run, per stage (medians of the `--timings` fields, ms; summed over the apis of an input)', '');
const perProcess = ['startup', 'write', 'total'];
const stageKeys = [...new Set(results.flatMap((r) => Object.keys(r.stages)))].sort(
  (a, b) => (a === 'startup' ? -1 : b === 'startup' ? 1 : 0) || perProcess.indexOf(a) - perProcess.indexOf(b),
);
if (stageKeys.length) {
  md.push(`| input | ${stageKeys.join(' | ')} |`, `|---|${stageKeys.map(() => '---:').join('|')}|`);
  for (const res of results) {
    if (!Object.keys(res.stages).length) continue;
    md.push(`| ${res.input.label} | ${stageKeys.map((k) => (res.stages[k] ? Math.round(median(res.stages[k])) : '—')).join(' | ')} |`);
  }
  md.push('', '`startup`, `write`, `total` are per process; the others are per api (summed). `total` is time since process start as the process itself sees it, so the wall time above adds process exit.');
}
md.push('');
if (byId.github?.tscClean) {
  const t = byId.github.tscClean;
  md.push('## GitHub output: strict tsc', '');
  md.push(`\`tsc --noEmit\` (strict, skipLibCheck) on the generated GitHub client (index.ts and everything it imports): ${t.ok ? 'clean' : `${t.errors} error(s)`}, ${fmtS(t.ms)}, ${fmtMiB(t.rssKiB)}.`);
  for (const l of t.first) md.push(`    ${l}`);
  md.push('');
}
md.push('## Consumer type-check cost', '');
md.push(`For each api, our output's declarations are emitted once (\`tsc --declaration --emitDeclarationOnly\`, untimed: consumers of the package get .d.ts files, its \`exports\` point at dist/**/*.d.ts), then two files are checked with \`tsc -p\` (strict, \`skipLibCheck\`, NodeNext, no @types), alternated, ${tscRuns} runs each:`);
md.push('');
md.push('- (a) `wrappers.ts`: `import * as ops from \'…/operations.js\'`, `declare const client: ApiClient<paths>; declare const args: unknown;`, then one statement per operation in the manifest: `out.push((await ops.<name>(client, args as Parameters<typeof ops.<name>>[1])).data);`');
md.push('- (b) `bare.ts`: `import type { Client, MaybeOptionalInit } from \'openapi-fetch\'`, `declare const client: Client<paths>; declare const init: unknown;`, then for the same operations: `out.push((await client.<METHOD>("<path>", init as MaybeOptionalInit<paths["<path>"], "<method>">)).data);`');
md.push('');
md.push(`- (c) \`fake.ts\`: (a), then the api's fake (\`vendor-api-clients/<api>/testing\`) created with handlers for the first ${FAKED} operations (\`<name>: (args) => (args === undefined ? dropConnection() : new Response(null, { status: 503 }))\`, so that each handler's argument and reply types are resolved) and their recorded calls read (\`fake.calls.<name>.length\`); (d) \`fake-all.ts\`: the same for every operation.`);
md.push('');
md.push('Both make tsc resolve each operation\'s argument type and its result\'s `data` type; (a) through our `OperationArgs`/`OperationResult`, (b) through openapi-fetch\'s own generics. The emit step is also a strict tsc check of the generated sources (the fakes\' testing.ts included).', '');
md.push('| api | operations | declarations emit (strict tsc of the output) | (a) wrappers | (b) bare | (a)/(b) | peak RSS (a) / (b) | (c) + fake | (c)/(a) | (d) + fake, all | (d)/(a) |', '|---|---:|---|---|---|---|---|---|---|---|---|');
for (const c of consumer) {
  const err = (k) => (c[`${k}Error`] ? ` (errors: ${c[`${k}Error`]})` : '');
  md.push(`| ${c.label} | ${c.operations ?? '—'} | ${c.emitOk ? 'clean' : `${c.emitErrors} error(s)`} | ${fmtS(median(c.a))}${err('a')} | ${fmtS(median(c.b))}${err('b')} | ${fmtRatio(median(c.a) / median(c.b))} | ${fmtMiB(median(c.aRss))} / ${fmtMiB(median(c.bRss))} | ${fmtS(median(c.c))}${err('c')} | ${fmtRatio(median(c.c) / median(c.a))} | ${fmtS(median(c.d))}${err('d')} | ${fmtRatio(median(c.d) / median(c.a))} |`);
}
md.push('');
md.push('## Wrapper call throughput', '');
md.push('bench/throughput.mjs: the committed seed clients\' one operation each; the same request through our free function with everything on (defaults: 60 s timeout, 2 retries, User-Agent, the log at `warn`; an idempotency header declared; per-call `{ timeoutMs, maxRetries, headers }`; `requestId` read) and through `createClient<paths>({ baseUrl, headers: { <auth header>: key } })` of openapi-fetch, both with the same `fetch`: a stub returning a fresh canned 200 JSON Response (ops per CPU second of the process: our own overhead), or Node\'s fetch against a node:http server on 127.0.0.1 in a child process (ops per wall second: what users feel). The runtime is measured as JavaScript (an esbuild bundle of src/ and the seed clients, openapi-fetch external), as consumers run it. Each call is awaited and its `data` read. Batches (≈ 150 ms of bare calls, sized after a warm-up) alternated in an order that rotates each round, after 3 warm-up batches each; ops/s are medians, ratios the median of neighbouring batches\' ratios. "no timer" is our client with `timeoutMs: 0`.', '');
md.push('| operation | clock | wrapper ops/s | bare ops/s | wrapper / bare | wrapper, no timer / bare | wrapper / bare, other clock |', '|---|---|---:|---:|---|---|---|');
for (const t of throughput ?? []) md.push(`| ${t.name} | ${t.clock} | ${Math.round(t.opsPerSec.wrapper)} | ${Math.round(t.opsPerSec.bare)} | ${fmtRatio(t.ratio)} | ${fmtRatio(t.ratioNoTimeout)} | ${fmtRatio(t.other.ratio)} (${t.other.clock}) |`);
md.push('');
md.push('## Commands', '');
md.push(`- ours: \`${oursDisplay} <api…> --config <cfg> --out <tmp>/pkg/generated --timings --quiet\`; seed: \`--config redocly.yaml\` (both apis in one run), full specs: \`--config <redocly.yaml with the roots pointed at ../shared/corpus>\` (\`node bench/corpus-config.mjs\`), GitHub/Stripe: \`--config bench/stress.redocly.yaml\` (lint profile \`minimal\`, documented in that file).`);
md.push('- spawned tools: `node bench/baseline.mjs <cfg> <api,…> <tmp>`: `redocly lint <api…> --config <cfg>`, then per api `redocly bundle <api> --config <cfg> -o <tmp>/<api>.yaml` and `openapi-typescript <tmp>/<api>.yaml -o <tmp>/<api>.ts` (repo\'s node_modules/.bin), one process tree.');
md.push('- orval: `orval --input <spec> --output <tmp>/orval/<name>.ts --client fetch`; hey-api: `openapi-ts -i <spec> -o <tmp>/hey/<name>` (bench/node_modules). Peers get the vendor spec as published (no normalisation); for the seed input, one run per spec, chained with `&&` in one `sh -c`.');
md.push('');
writeFileSync(`${outPrefix}.md`, `${md.join('\n')}`);

const series = COMMAND_KEYS.map((k) => ({
  name: { cold: 'ours, cold', noop: 'ours, no-op regenerate', baseline: 'spawned tools', orval: 'orval 7.13 (fetch)', hey: 'hey-api openapi-ts 0.99' }[k],
  dashed: k === 'noop',
  points: results.filter((r) => med(r, k) !== undefined).map((r) => ({ x: r.input.bytes, y: med(r, k) / 1000, label: r.input.label })),
}));
writeFileSync(`${outPrefix}.svg`, plotSvg({ title: 'Generation time vs spec size (medians, whole processes)', subtitle: `${cpus.length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; failed runs not plotted`, series }));

log(`wrote ${relative(process.cwd(), outPrefix) || outPrefix}.md and .svg in ${fmtS(totalMs)}`);
process.stderr.write(`\n${targets.map((t) => `${t[3].padEnd(5)} ${t[0]}: ${t[2]} (goal ${t[1]})`).join('\n')}\n`);

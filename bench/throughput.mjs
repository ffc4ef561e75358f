// Wrapper call throughput vs bare openapi-fetch (bench/run.mjs step 6).
// Run as `node bench/throughput.mjs [--batches N]`; prints one JSON line.
//
// The runtime and the seed clients are measured as JavaScript, the way a
// consumer runs them: esbuild strips the types into one module (openapi-fetch
// stays external, as in the package). Loading the .ts through tsx would time
// its keep-names helper too (a defineProperty on every closure we create).
//
// Both sides send the same request (the committed seed clients' one operation
// each: path parameter, JSON body, API-key header) through the same `fetch`,
// in two settings:
//   stub  a canned 200 JSON Response made fresh per call: our own overhead;
//   http  Node's own fetch against a node:http server on 127.0.0.1 in a child
//         process (answers 200 JSON with an x-request-id): what users feel.
// The wrapper side has everything switched on: the free function on
// `create<Vendor>ApiClient` with the defaults (60 s timeout per attempt, 2
// retries, User-Agent, the log at `warn`), an idempotency header declared for
// the api (so every PATCH gets a fresh key), per-call options
// `{ timeoutMs, maxRetries, headers }`, and `requestId` read from the response.
// The bare side is openapi-fetch's `createClient` with the same baseUrl, the
// key as a default header and the same fetch. "no timer" is the wrapper with
// `timeoutMs: 0`, to show what the per-attempt timer costs.
// Method: calls are awaited one after another; batches of a calibrated size
// (about 150 ms of bare calls, calibrated after a warm-up), after 3 warm-up
// batches each, alternated wrapper/bare/no-timer in an order that rotates
// each round; ops/s is the median over the batches, and the ratio
// is the median of the ratios of neighbouring batches (robust to load drift on
// a shared machine). Stub: per CPU second of this process (every call is CPU
// work here, so that is our overhead whatever the neighbours do); server: per
// wall-clock second (a call mostly waits: what a user feels). `other` gives
// the figures on the other clock.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import createClient from 'openapi-fetch';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the repo, so that `openapi-fetch` resolves from the bundle.
const outDir = join(root, 'node_modules', '.cache', 'vendor-api-clients', 'bench-throughput');
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, `clients-${process.pid}.mjs`);
await build({
  stdin: {
    contents: [
      "export { createApiClient } from './src/client.ts';",
      "export { scaleGpApi, updateApplicationSpec } from './generated/scale-gp/index.ts';",
      "export { launchDarklyApi, patchApplication } from './generated/launchdarkly/index.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  external: ['openapi-fetch'],
  outfile,
  logLevel: 'silent',
});
const { createApiClient, scaleGpApi, updateApplicationSpec, launchDarklyApi, patchApplication } = await import(pathToFileURL(outfile).href);

const batches = Number(process.argv[process.argv.indexOf('--batches') + 1]) || 15;
/** Wall time of one batch of bare calls: long enough that a busy machine's scheduling evens out within it. */
const BATCH_MS = 150;

const RESPONSE_BODY = '{"id":"x","name":"y","kind":"z"}';
const stub = async () => new Response(RESPONSE_BODY, { status: 200, headers: { 'content-type': 'application/json', 'x-request-id': 'req_1' } });

/** The HTTP server, in its own process so that it does not share this event loop. */
async function startServer() {
  const source = `
    const http = require('node:http');
    const body = ${JSON.stringify(RESPONSE_BODY)};
    const server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-request-id': 'req_1' });
        res.end(body);
      });
    });
    server.keepAliveTimeout = 60000;
    server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
    process.stdin.on('end', () => process.exit(0));
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout, 'data');
  return { url: `http://127.0.0.1:${Number(String(chunk).trim())}`, close: () => child.stdin.end() };
}

const sgpArgs = { application_spec_id: 'spec_1', body: { name: 'x' } };
const ldArgs = { applicationKey: 'app', body: [{ op: 'replace', path: '/description', value: 'x' }] };
const callOptions = { timeoutMs: 30_000, maxRetries: 2, headers: { 'x-trace': 't' } };

function cases(setting, fetchImpl, urls) {
  const opts = (timeoutMs) => ({ apiKey: 'k', fetch: fetchImpl, ...(urls ? { baseUrl: urls } : {}), ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  const sgp = { ...scaleGpApi, idempotencyHeader: 'Idempotency-Key' };
  const ld = { ...launchDarklyApi, idempotencyHeader: 'Idempotency-Key' };
  const sgpBase = urls ?? 'https://api.egp.scale.com';
  const ldBase = urls ?? 'https://app.launchdarkly.com';
  const bareFetch = fetchImpl ?? globalThis.fetch;
  return [
    {
      name: `Scale GP updateApplicationSpec (PATCH, path param, JSON body), ${setting}`,
      wrapper: ((c) => () => updateApplicationSpec(c, sgpArgs, callOptions))(createApiClient(sgp, opts())),
      noTimeout: ((c) => () => updateApplicationSpec(c, sgpArgs, { ...callOptions, timeoutMs: 0 }))(createApiClient(sgp, opts(0))),
      bare: ((c) => () =>
        c.PATCH('/v4/application-specs/{application_spec_id}', { params: { path: { application_spec_id: 'spec_1' } }, body: { name: 'x' }, headers: { 'x-trace': 't' } }))(
        createClient({ baseUrl: sgpBase, headers: { 'x-api-key': 'k' }, fetch: bareFetch }),
      ),
    },
    {
      name: `LaunchDarkly patchApplication (PATCH, path param, JSON Patch body), ${setting}`,
      wrapper: ((c) => () => patchApplication(c, ldArgs, callOptions))(createApiClient(ld, opts())),
      noTimeout: ((c) => () => patchApplication(c, ldArgs, { ...callOptions, timeoutMs: 0 }))(createApiClient(ld, opts(0))),
      bare: ((c) => () =>
        c.PATCH('/api/v2/applications/{applicationKey}', { params: { path: { applicationKey: 'app' } }, body: ldArgs.body, headers: { 'x-trace': 't' } }))(
        createClient({ baseUrl: ldBase, headers: { Authorization: 'k' }, fetch: bareFetch }),
      ),
    },
  ];
}

/** Calls per second of wall time and of this process's CPU time (user + system, all its threads). */
async function batch(fn, n) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    const r = await fn();
    if (!r.response.ok || r.data === undefined) throw new Error('unexpected result');
  }
  const used = process.cpuUsage(cpu);
  return { wall: (n * 1000) / (performance.now() - start), cpu: (n * 1e6) / (used.user + used.system) };
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

async function measureCase(c) {
  const kinds = ['wrapper', 'bare', 'noTimeout'];
  // Warm up before calibrating (the first calls open the connection and compile): calibrated cold, the
  // first server case got batches of 25 calls, far shorter than BATCH_MS.
  for (const k of kinds) await batch(c[k], 50);
  // Calibrate on the bare client: calls per BATCH_MS batch.
  let n = 25;
  while ((n * 1000) / (await batch(c.bare, n)).wall < BATCH_MS) n *= 2;
  const rates = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < 3; i++) for (const k of kinds) await batch(c[k], n);
  // The order rotates each round, so that no kind always runs right after another (whose garbage the
  // collector may still be working off) or always first.
  for (let i = 0; i < batches; i++) {
    for (let j = 0; j < kinds.length; j++) {
      const k = kinds[(i + j) % kinds.length];
      rates[k].push(await batch(c[k], n));
    }
  }
  const med = (clock) => Object.fromEntries(kinds.map((k) => [k, median(rates[k].map((r) => r[clock]))]));
  const pairRatio = (k, clock) => median(rates[k].map((r, i) => r[clock] / rates.bare[i][clock]));
  // With the stub every call is CPU work in this process, so its CPU time is
  // our overhead even when neighbours load the machine; against the server a
  // call mostly waits, and wall time is what a user feels.
  const clock = c.name.endsWith(', stub') ? 'cpu' : 'wall';
  return {
    name: c.name,
    clock,
    callsPerBatch: n,
    batches,
    opsPerSec: med(clock),
    ratio: pairRatio('wrapper', clock),
    ratioNoTimeout: pairRatio('noTimeout', clock),
    other: { clock: clock === 'cpu' ? 'wall' : 'cpu', opsPerSec: med(clock === 'cpu' ? 'wall' : 'cpu'), ratio: pairRatio('wrapper', clock === 'cpu' ? 'wall' : 'cpu') },
  };
}

const results = [];
const stubCases = cases('stub', stub);
// JIT compilation runs on V8's own threads and counts as this process's CPU
// time: every case is run for a while first, so the first one measured does
// not pay for the others' compilation.
for (let round = 0; round < 5; round++) for (const c of stubCases) for (const k of ['wrapper', 'bare', 'noTimeout']) await batch(c[k], 400);
for (const c of stubCases) results.push(await measureCase(c));
const server = await startServer();
try {
  for (const c of cases('http', undefined, server.url)) results.push(await measureCase(c));
} finally {
  server.close();
  rmSync(outfile, { force: true });
}
process.stdout.write(`${JSON.stringify(results)}\n`);

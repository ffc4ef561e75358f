// Wrapper call throughput vs bare openapi-fetch (bench/run.mjs step 6).
// Run as `node --import tsx bench/throughput.mjs [--batches N]`; prints one JSON line.
//
// Both sides get the same stub `fetch` (a canned 200 JSON Response, made fresh
// per call because a body can be read once) and send the same request: the
// committed seed clients' one operation each, with path parameter, JSON body and
// API-key header. The wrapper side is the free function on the default client
// (`create<Vendor>ApiClient({ apiKey, fetch })`: timeouts, retries and
// path-parameter checks on); the bare side is openapi-fetch's `createClient`
// with the same baseUrl, the key as a default header and the same stub.
// Method: calls are awaited one after another; batches of a calibrated size
// (about 50 ms of bare calls each), alternated wrapper/bare, after 3 warm-up batches each;
// ops/s is the median over the batches.
import createClient from 'openapi-fetch';
import { createScaleGpApiClient, updateApplicationSpec } from '../generated/scale-gp/index.js';
import { createLaunchDarklyApiClient, patchApplication } from '../generated/launchdarkly/index.js';

const batches = Number(process.argv[process.argv.indexOf('--batches') + 1]) || 15;

const stub = async () =>
  new Response('{"id":"x","name":"y","kind":"z"}', { status: 200, headers: { 'content-type': 'application/json' } });

const cases = [
  {
    name: 'Scale GP updateApplicationSpec (PATCH, path param, JSON body)',
    wrapper: (() => {
      const client = createScaleGpApiClient({ apiKey: 'k', fetch: stub });
      return () => updateApplicationSpec(client, { application_spec_id: 'spec_1', body: { name: 'x' } });
    })(),
    noTimeout: (() => {
      const client = createScaleGpApiClient({ apiKey: 'k', fetch: stub, timeoutMs: 0 });
      return () => updateApplicationSpec(client, { application_spec_id: 'spec_1', body: { name: 'x' } });
    })(),
    bare: (() => {
      const client = createClient({ baseUrl: 'https://api.egp.scale.com', headers: { 'x-api-key': 'k' }, fetch: stub });
      return () =>
        client.PATCH('/v4/application-specs/{application_spec_id}', { params: { path: { application_spec_id: 'spec_1' } }, body: { name: 'x' } });
    })(),
  },
  {
    name: 'LaunchDarkly patchApplication (PATCH, path param, JSON Patch body)',
    wrapper: (() => {
      const client = createLaunchDarklyApiClient({ apiKey: 'k', fetch: stub });
      return () => patchApplication(client, { applicationKey: 'app', body: [{ op: 'replace', path: '/description', value: 'x' }] });
    })(),
    noTimeout: (() => {
      const client = createLaunchDarklyApiClient({ apiKey: 'k', fetch: stub, timeoutMs: 0 });
      return () => patchApplication(client, { applicationKey: 'app', body: [{ op: 'replace', path: '/description', value: 'x' }] });
    })(),
    bare: (() => {
      const client = createClient({ baseUrl: 'https://app.launchdarkly.com', headers: { Authorization: 'k' }, fetch: stub });
      return () =>
        client.PATCH('/api/v2/applications/{applicationKey}', {
          params: { path: { applicationKey: 'app' } },
          body: [{ op: 'replace', path: '/description', value: 'x' }],
        });
    })(),
  },
];

async function batch(fn, n) {
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await fn();
    if (!r.response.ok || r.data === undefined) throw new Error('unexpected result');
  }
  return (n * 1000) / (performance.now() - start);
}

const median = (xs) => {
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

const results = [];
for (const c of cases) {
  const kinds = ['wrapper', 'bare', 'noTimeout'];
  // Calibrate on the bare client: calls per ~50 ms batch.
  let n = 100;
  while ((n * 1000) / (await batch(c.bare, n)) < 50) n *= 2;
  const rates = Object.fromEntries(kinds.map((k) => [k, []]));
  for (let i = 0; i < 3; i++) for (const k of kinds) await batch(c[k], n);
  for (let i = 0; i < batches; i++) for (const k of kinds) rates[k].push(await batch(c[k], n));
  const med = Object.fromEntries(kinds.map((k) => [k, median(rates[k])]));
  results.push({ name: c.name, callsPerBatch: n, batches, opsPerSec: med, ratio: med.wrapper / med.bare, ratioNoTimeout: med.noTimeout / med.bare });
}
process.stdout.write(`${JSON.stringify(results)}\n`);

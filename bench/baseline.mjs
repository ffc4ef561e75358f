#!/usr/bin/env node
// The spawned-tools baseline, timed by bench/run.mjs as one process tree:
// what you get by running the three CLIs our pipeline replaces, one after
// another, on the same config and apis (comma-separated):
//   redocly lint <api…> --config <cfg>                       (one process for all apis)
//   redocly bundle <api> --config <cfg> -o <work>/<api>.yaml  (per api)
//   openapi-typescript <work>/<api>.yaml -o <work>/<api>.ts   (per api)
// openapi-typescript runs with <work> as its working directory: from the repo
// root it would pick up redocly.yaml and ask for `x-openapi-ts` keys.
// Exit 1 with the failing step's last output lines when a step fails.
//
// usage: node bench/baseline.mjs <config> <api>[,<api>…] <workdir>
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [config, apiList, work] = process.argv.slice(2);
if (!config || !apiList || !work) {
  process.stderr.write('usage: node bench/baseline.mjs <config> <api>[,<api>…] <workdir>\n');
  process.exit(2);
}
mkdirSync(work, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const apis = apiList.split(',');

const steps = [
  ['redocly lint', bin('redocly'), ['lint', ...apis, '--config', resolve(config), '--format', 'summary'], root],
  ...apis.map((api) => ['redocly bundle', bin('redocly'), ['bundle', api, '--config', resolve(config), '-o', join(work, `${api}.yaml`)], root]),
  ...apis.map((api) => ['openapi-typescript', bin('openapi-typescript'), [join(work, `${api}.yaml`), '-o', join(work, `${api}.ts`)], work]),
];
for (const [name, cmd, args, cwd] of steps) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  if (r.status !== 0) {
    const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !/[║╔╚═]/.test(l)); // drop the Node 20 deprecation banner
    process.stderr.write(`${name} failed (exit ${r.status ?? r.signal}): ${lines.slice(-3).join(' | ')}\n`);
    process.exit(1);
  }
}

#!/usr/bin/env node
/**
 * What a browser bundle pays for one vendor client, next to openapi-fetch alone.
 *
 *   npm run build && node bench/bundle-size.mjs        # measures the built package, writes bench/bundle-size.md
 *   node bench/bundle-size.mjs --from <dir> --out -    # resolve the package from <dir> (e.g. a consumer
 *                                                      # project that installed the tarball); print, don't write
 *
 * Each entry is bundled with esbuild's JS API (bundle + minify, ESM, platform browser, no legal
 * comments) and the output gzipped at level 9 (measureBundles, test/support/bundle-size.mjs). The
 * numbers are deterministic for a given package, esbuild and zlib, so the report carries no date. test/package/consumer.test.ts bundles the same
 * Scale GP entry from the installed tarball and checks that no LaunchDarkly code is in it.
 */
import { version as esbuildVersion } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundles } from '../test/support/bundle-size.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} resolveDir */
function openapiFetchVersion(resolveDir) {
  const require = createRequire(join(resolveDir, 'noop.js'));
  /** @type {{ version: string }} */
  const pkg = require('openapi-fetch/package.json');
  return pkg.version;
}

/**
 * @param {import('../test/support/bundle-size.mjs').Measured[]} results
 * @param {{ resolveDir?: string }} [options]
 */
export function renderReport(results, options = {}) {
  const resolveDir = resolve(options.resolveDir ?? repoRoot);
  const byId = new Map(results.map(r => [r.id, r]));
  const base = byId.get('openapi-fetch');
  const kb = (/** @type {number} */ n) => (n / 1024).toFixed(1);
  const lines = [
    '# Bundle size',
    '',
    '<!-- Written by `node bench/bundle-size.mjs` (after `npm run build`); do not edit by hand. -->',
    '',
    `esbuild ${esbuildVersion} (bundle, minify, ESM, platform browser), gzip level 9; openapi-fetch ${openapiFetchVersion(resolveDir)}.`,
    '',
    '| bundle | minified | gzip | over openapi-fetch (min / gzip) |',
    '|---|---:|---:|---:|',
  ];
  for (const r of results) {
    const delta = base && r !== base ? `+${r.minified - base.minified} B / +${r.gzip - base.gzip} B` : '—';
    lines.push(`| ${r.title} | ${r.minified} B (${kb(r.minified)} KiB) | ${r.gzip} B (${kb(r.gzip)} KiB) | ${delta} |`);
  }
  lines.push('', 'Minified bytes per module (the entry itself left out):', '');
  for (const r of results) {
    const shown = r.inputs.filter(i => i.path !== `${r.id}.js`).map(i => `\`${i.path.replace(/^node_modules\//, '')}\` ${i.bytes}`);
    lines.push(`- ${r.id}: ${shown.join(', ')}`);
  }
  lines.push(
    '',
    'The Scale GP bundles contain no LaunchDarkly module or string: each vendor is its own subpath',
    '(`vendor-api-clients/scale-gp`, `…/launchdarkly`) and the package is `"sideEffects": false`.',
    'test/package/consumer.test.ts checks that on the installed tarball.',
    '',
  );
  return lines.join('\n');
}

/** @param {string[]} argv */
async function main(argv) {
  /** @type {string | undefined} */
  let from;
  let out = join(repoRoot, 'bench', 'bundle-size.md');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if ((arg === '--from' || arg === '--out') && value !== undefined) {
      if (arg === '--from') from = value;
      else out = value;
      i++;
    } else {
      throw new Error(`usage: node bench/bundle-size.mjs [--from <dir>] [--out <file>|-] (unexpected ${JSON.stringify(arg)})`);
    }
  }
  const resolveDir = resolve(from ?? repoRoot);
  let results;
  try {
    results = await measureBundles({ resolveDir });
  } catch (e) {
    const hint = from === undefined ? ' (run `npm run build` first: the package is resolved from dist/)' : '';
    throw new Error(`bundling failed${hint}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const report = renderReport(results, { resolveDir });
  if (out === '-') process.stdout.write(report);
  else {
    writeFileSync(out, report);
    process.stdout.write(`wrote ${relative(process.cwd(), out) || out}\n`);
  }
  for (const r of results) process.stdout.write(`${r.id}: ${r.minified} B min, ${r.gzip} B gzip\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch(e => {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

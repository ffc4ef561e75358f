/**
 * What a browser bundle of one vendor client holds: each entry bundled with
 * esbuild's JS API (bundle + minify, ESM, platform browser, no legal
 * comments), the output gzipped at level 9. `node bench/bundle-size.mjs`
 * writes the report (bench/bundle-size.md); test/package/consumer.test.ts
 * bundles the same entries from the installed tarball.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** @type {{ name: string }} */
const repoPackage = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/**
 * @typedef {object} Entry
 * @property {string} id
 * @property {string} title
 * @property {(pkg: string) => string} source  the entry module, given the package name
 */

/** @type {Entry[]} */
export const entries = [
  {
    id: 'openapi-fetch',
    title: 'openapi-fetch alone (everything it exports)',
    source: () => `export * from 'openapi-fetch';\n`,
  },
  {
    id: 'scale-gp-free-function',
    title: 'Scale GP: `createScaleGpApiClient` + `updateApplicationSpec`, one call',
    source: pkg =>
      [
        `import { createScaleGpApiClient, updateApplicationSpec } from '${pkg}/scale-gp';`,
        `const client = createScaleGpApiClient({ apiKey: 'key' });`,
        `updateApplicationSpec(client, { application_spec_id: 'id', body: { name: 'x' } }).then(r => console.log(r.data));`,
        '',
      ].join('\n'),
  },
  {
    id: 'scale-gp-bound-client',
    title: 'Scale GP: `createScaleGpClient` (every operation bound), one call',
    source: pkg =>
      [
        `import { createScaleGpClient } from '${pkg}/scale-gp';`,
        `const client = createScaleGpClient({ apiKey: 'key' });`,
        `client.updateApplicationSpec({ application_spec_id: 'id', body: { name: 'x' } }).then(r => console.log(r.data));`,
        '',
      ].join('\n'),
  },
];

/**
 * @typedef {object} Measured
 * @property {string} id
 * @property {string} title
 * @property {string} source
 * @property {number} minified  bytes
 * @property {number} gzip  bytes
 * @property {{ path: string, bytes: number }[]} inputs  modules in the bundle (paths relative to resolveDir, e.g.
 *   node_modules/… or dist/…) and their minified bytes in it, largest first
 * @property {string} code  the minified bundle
 */

/**
 * Bundles every entry, resolving imports from `resolveDir` (a folder whose node_modules holds the
 * package, or the package itself, which esbuild resolves through its own `exports`).
 * @param {{ resolveDir?: string, packageName?: string }} [options]
 * @returns {Promise<Measured[]>}
 */
export async function measureBundles(options = {}) {
  const resolveDir = resolve(options.resolveDir ?? repoRoot);
  const packageName = options.packageName ?? repoPackage.name;
  /** @type {Measured[]} */
  const results = [];
  for (const entry of entries) {
    const source = entry.source(packageName);
    const out = await build({
      stdin: { contents: source, resolveDir, sourcefile: `${entry.id}.js`, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      legalComments: 'none',
      metafile: true,
      write: false,
      logLevel: 'silent',
      absWorkingDir: resolveDir,
    });
    const file = out.outputFiles[0];
    const output = Object.values(out.metafile.outputs)[0];
    if (!file || !output) throw new Error(`esbuild produced no output for ${entry.id}`);
    results.push({
      id: entry.id,
      title: entry.title,
      source,
      minified: file.contents.byteLength,
      gzip: gzipSync(file.contents, { level: 9 }).byteLength,
      inputs: Object.entries(output.inputs)
        .map(([path, info]) => ({ path, bytes: info.bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path)),
      code: file.text,
    });
  }
  return results;
}

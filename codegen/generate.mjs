#!/usr/bin/env node
// `npm run generate` entry point. Runs the generator (TypeScript, codegen/)
// from a bundle that esbuild makes on first use and whenever a source file
// changes (codegen/.build/, not committed): plain Node then loads our code
// without a TypeScript loader in the module path, which on Node 20 costs
// about a second per run on top of loading Redocly, openapi-typescript and
// ts-morph. `npx tsx codegen/cli.ts` runs the same code from source.
//
// The bundle also loads its heavy dependencies the cheap way (see
// `loadingPlugin`): one TypeScript compiler instead of two, and CommonJS
// packages through `require` instead of ESM `import`.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '.build');
const stampFile = join(buildDir, 'stamp');

// The generator's sources (not the bundle, nor the spec-pull tool beside them), as paths
// relative to codegen/. Walked by hand: a recursive readdirSync lists .build/ too, 3-6 ms.
/** @type {string[]} */
const sources = [];
const listSources = (/** @type {string} */ dir) => {
  for (const entry of readdirSync(join(here, dir), { withFileTypes: true })) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (path !== '.build' && path !== 'spec-pull') listSources(path);
    } else if (/\.(ts|js|mjs)$/.test(entry.name)) sources.push(path);
  }
};
listSources('');
sources.sort();
// openapi-typescript is bundled in: a dependency upgrade (npm ci) must rebuild.
const lockFile = join(here, '..', 'package-lock.json');
/** What the bundle is built from, relative to codegen/: the sources and the lock file. */
const inputs = [...sources, ...(existsSync(lockFile) ? ['../package-lock.json'] : [])];

/** The hash of the inputs' names and bytes (node:crypto loaded only then: a few ms of every run otherwise). */
function contentStamp() {
  const hash = createRequire(import.meta.url)('node:crypto').createHash('sha256');
  for (const f of inputs) hash.update(f).update(readFileSync(join(here, f)));
  return hash.digest('hex');
}

// The stamp file holds that hash and, on the lines after it, the size and modification time of
// each input it was taken from: when they are all unchanged the hash is not taken again (as
// make does; 8 ms of every run, a no-op's included). Otherwise the content decides, and a
// file saved with the same bytes only renews those lines.
const statLine = inputs.map((f) => {
  const { size, mtimeMs } = statSync(join(here, f));
  return `${f} ${size} ${mtimeMs}`;
}).join('\n');
const [recordedStamp = '', ...recordedLines] = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').split('\n') : [];
const recordedStats = recordedLines.join('\n');
const stamp = recordedStats === statLine && recordedStamp ? recordedStamp : contentStamp();

/**
 * How the bundle reaches its dependencies. Measured on Node 20 (cold process,
 * 2-core machine): `import` of TypeScript + ts-morph 1.1 s, `require` of both
 * 0.69 s, `require` of ts-morph alone 0.48 s.
 * - Every package stays external (loaded from node_modules), except
 *   openapi-typescript's transform modules and their small dependencies,
 *   which are bundled so that their `import ts from 'typescript'` can be
 *   pointed at the compiler ts-morph bundles: the worker then loads one
 *   TypeScript (9 MB of JavaScript) instead of two. test/codegen asserts
 *   that openapi-typescript prints the same text with either compiler.
 * - Redocly (@redocly/openapi-core, 247 ES modules plus their dependencies) is
 *   bundled too: one module instead of hundreds to resolve and compile, which
 *   halves its load time (0.55 s → 0.25–0.35 s). Redocly loads config plugins
 *   (ours: codegen/redocly-plugin) by path at run time, from node_modules'
 *   point of view unchanged.
 * - ts-morph and TypeScript are CommonJS: imported from ESM, Node 20 scans
 *   them for export names (cjs-module-lexer) and for module syntax first,
 *   0.3–0.4 s each in a CPU profile. Through `require` it does neither.
 *   That `require` goes through a V8 code cache kept beside the bundle
 *   (lib/code-cache.ts): the worker does not compile TypeScript again on
 *   every run.
 */
/** Packages Redocly imports that a run over an OpenAPI spec needs late or never (see loadingPlugin). */
const LAZY = ['graphql', 'yaml-ast-parser', '@redocly/ajv/dist/2020.js', '@redocly/ajv/dist/draft4.js', 'ajv-formats'];

/** @type {import('esbuild').Plugin} */
const loadingPlugin = {
  name: 'loading',
  setup(b) {
    // ES modules, so importers read bindings instead of esbuild copying the
    // CommonJS exports object per importing module (__toESM: ~0.15 s for
    // TypeScript's thousands of exports). ts-morph's export names are read here.
    const tsMorphNames = Object.keys(createRequire(import.meta.url)('ts-morph')).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
    // ts-morph's files are compiled through a V8 code cache (lib/code-cache.ts).
    const cache = JSON.stringify(join(here, 'lib', 'code-cache.ts'));
    /** @type {Record<string, string>} */
    const shims = {
      'ts-morph': `import { requireCached } from ${cache};\nconst m = requireCached(import.meta.url, 'ts-morph');\nexport default m;\nexport const { ${tsMorphNames.join(', ')} } = m;\n`,
      typescript: `import { requireCached } from ${cache};\nexport default requireCached(import.meta.url, 'ts-morph').ts;\n`,
    };
    // Redocly's dependencies it needs only for other kinds of spec, for an error's position or
    // for rules this project turns off (GraphQL, the YAML syntax tree, Ajv for example
    // validation): each is a CommonJS module of getters, loaded on first use. Where the
    // package itself is a function (Ajv's classes, ajv-formats), the stand-in is a function
    // that calls or constructs it. Evaluating them when the bundle loads cost 25-30 ms
    // (GraphQL, YAML) and 20-40 ms (Ajv: 0.5 MB of the bundle) before the first stage.
    /** @type {Record<string, string>} */
    const lazy = {};
    for (const pkg of LAZY) {
      const real = createRequire(import.meta.url)(pkg);
      const names = Object.keys(real).filter((n) => n !== '__esModule' && n !== 'default');
      const getters = names.map((n) => `${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] }`);
      const target =
        typeof real === 'function' ? 'function (...args) { return new.target ? Reflect.construct(load(), args) : load().apply(this, args); }' : '{}';
      lazy[pkg] = `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(pkg)}));\nmodule.exports = Object.defineProperties(${target}, {\n${getters.join(',\n')}\n});\n`;
    }
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.namespace === 'lazy') return { path: args.path, external: true }; // the package itself, required on first use
      if (Object.hasOwn(lazy, args.path) && /[\\/]node_modules[\\/]@redocly[\\/]/.test(args.importer)) return { path: args.path, namespace: 'lazy' };
      if (args.namespace === 'shim') return { path: args.path, namespace: 'file' }; // lib/code-cache.ts, imported by a shim
      if (Object.hasOwn(shims, args.path)) return { path: args.path, namespace: 'shim' };
      if (/^[./]/.test(args.path) || args.path.startsWith('node:')) return undefined; // esbuild resolves (built-ins stay external)
      // Bundled: openapi-typescript's modules, Redocly's, and what they import
      // (only they are imported from inside node_modules). Every other package
      // stays external.
      if (/^(openapi-typescript|@redocly\/openapi-core)(\/|$)/.test(args.path) || args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      return { path: args.path, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: 'shim' }, (args) => ({ contents: shims[args.path] ?? '', loader: 'js' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: lazy[args.path] ?? '', loader: 'js' }));
  },
};

if (recordedStamp === stamp && recordedStats !== statLine) {
  // Same sources, new times (a checkout, a save without changes): renew the times, atomically.
  const tmpStamp = `${stampFile}.${process.pid}`;
  writeFileSync(tmpStamp, `${stamp}\n${statLine}`);
  renameSync(tmpStamp, stampFile);
} else if (recordedStamp !== stamp) {
  const { build } = await import('esbuild');
  // Build beside the old bundle and swap, so a concurrent run never sees half a bundle.
  const tmp = `${buildDir}-${process.pid}`;
  const common = {
    outdir: tmp,
    bundle: true,
    format: /** @type {const} */ ('esm'),
    platform: /** @type {const} */ ('node'),
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    // `require` for the CommonJS packages loaded through loadingPlugin's shims.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: /** @type {const} */ ('warning'),
  };
  // What the CLI loads when there is work: the pipeline, the schema worker's runner, and the
  // worker itself, sharing chunks. At the bundle's top level, whichever module their code
  // lands in: the runner finds the worker at ./worker/schema-worker.mjs.
  await build({
    ...common,
    entryPoints: [
      { in: join(here, 'pipeline.ts'), out: 'pipeline' },
      { in: join(here, 'worker/runner.ts'), out: 'runner' },
      { in: join(here, 'worker/schema-worker.ts'), out: 'worker/schema-worker' },
    ],
    splitting: true,
    plugins: [loadingPlugin],
  });
  // The CLI, one file that imports those two only when there is work: a no-op run (cache
  // hit) loads this file alone, not the chunks it would otherwise share with the pipeline
  // (~4 ms of a no-op's 80: each module is a load, and Node's exit waits on them).
  await build({
    ...common,
    entryPoints: [{ in: join(here, 'cli.ts'), out: 'cli' }],
    plugins: [
      {
        name: 'cli-loads-the-pipeline',
        setup(b) {
          const late = { './pipeline.js': './pipeline.mjs', './worker/runner.js': './runner.mjs' };
          b.onResolve({ filter: /^\.\/(pipeline|worker\/runner)\.js$/ }, (args) => ({ path: late[/** @type {keyof typeof late} */ (args.path)], external: true }));
        },
      },
      loadingPlugin,
    ],
  });
  writeFileSync(join(tmp, 'stamp'), `${stamp}\n${statLine}`);
  rmSync(buildDir, { recursive: true, force: true });
  try {
    renameSync(tmp, buildDir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run won the race with the same sources
  }
}

const { main } = await import(pathToFileURL(join(buildDir, 'cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2));

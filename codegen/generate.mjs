#!/usr/bin/env node
// `npm run generate` entry point. Runs the generator (TypeScript, codegen/)
// from a bundle that esbuild makes on first use and whenever a source file
// changes (codegen/.build/, not committed): plain Node then loads our code
// without a TypeScript loader in the module path, which on Node 20 costs
// about a second per run on top of loading Redocly, openapi-typescript and
// ts-morph. `npx tsx codegen/cli.ts` runs the same code from source.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const buildDir = join(here, '.build');
const stampFile = join(buildDir, 'stamp');

// The generator's sources (not the spec-pull tool beside them).
const sources = readdirSync(here, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|js|mjs)$/.test(f) && !/^(\.build|spec-pull)[/\\]/.test(f) && f !== 'generate.mjs')
  .sort();
const hash = createHash('sha256');
for (const f of sources) hash.update(f).update(readFileSync(join(here, f)));
const stamp = hash.digest('hex');

if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
  const { build } = await import('esbuild');
  // Build beside the old bundle and swap, so a concurrent run never sees half a bundle.
  const tmp = `${buildDir}-${process.pid}`;
  await build({
    entryPoints: [join(here, 'cli.ts'), join(here, 'worker/types-worker.ts')],
    outdir: tmp,
    outbase: here,
    bundle: true,
    // Dynamic imports stay separate chunks: a no-op run (cache hit) must not load
    // the pipeline, whose static imports pull in Redocly.
    splitting: true,
    packages: 'external',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  writeFileSync(join(tmp, 'stamp'), stamp);
  rmSync(buildDir, { recursive: true, force: true });
  try {
    renameSync(tmp, buildDir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another run won the race with the same sources
  }
}

const { main } = await import(pathToFileURL(join(buildDir, 'cli.mjs')).href);
process.exitCode = await main(process.argv.slice(2));

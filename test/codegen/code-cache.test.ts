/**
 * lib/code-cache.ts: ts-morph's files compiled through a V8 code cache kept
 * beside the bundle. Exercised here on a stand-in package laid out the way the
 * bundle finds ts-morph (`<project>/node_modules/ts-morph`, the bundle in
 * `<project>/codegen/.build`); test/codegen/bundle.test.ts runs the real one.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireCached, saveCodeCache } from '../../codegen/lib/code-cache.js';
import { tempDir } from '../support/run-cli.js';

function project(): { root: string; build: string; from: string } {
  const root = tempDir('code-cache-');
  const pkg = join(root, 'node_modules', 'ts-morph');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'ts-morph', main: 'index.js' }));
  writeFileSync(join(pkg, 'index.js'), "exports.twice = (x) => 2 * x;\nexports.where = __filename;\nexports.path = require('node:path').sep;\n");
  const build = join(root, 'codegen', '.build');
  mkdirSync(build, { recursive: true });
  return { root, build, from: pathToFileURL(join(build, 'cli.mjs')).href };
}

describe('code cache (lib/code-cache.ts)', () => {
  it('loads a file as Node would, writes its cache once, and loads it from the cache the next time', () => {
    const { root, build, from } = project();
    const first = requireCached(from, 'ts-morph') as { twice(x: number): number; where: string; path: string };
    expect(first.twice(21)).toBe(42);
    expect(first.where).toBe(join(root, 'node_modules', 'ts-morph', 'index.js'));
    expect(first.path).toMatch(/^[/\\]$/);
    saveCodeCache();
    const cached = readdirSync(join(build, 'code-cache'));
    expect(cached).toEqual([expect.stringMatching(/^index\.js-[0-9a-f]{32}\.bin$/)]);
    const file = join(build, 'code-cache', cached[0]!);
    const bytes = readFileSync(file);

    // A second load (a new run) reads the cache and writes nothing.
    delete createRequire(from).cache[join(root, 'node_modules', 'ts-morph', 'index.js')];
    expect((requireCached(from, 'ts-morph') as { twice(x: number): number }).twice(2)).toBe(4);
    saveCodeCache();
    expect(readdirSync(join(build, 'code-cache'))).toEqual(cached);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('a changed file gets its own cache entry (keyed by its text)', () => {
    const { root, build, from } = project();
    requireCached(from, 'ts-morph');
    saveCodeCache();
    const index = join(root, 'node_modules', 'ts-morph', 'index.js');
    writeFileSync(index, 'exports.twice = (x) => 3 * x;\n');
    delete createRequire(from).cache[index];
    expect((requireCached(from, 'ts-morph') as { twice(x: number): number }).twice(2)).toBe(6);
    saveCodeCache();
    expect(readdirSync(join(build, 'code-cache'))).toHaveLength(2);
  });

  it('a cache folder that cannot be written costs nothing but the cache', () => {
    const { build, from } = project();
    writeFileSync(join(build, 'code-cache'), 'not a folder');
    expect((requireCached(from, 'ts-morph') as { twice(x: number): number }).twice(5)).toBe(10);
    expect(() => saveCodeCache()).not.toThrow();
    rmSync(join(build, 'code-cache'));
  });

  it('outside a bundle (the TypeScript sources) it is a plain require', () => {
    const { root } = project();
    const from = pathToFileURL(join(root, 'codegen', 'cli.ts')).href;
    expect((requireCached(from, 'ts-morph') as { twice(x: number): number }).twice(1)).toBe(2);
    saveCodeCache();
    expect(() => readdirSync(join(root, 'codegen', 'code-cache'))).toThrow();
  });
});

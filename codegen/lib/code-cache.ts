/**
 * A V8 code cache for the CommonJS files the generator's bundle loads
 * (codegen/generate.mjs): TypeScript inside ts-morph is 9 MB of JavaScript
 * that V8 would otherwise parse and compile again on every run, on the
 * schema worker's path. Node 20 has no built-in cache for this
 * (`module.enableCompileCache` came with Node 22), so each file is compiled
 * as Node's own loader would (the same module wrapper, run the same way),
 * through `vm.Script` with the cached data of the last run.
 *
 * The cache lives beside the bundle (`codegen/.build/code-cache/`, rebuilt
 * with it) and is keyed by the file's path and a hash of its text: V8 itself
 * checks only the text's length, its own version and its flags, and
 * falls back to compiling when any of those differ. A file is written once,
 * after the code ran (`saveCodeCache`), so it holds the functions the run
 * compiled, not just the top level.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

interface Loader {
  prototype: { _compile(this: NodeModule, content: string, filename: string): unknown; require(id: string): unknown };
  wrap(content: string): string;
  _resolveFilename(request: string, parent: NodeModule, isMain: boolean, options?: unknown): string;
  _cache: NodeJS.Require['cache'];
  _extensions: NodeJS.Require['extensions'];
}

/** Compiled this run without a usable cache: written by saveCodeCache. */
const unsaved: Array<{ script: vm.Script; file: string }> = [];
let installed = false;
let cache: { dir: string; cached: (filename: string) => boolean } | undefined;

/**
 * `require(id)` from the bundle file at `from` (its `import.meta.url`), with
 * ts-morph's files (its TypeScript among them) compiled through the code
 * cache of that bundle (`<…>/.build/code-cache`). Only files known not to
 * call `import()`: a script compiled this way has no loader for it. The bundle's shims for ts-morph and
 * TypeScript load them this way (codegen/generate.mjs).
 */
export function requireCached(from: string, id: string): unknown {
  const build = /^(.*[\\/]\.build)[\\/]/.exec(fileURLToPath(from))?.[1];
  if (build) installCodeCache(join(build, 'code-cache'), (file) => /[\\/]node_modules[\\/](ts-morph|@ts-morph[\\/]common)[\\/]/.test(file));
  return Module.createRequire(from)(id);
}

/** From now on, CommonJS files that `cached(filename)` accepts are compiled through the cache in `dir`. */
function installCodeCache(dir: string, cached: (filename: string) => boolean): void {
  cache = { dir, cached };
  if (installed) return;
  installed = true;
  const loader = Module as unknown as Loader;
  const compile = loader.prototype._compile;
  loader.prototype._compile = function (this: NodeModule, content: string, filename: string) {
    if (!cache?.cached(filename)) return compile.call(this, content, filename);
    const file = join(cache.dir, `${basename(filename)}-${createHash('sha256').update(filename).update('\0').update(content).digest('hex').slice(0, 32)}.bin`);
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(file);
    } catch {
      // not cached yet
    }
    const script = new vm.Script(loader.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ script, file });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    const mod = this;
    const require = Object.assign((id: string) => loader.prototype.require.call(mod, id), {
      resolve: Object.assign((request: string, options?: unknown) => loader._resolveFilename(request, mod, false, options), {
        paths: (request: string) => (Module as unknown as { _resolveLookupPaths(r: string, m: NodeModule): string[] | null })._resolveLookupPaths(request, mod),
      }),
      main: (process as { mainModule?: NodeModule }).mainModule,
      extensions: loader._extensions,
      cache: loader._cache,
    });
    return wrapper.call(mod.exports, mod.exports, require, mod, filename, dirname(filename));
  };
}

/**
 * Writes the cache of every file compiled this run without one (after a
 * rebuild of the bundle: once). A file that cannot be written is skipped:
 * the next run compiles it again.
 */
export function saveCodeCache(): void {
  for (const { script, file } of unsaved.splice(0)) {
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch {
        // the folder is not writable: nothing was written
      }
    }
  }
}

/**
 * `npm run generate` runs the esbuild bundle of codegen/ (codegen/generate.mjs),
 * which loads its dependencies differently from the sources the other tests
 * run: openapi-typescript is bundled and prints with ts-morph's TypeScript
 * instead of the `typescript` package, and CommonJS packages come through
 * `require`. The generated files must not depend on which of the two ran.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProject, REPO, runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = join(REPO, 'test/fixtures/boolean-discriminator');
const GOLDEN = join(REPO, 'test/golden/__golden__');

describe('the bundled generator (npm run generate)', () => {
  it('writes the golden files the sources write (test/golden)', () => {
    const out = tempDir();
    for (const fixture of [FIXTURE, join(REPO, 'test/fixtures/media'), join(REPO, 'test/fixtures/json-patch')]) {
      const r = runCli(['--config', join(fixture, 'redocly.yaml'), '--out', out, '--runtime-import', '../../../../src/index.js', '--no-cache', '--quiet'], fixture);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(''); // --quiet
    }
    for (const api of readdirSync(GOLDEN)) {
      for (const file of readdirSync(join(GOLDEN, api))) {
        expect(readFileSync(join(out, api, file), 'utf8'), `${api}/${file}`).toBe(readFileSync(join(GOLDEN, api, file), 'utf8'));
      }
    }
  });

  it('loads one TypeScript compiler: no module of the bundle imports the `typescript` package', () => {
    runCli(['--help']); // builds codegen/.build when the sources changed
    const build = join(REPO, 'codegen/.build');
    const modules = readdirSync(build, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    expect(modules.length).toBeGreaterThan(2);
    for (const file of modules) {
      const text = readFileSync(join(build, file), 'utf8');
      expect(text, file).not.toMatch(/from\s*["']typescript["']|require\(["']typescript["']\)|import\(["']typescript["']\)/);
    }
    // …and openapi-typescript's transform is inside the bundle, on ts-morph's compiler.
    expect(modules.some((f) => readFileSync(join(build, f), 'utf8').includes('requireCached(import.meta.url, "ts-morph").ts'))).toBe(true);
  });

  it("loads Redocly's GraphQL, YAML syntax-tree and Ajv packages only when used (generate.mjs LAZY)", async () => {
    runCli(['--help']); // builds codegen/.build when the sources changed
    const build = join(REPO, 'codegen/.build');
    const pipeline = 'pipeline.mjs';
    // A fresh process: loading the pipeline evaluates Redocly, not the lazy packages…
    const probe = [
      "import { createRequire } from 'node:module';",
      `const m = await import(${JSON.stringify(join(build, pipeline))});`,
      "const loaded = () => Object.keys(createRequire(import.meta.url).cache).filter((f) => /node_modules[\\\\/](graphql|yaml-ast-parser|@redocly[\\\\/]ajv|ajv|ajv-formats)[\\\\/]/.test(f)).length;",
      'const before = loaded();',
      'console.log(JSON.stringify({ before, exports: Object.keys(m).length }));',
    ].join('\n');
    const { execFileSync } = await import('node:child_process');
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: REPO, encoding: 'utf8' })) as { before: number; exports: number };
    expect(out.exports).toBeGreaterThan(0);
    expect(out.before).toBe(0);
    // Not bundled either (esbuild marks each bundled file with its path): required by the getters, on first use.
    for (const file of readdirSync(build).filter((f) => f.endsWith('.mjs'))) {
      const text = readFileSync(join(build, file), 'utf8');
      expect(text, file).not.toMatch(/^\/\/ node_modules\/(graphql|yaml-ast-parser|@redocly\/ajv|ajv|ajv-formats)\//m);
    }
    expect(readFileSync(join(build, pipeline), 'utf8')).toContain('require("yaml-ast-parser")');
    expect(readFileSync(join(build, pipeline), 'utf8')).toContain('require("@redocly/ajv/dist/2020.js")');
  });

  it('a no-op run loads neither node:crypto nor node:v8, nor a stream for output it does not write', () => {
    // What Node loads is a few milliseconds of a run of 80 (docs/architecture.md, No-op regenerate).
    const dir = copyProject();
    const list = join(tempDir('noop-modules-'), 'modules.txt');
    const preload = join(dirname(list), 'preload.cjs');
    writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, process.moduleLoadList.join('\\n')));\n`);
    const args = ['--config', join(dir, 'redocly.yaml'), '--out', join(dir, 'generated'), '--runtime-import', '../../src/index.js'];
    expect(runCli([...args, '--quiet'], dir).code).toBe(0);
    const noop = runCli([...args, '--quiet'], dir, { NODE_OPTIONS: `--require ${preload}` });
    expect(noop.code, noop.stderr).toBe(0);
    const loaded = readFileSync(list, 'utf8').split('\n');
    expect(loaded).toContain('NativeModule fs'); // the list is Node's
    for (const module of ['crypto', 'v8', 'tty', 'net']) expect(loaded, module).not.toContain(`NativeModule ${module}`);
    // A full run does load them (the test would notice a list that no longer names them).
    const full = runCli([...args, '--no-cache'], dir, { NODE_OPTIONS: `--require ${preload}` });
    expect(full.code, full.stderr).toBe(0);
    expect(readFileSync(list, 'utf8').split('\n')).toEqual(expect.arrayContaining(['NativeModule crypto', 'NativeModule v8']));
  });

  it("reports the pipeline's errors as the sources do, although the CLI is a file of its own (every lint error, one line each)", () => {
    const dir = tempDir('bundle-errors-');
    writeFileSync(join(dir, 'redocly.yaml'), 'extends: [minimal]\napis:\n  bad:\n    root: spec.yaml\n');
    writeFileSync(
      join(dir, 'spec.yaml'),
      ['openapi: 3.1.0', "info: {title: t, version: '1'}", 'paths:', '  /a:', '    get:', '      responses:', "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/A'}}}}", '  /b:', '    get:', '      responses:', "        '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/B'}}}}", ''].join('\n'),
    );
    const r = runCli(['--config', join(dir, 'redocly.yaml'), '--out', join(dir, 'generated'), '--no-cache'], dir);
    expect(r.code).toBe(1);
    // A PipelineError made in the pipeline's copy of lib/errors.ts: its details are printed too.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^error: spec\.yaml:\d+:\d+: error no-unresolved-refs: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(join(dir, 'generated')), 'nothing written').toBe(false);
  });

  it('rebuilds when a source changes, not when it is only saved again (the stamp and its times)', () => {
    // A copy of codegen/ beside the repo's node_modules, so the repo's own bundle is left alone.
    const root = tempDir('bundle-stamp-');
    cpSync(join(REPO, 'codegen'), join(root, 'codegen'), { recursive: true, filter: (src) => !/[\\/]codegen[\\/]\.build/.test(src) });
    cpSync(join(REPO, 'package-lock.json'), join(root, 'package-lock.json'));
    symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
    const help = () => {
      const r = spawnSync(process.execPath, [join(root, 'codegen/generate.mjs'), '--help'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
    };
    const built = () => statSync(join(root, 'codegen/.build/cli.mjs')).mtimeMs;
    // The stamp: the sources' hash, then one line per input with its size and time.
    const stampLines = () => readFileSync(join(root, 'codegen/.build/stamp'), 'utf8').split('\n');
    help();
    const [hash, ...times] = stampLines();
    expect(times.find((line) => line.startsWith('lib/hash.ts '))).toMatch(/^lib\/hash\.ts \d+ [\d.]+$/);
    const first = built();
    // Saved again with the same bytes (a new time): no rebuild, only the times renewed.
    const source = join(root, 'codegen/lib/hash.ts');
    const later = new Date(statSync(source).mtimeMs + 10_000);
    utimesSync(source, later, later);
    help();
    expect(built()).toBe(first);
    expect(stampLines()[0]).toBe(hash);
    expect(stampLines().slice(1)).not.toEqual(times);
    // Changed: rebuilt, from a new hash.
    appendFileSync(source, '// changed\n');
    help();
    expect(stampLines()[0]).not.toBe(hash);
    expect(built()).not.toBe(first);
  }, 120_000);

  it('validates examples through the lazy Ajv when a config turns those rules on (constructs Ajv, adds its formats)', () => {
    const dir = tempDir('bundle-ajv-');
    writeFileSync(
      join(dir, 'redocly.yaml'),
      'extends: [minimal]\nrules:\n  no-invalid-schema-examples: warn\n  no-invalid-media-type-examples: warn\napis:\n  t:\n    root: spec.yaml\n',
    );
    writeFileSync(
      join(dir, 'spec.yaml'),
      [
        'openapi: 3.1.0',
        "info: {title: t, version: '1'}",
        'paths:',
        '  /x:',
        '    get:',
        '      operationId: getX',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        "              schema: {$ref: '#/components/schemas/X'}",
        '              example: {n: 1, d: not-a-date}',
        'components:',
        '  schemas:',
        '    X:',
        '      type: object',
        '      properties:',
        '        n: {type: integer}',
        '        d: {type: string, format: date}',
        '      example: {n: bad}',
        '',
      ].join('\n'),
    );
    const r = runCli(['--out', join(dir, 'out'), '--no-cache', '--verbose'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning no-invalid-schema-examples: Example value must conform to the schema: `n` property type must be integer/);
    expect(r.stderr).toMatch(/warning no-invalid-media-type-examples: Example value must conform to the schema: `d` property must match format "date"/);
  });

  it("compiles ts-morph's TypeScript through a code cache, and a damaged cache only costs a compile (lib/code-cache.ts)", () => {
    const out = tempDir();
    const generate = () => runCli(['--config', join(FIXTURE, 'redocly.yaml'), '--out', out, '--runtime-import', '../../../../src/index.js', '--no-cache', '--quiet'], FIXTURE);
    const golden = () => {
      const apis = readdirSync(out);
      expect(apis.length).toBeGreaterThan(0);
      for (const api of apis) {
        for (const file of readdirSync(join(GOLDEN, api))) {
          expect(readFileSync(join(out, api, file), 'utf8'), `${api}/${file}`).toBe(readFileSync(join(GOLDEN, api, file), 'utf8'));
        }
      }
    };
    expect(generate().code).toBe(0);
    const cacheDir = join(REPO, 'codegen/.build/code-cache');
    const typescript = () => readdirSync(cacheDir).filter((f) => /^typescript\.js-[0-9a-f]{32}\.bin$/.test(f));
    expect(typescript()).toHaveLength(1);
    const file = join(cacheDir, typescript()[0]!);
    expect(statSync(file).size).toBeGreaterThan(100_000);
    // Garbage where the cache was: V8 rejects it, the file is compiled again and the cache rewritten.
    writeFileSync(file, randomBytes(4096));
    const r = generate();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    golden();
    expect(statSync(file).size).toBeGreaterThan(100_000);
  });
});

describe('bundle skipped only when it would change nothing (stages/bundle-check.ts)', () => {
  it('bundles a spec whose bundle differs from its preprocessed self although it has no decorators and no refs to other files', () => {
    // Redocly inlines the `$ref` inside the example; test/codegen/bundle-check.test.ts covers the check itself.
    const dir = join(REPO, 'test/fixtures/bundle-changes');
    const out = tempDir();
    const r = runCli(['--config', join(dir, 'redocly.yaml'), '--out', out, '--no-cache', '--quiet'], dir);
    expect(r.code, r.stderr).toBe(0);
    const bundled = readFileSync(join(out, 'example-ref/openapi.yaml'), 'utf8');
    expect(bundled).toMatch(/example:\n\s+x: hello/);
    expect(bundled).not.toContain('#/components/examples/E/value');
  });
});

describe('doc text through the worker', () => {
  // The worker skips the `@` escaping when the spec's JSON text has no `@` at all
  // (stages/openapi-typescript.ts skippedWalks); with one, a tag-like `@` must still be escaped.
  it('escapes a tag-like @ in a description, and leaves a spec without @ as it was', () => {
    const dir = tempDir();
    const spec = (description: string) =>
      JSON.stringify({
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } },
        components: { schemas: { A: { type: 'object', description, properties: { x: { type: 'string' } } } } },
      });
    writeFileSync(join(dir, 'with-at.json'), spec('Line one\n@deprecated forged'));
    writeFileSync(join(dir, 'without-at.json'), spec('Line one\nplain text'));
    writeFileSync(join(dir, 'redocly.yaml'), 'extends: [minimal]\nrules:\n  security-defined: off\napis:\n  with-at:\n    root: with-at.json\n  without-at:\n    root: without-at.json\n');
    const r = runCli(['--out', join(dir, 'out'), '--no-cache', '--quiet'], dir);
    expect(r.code, r.stderr).toBe(0);
    const withAt = readFileSync(join(dir, 'out/with-at/schema.ts'), 'utf8');
    expect(withAt).toContain('\\@deprecated forged');
    expect(withAt).not.toMatch(/^\s*\*\s*@deprecated/m);
    expect(readFileSync(join(dir, 'out/without-at/schema.ts'), 'utf8')).toContain('plain text');
  });
});

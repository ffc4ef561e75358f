/**
 * publint and arethetypeswrong (attw) on the packed tarball: the same tarball consumer.test.ts
 * installs (built and packed once per Vitest run, see ./pack.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAndPack, formatRun, repoRoot, run, type PackedPackage } from './pack.js';

const attwBin = join(repoRoot, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');

/**
 * The attw policy, also what to run by hand: `npx attw --pack . --profile node16 --ignore-rules cjs-resolves-to-esm`.
 *
 * - `--profile node16` skips the `node10` resolution (TypeScript's `moduleResolution: node`/`node10`),
 *   which predates `exports` and cannot see subpaths like `vendor-api-clients/scale-gp`. We ship no
 *   `typesVersions` shim for it: it is deprecated in TypeScript and docs/using-the-clients.md asks for
 *   `nodenext` or `bundler`.
 * - `--ignore-rules cjs-resolves-to-esm` is inherent to shipping ESM only. attw (which analyses with its
 *   own TypeScript 5.6) reports that a `require()` from CommonJS gets an ES module. That is exactly the
 *   supported CommonJS path: Node >= 20.19 (our `engines`) loads ES modules with `require()`, and
 *   TypeScript >= 5.8 types it under `module: nodenext`; consumer.test.ts compiles and runs such a
 *   consumer. Every other problem, for every resolution attw checks, fails this test.
 */
const ATTW_FLAGS = ['--profile', 'node16', '--ignore-rules', 'cjs-resolves-to-esm'];
const JUSTIFIED = (p: { kind: string; resolutionKind?: string }) =>
  p.resolutionKind === 'node10' || (p.kind === 'CJSResolvesToESM' && p.resolutionKind === 'node16-cjs');

const exportsMap = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { exports: Record<string, string | { types: string }> }).exports;

let pkg: PackedPackage;

beforeAll(async () => {
  pkg = await buildAndPack();
}, 240_000);

describe('package lint on the packed tarball', () => {
  it('publint (strict, down to suggestions) reports nothing', async () => {
    const tarball = readFileSync(pkg.tarball);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
      strict: true,
    });
    expect(messages.map(m => `${m.type}: ${formatMessage(m, manifest, { color: false }) ?? m.code}`)).toEqual([]);
  });

  it('arethetypeswrong: every subpath resolves to its types for node16 (ESM and CJS) and bundler', async () => {
    const result = await run(process.execPath, [attwBin, pkg.tarball, '--format', 'json', ...ATTW_FLAGS], { cwd: repoRoot, timeoutMs: 60_000 });
    let parsed: unknown;
    try {
      parsed = JSON.parse(result.stdout);
    } catch {
      throw new Error(`attw printed no JSON report\n${formatRun(result)}`);
    }
    const report = parsed as {
      analysis: {
        entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
        problems: { kind: string; entrypoint?: string; resolutionKind?: string }[];
      };
    };
    const { entrypoints, problems } = report.analysis;
    expect(problems.filter(p => !JUSTIFIED(p))).toEqual([]);
    expect(result.code, formatRun(result)).toBe(0);

    // attw saw every subpath of the exports map, and each resolves to the declared types.
    expect(Object.keys(entrypoints).sort()).toEqual(Object.keys(exportsMap).sort());
    for (const [subpath, target] of Object.entries(exportsMap)) {
      const types = typeof target === 'string' ? target : target.types;
      for (const kind of ['node16-esm', 'node16-cjs', 'bundler']) {
        const fileName = entrypoints[subpath]?.resolutions[kind]?.resolution?.fileName;
        expect(fileName, `${subpath} (${kind})`).toBe(`/node_modules/${pkg.name}/${types.replace(/^\.\//, '')}`);
      }
    }
  }, 60_000);
});

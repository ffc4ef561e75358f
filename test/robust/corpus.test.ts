/**
 * Every public spec in ../shared/corpus/ (issue 10): each either generates and
 * passes tsc --strict, or fails with a clean one-line error naming the file and
 * the cause; a regenerate over its own output writes the same bytes. One summary line per spec is printed (`[corpus] …`).
 *
 * Configs: the project's redocly.yaml pointed at the full Scale GP and
 * LaunchDarkly specs (test/support/corpus-config.mjs); test/fixtures/robust/corpus/redocly.yaml for GitHub and Stripe.
 * The CLI runs in this process with its types worker, one api per run.
 *
 * GitHub's output is large (about 20 MB); its strict compile runs only with
 * CORPUS_TSC=all. Skipped, visibly, when ../shared/corpus is absent.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { failureProblems, firstError } from '../support/cli-output.js';
import { CORPUS, CORPUS_SPECS, corpusConfig } from '../support/corpus-config.mjs';
import { REPO, runMain, tempDir } from '../support/run-cli.js';
import { forgetCache, removeDir, runtimeImport, snapshot } from '../support/temp-project.js';
import { strictDiagnostics, tsFilesUnder } from '../support/tsc.js';

const present = existsSync(CORPUS);
if (!present) console.warn(`[corpus] skipped: ${CORPUS} is absent (the public specs are not committed)`);

interface Entry {
  file: string;
  api: string;
  config: string;
  /** Run tsc --strict on the output (GitHub's only with CORPUS_TSC=all). */
  tsc: boolean;
}

const FULL = present ? corpusConfig(tempDir('robust-corpus-config-')) : '';
const OURS = join(REPO, 'test/fixtures/robust/corpus/redocly.yaml');
const ENTRIES: Entry[] = [
  { file: CORPUS_SPECS['scale-gp'], api: 'scale-gp', config: FULL, tsc: true },
  { file: CORPUS_SPECS.launchdarkly, api: 'launchdarkly', config: FULL, tsc: true },
  { file: 'stripe.openapi.yaml', api: 'stripe', config: OURS, tsc: true },
  { file: 'github.openapi.json', api: 'github', config: OURS, tsc: process.env.CORPUS_TSC === 'all' },
];

const outs: string[] = [];
afterAll(() => outs.forEach(removeDir));

describe.skipIf(!present)('every spec in ../shared/corpus', () => {
  it('has a config for every spec in the folder', () => {
    const specs = readdirSync(CORPUS).filter((f) => /\.(json|ya?ml)$/.test(f));
    expect(specs.filter((f) => !ENTRIES.some((e) => e.file === f))).toEqual([]);
  });

  for (const entry of ENTRIES) {
    it.skipIf(!existsSync(join(CORPUS, entry.file)))(`${entry.file}: generates tsc-clean, or fails with a clear error`, async () => {
      const out = tempDir('robust-corpus-');
      outs.push(out);
      const started = performance.now();
      const run = await runMain(
        [entry.api, '--config', entry.config, '--out', out, '--no-cache', '--quiet', '--runtime-import', runtimeImport(out, '.')],
        REPO,
      );
      forgetCache(entry.config, out);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const mb = (statSync(join(CORPUS, entry.file)).size / 1e6).toFixed(1);

      if (run.code !== 0) {
        console.log(`[corpus] ${entry.file} (${mb} MB): refused in ${seconds} s — ${firstError(run)}`);
        expect(failureProblems(run, entry.file), run.stderr).toEqual([]);
        expect(snapshot(out)).toEqual({});
        return;
      }
      const files = snapshot(join(out, entry.api));
      const manifest = JSON.parse(files['manifest.json']!) as { operationCount: number; warnings: string[] };
      const outMb = (Object.values(files).reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6).toFixed(1);
      let tsc = `tsc skipped (set CORPUS_TSC=all)`;
      if (entry.tsc) {
        const t = performance.now();
        const diagnostics = strictDiagnostics(tsFilesUnder(join(out, entry.api)));
        tsc = `tsc --strict: ${diagnostics.length} errors in ${((performance.now() - t) / 1000).toFixed(1)} s`;
        console.log(`[corpus] ${entry.file} (${mb} MB): generated ${manifest.operationCount} operations (${outMb} MB) in ${seconds} s; ${tsc}`);
        expect(diagnostics.slice(0, 10)).toEqual([]);
      } else {
        console.log(`[corpus] ${entry.file} (${mb} MB): generated ${manifest.operationCount} operations (${outMb} MB) in ${seconds} s; ${tsc}`);
      }
      expect(Object.keys(files).sort()).toEqual(['api-report.md', 'index.ts', 'manifest.json', 'openapi.yaml', 'operations.ts', 'schema.ts', 'testing.ts']);
      expect(manifest.operationCount).toBeGreaterThan(100);

      // Names are stable: a regenerate over this output (its manifest's names) writes the same bytes.
      const again = await runMain([entry.api, '--config', entry.config, '--out', out, '--no-cache', '--quiet', '--runtime-import', runtimeImport(out, '.')], REPO);
      forgetCache(entry.config, out);
      expect(again.code, again.stderr).toBe(0);
      const regenerated = snapshot(join(out, entry.api));
      expect(Object.keys(files).filter((f) => regenerated[f] !== files[f])).toEqual([]);
    }, 300_000);
  }
});

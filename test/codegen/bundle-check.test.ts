/**
 * stages/bundle-check.ts decides, on the preprocessors' walk, that Redocly's
 * bundle of a spec would be the spec itself, and the pipeline then skips the
 * bundle. Here every spec the tests hold (the fixture configs, every robust
 * fixture, and the vendors' full specs when present) is bundled anyway
 * whenever the check says "no change", and the bundle must be byte for byte
 * the preprocessed document. Specs the check sends to the bundler are
 * listed too, so a check that always said "bundle" would fail.
 */
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../../codegen/stages/bundle.js';
import { sweep } from '../support/preprocessed.js';

describe('bundle check (stages/bundle-check.ts)', () => {
  it('skips the bundle only where Redocly would return the preprocessed document unchanged', { timeout: 240_000 }, async () => {
    const skipped: string[] = [];
    const bundled: string[] = [];
    for await (const { api, spec } of sweep()) {
      if (spec.needsBundle) {
        bundled.push(api);
        continue;
      }
      skipped.push(api);
      const real = await bundleSpec({ ...spec, needsBundle: true });
      expect(real.json, api).toBe(spec.json);
    }
    if (process.env.BUNDLE_CHECK_LIST) console.log({ skipped, bundled });
    // The example-ref fixture: Redocly inlines a `$ref` inside an example.
    expect(bundled).toContain('example-ref');
    // Refs to other files are bundled.
    expect(bundled.filter((a) => /ref|external|multi/.test(a)).length).toBeGreaterThan(0);
    expect(skipped).toEqual(expect.arrayContaining(['posts-v31', 'toggles-v30']));
    expect(skipped.length).toBeGreaterThan(20);
  });
});

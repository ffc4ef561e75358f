/**
 * One package entry per api of redocly.yaml. `exports` is written by hand (it is what consumers
 * and tools such as attw read, and an explicit list never exposes a stale `dist/generated/<old>/`
 * that `tsc` left behind, as a `./*` pattern would), so this test is what makes adding a vendor
 * complete: it names the entry that is missing, or left over, with the exact text to add.
 * Fast (no build); consumer.test.ts imports every api's entry from the installed tarball.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configApis } from '../support/config-apis.js';
import { REPO } from '../support/run-cli.js';

const exportsMap = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }).exports;
const NOT_APIS = ['./runtime', './package.json'];

describe('package.json exports', () => {
  it.each(configApis())('has the entry of api %s (from redocly.yaml)', (api) => {
    const want = { types: `./dist/generated/${api}/index.d.ts`, default: `./dist/generated/${api}/index.js` };
    expect(exportsMap[`./${api}`], `package.json "exports" has no entry for api "${api}": add "./${api}": ${JSON.stringify(want)}`).toEqual(want);
  });

  it('has no entry for an api that is not in redocly.yaml', () => {
    const apis = new Set(configApis().map((api) => `./${api}`));
    expect(Object.keys(exportsMap).filter((key) => !apis.has(key) && !NOT_APIS.includes(key))).toEqual([]);
  });
});

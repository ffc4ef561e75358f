/**
 * Two package entries per api of redocly.yaml: its client, and its fake for consumers' tests.
 * `exports` is written by hand (it is what consumers and tools such as attw read, and an explicit
 * list never exposes a stale `dist/generated/<old>/` that `tsc` left behind, as a `./*` pattern
 * would), so this test is what makes adding a vendor complete: it names the entry that is missing,
 * or left over, with the exact text to add.
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
  it.each(configApis())('has the entries of api %s (from redocly.yaml): its client and its fake', (api) => {
    for (const [subpath, file] of [[`./${api}`, 'index'], [`./${api}/testing`, 'testing']]) {
      const want = { types: `./dist/generated/${api}/${file}.d.ts`, default: `./dist/generated/${api}/${file}.js` };
      expect(exportsMap[subpath!], `package.json "exports" has no entry ${subpath} for api "${api}": add "${subpath}": ${JSON.stringify(want)}`).toEqual(want);
    }
  });

  it('has no entry for an api that is not in redocly.yaml', () => {
    const apis = new Set(configApis().flatMap((api) => [`./${api}`, `./${api}/testing`]));
    expect(Object.keys(exportsMap).filter((key) => !apis.has(key) && !NOT_APIS.includes(key))).toEqual([]);
  });
});

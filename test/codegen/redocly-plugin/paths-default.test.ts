/** codegen/redocly-plugin/paths-default.js: a document without `paths` gets an empty one, with a warning. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle } from '../../support/redocly-plugin.js';

const ID = 'vendor-quirks/paths-default';

describe(ID, () => {
  it.each([
    ['3.0 without paths (required there)', `openapi: 3.0.3\ninfo: { title: t, version: '1' }\ncomponents: { schemas: { A: { type: object } } }\n`, true],
    ['3.1 without paths', `openapi: 3.1.0\ninfo: { title: t, version: '1' }\ncomponents: { schemas: { A: { type: object } } }\n`, true],
    ['paths present, left alone', `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths: { /a: { get: { responses: { '200': { description: ok } } } } }\n`, false],
  ])('%s', async (_, source, added) => {
    const on = await lintAndBundle(source, { [ID]: 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(on.problems.includes(`${ID} #/`)).toBe(added);
    if (added) expect(on.bundled.paths).toEqual({});
    else expect(Object.keys(on.bundled.paths)).toEqual(['/a']);
  });

  it('3.0 without paths is a struct error when it is off', async () => {
    const off = await lintAndBundle(`openapi: 3.0.3\ninfo: { title: t, version: '1' }\ncomponents: { schemas: { A: { type: object } } }\n`, {});
    expect(off.problems.filter((p) => p.startsWith('struct'))).not.toEqual([]);
  });
});

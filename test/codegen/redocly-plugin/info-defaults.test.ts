/** codegen/redocly-plugin/info-defaults.js: what `struct` requires of `info`, filled in with a warning. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle } from '../../support/redocly-plugin.js';

const ID = 'vendor-quirks/info-defaults';
const source = (info: string) => `openapi: 3.1.0
${info}
paths: {}
`;

describe(ID, () => {
  it.each([
    ['a numeric version and no title', 'info: { version: 2 }', { version: '2', title: 'spec' }, true],
    ['no info at all', '', { title: 'spec', version: '' }, true],
    ['a complete info, left alone', "info: { title: T, version: '1.0' }", { title: 'T', version: '1.0' }, false],
  ])('%s', async (_, info, want, fixed) => {
    const off = await lintAndBundle(source(info), {});
    expect(off.problems.some((p) => p.startsWith('struct'))).toBe(fixed);
    const on = await lintAndBundle(source(info), { [ID]: 'on' });
    expect(on.problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    expect(on.bundled.info).toEqual(want);
    expect(on.problems.includes(`${ID} #/info`)).toBe(fixed);
  });
});

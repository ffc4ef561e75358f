/** codegen/redocly-plugin/keywords-to-extensions.js: vendor keywords kept as x- extensions. */
import { describe, expect, it } from 'vitest';
import { lintAndBundle, spec } from '../../support/redocly-plugin.js';

describe('vendor-quirks/keywords-to-extensions', () => {
  const source = spec(`paths: {}
components:
  schemas:
    S:
      type: object
      properties:
        a: { title: A, can_patch: true, type: string }
        b: { can_patch: false, x-can-patch: true, type: string }
        c: { optional_in_request: true, type: string }
`);

  it('renames listed keywords to x- extensions, keeping value and position; an explicit x- wins', async () => {
    const { problems, bundled } = await lintAndBundle(source, {
      'vendor-quirks/keywords-to-extensions': { keywords: ['can_patch', 'optional_in_request'] },
    });
    expect(problems.filter((p) => p.startsWith('struct'))).toEqual([]);
    const props = bundled.components.schemas.S.properties;
    expect(Object.keys(props.a)).toEqual(['title', 'x-can-patch', 'type']);
    expect(props.a['x-can-patch']).toBe(true);
    expect(props.b).toEqual({ 'x-can-patch': true, type: 'string' });
    expect(props.c).toEqual({ 'x-optional-in-request': true, type: 'string' });
  });

  it('does nothing without a keyword list (struct still reports the keyword)', async () => {
    const { problems } = await lintAndBundle(source, { 'vendor-quirks/keywords-to-extensions': 'on' });
    expect(problems).toContain('struct #/components/schemas/S/properties/a/can_patch');
  });
});

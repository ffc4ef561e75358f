/**
 * Golden test: the boolean-discriminator pass on fixtures other than Scale GP
 * (another property name, lower-case and numeric mapping keys, const / one-value
 * enum / plain boolean members, allOf members, OpenAPI 3.0 and 3.1), next to a
 * string discriminator that must stay as openapi-typescript writes it.
 * The emitted files are compared with committed goldens under __golden__/ and
 * type-checked by boolean-discriminator.test-d.ts.
 */
import { describe, expect, it } from 'vitest';
import { goldenFixture } from '../support/golden.js';

describe('boolean discriminator fixtures', async () => {
  const results = await goldenFixture('boolean-discriminator');

  it('converts exactly the boolean members, and leaves the string discriminator alone', () => {
    const posts = results.find((r) => r.api === 'posts-v31')!.files.get('posts-v31/schema.ts')!;
    expect(posts).toMatch(/^\s+isDraft: true;$/m);
    expect(posts).toMatch(/^\s+isDraft\?: false;$/m);
    expect(posts).toMatch(/^\s+isDraft: false;$/m);
    expect(posts).toMatch(/^\s+kind: "Cat";$/m);
    expect(posts).not.toContain('enum property replaced by openapi-typescript');
    expect(posts).not.toMatch(/isDraft\??: "/);
    const toggles = results.find((r) => r.api === 'toggles-v30')!.files.get('toggles-v30/schema.ts')!;
    expect(toggles).toMatch(/^\s+enabled: true;$/m);
    expect(toggles).toMatch(/^\s+enabled\?: false;$/m);
    expect(toggles).not.toContain('@enum {string}');
  });
});

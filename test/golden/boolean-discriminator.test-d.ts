/** The fixture goldens, type-checked: the unions accept and reject what the schemas do. */
import { describe, expectTypeOf, it } from 'vitest';
import type { components as Posts } from './__golden__/posts-v31/schema.js';
import type { components as Toggles } from './__golden__/toggles-v30/schema.js';

type PostUpdate = Posts['schemas']['PostUpdate'];
type Toggle = Toggles['schemas']['Toggle'];
const post = (body: PostUpdate) => body;
const toggle = (body: Toggle) => body;

describe('isDraft (3.1, lower-case keys, const / enum / allOf members)', () => {
  it('accepts each member', () => {
    post({ isDraft: true, body: 'b' });
    post({ title: 't' });
    post({ isDraft: false, title: 't' });
    post({ isDraft: false, archivedAt: '2026-01-01T00:00:00Z' });
  });
  it('rejects strings and mixed members', () => {
    // @ts-expect-error the mapping key is not the wire value
    post({ isDraft: 'true' });
    // @ts-expect-error a draft has no title (additionalProperties: false)
    post({ isDraft: true, title: 't' });
    // @ts-expect-error only a draft has a body, and a draft must say so
    post({ body: 'b' });
  });
  it('keeps the string discriminator as openapi-typescript types it', () => {
    expectTypeOf<Posts['schemas']['Cat']['kind']>().toEqualTypeOf<'Cat'>();
  });
});

describe('enabled (3.0, keys "1"/"0", object-form mapping, plain boolean member)', () => {
  it('accepts each member and rejects the rest', () => {
    toggle({ enabled: true, level: null });
    toggle({});
    toggle({ enabled: false });
    // @ts-expect-error "1" is the mapping key, not the value
    toggle({ enabled: '1', level: 1 });
    // @ts-expect-error an On toggle needs its level
    toggle({ enabled: true });
  });
  it('has literal members', () => {
    expectTypeOf<Toggles['schemas']['On']['enabled']>().toEqualTypeOf<true>();
    expectTypeOf<Toggles['schemas']['Off']['enabled']>().toEqualTypeOf<false | undefined>();
  });
});

/** Facts about the LaunchDarkly seed excerpt, on its committed output in test/fixtures/seed/ (a spec pull never changes it). */
import { describe, expectTypeOf, it } from 'vitest';
import type { operations, paths } from '../fixtures/seed/generated/launchdarkly/schema.js';

type PatchApplication = operations['patch-application'];

describe('LaunchDarkly patch-application', () => {
  it('no longer takes the Authorization header as a parameter (it is the ApiKey security scheme)', () => {
    expectTypeOf<PatchApplication['parameters']['header']>().toEqualTypeOf<never | undefined>();
    expectTypeOf<PatchApplication['parameters']['path']>().toEqualTypeOf<{ applicationKey: string }>();
  });

  it('types every documented error response', () => {
    expectTypeOf<keyof PatchApplication['responses']>().toEqualTypeOf<200 | 400 | 401 | 403 | 404 | 429>();
    expectTypeOf<PatchApplication['responses'][404]['content']['application/json']>().toEqualTypeOf<{ code: string; message: string }>();
  });

  it('is reachable from paths', () => {
    expectTypeOf<paths['/api/v2/applications/{applicationKey}']['patch']>().toEqualTypeOf<PatchApplication>();
  });
});

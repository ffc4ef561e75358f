/**
 * The promise of the foundation: the Scale GP restore discriminator is a real
 * boolean union. Checked by tsc (Vitest typecheck mode); every
 * `@ts-expect-error` fails the run if the line ever compiles. Read from the
 * seed excerpt's committed output in test/fixtures/seed/ (a spec pull never changes it).
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { components, PartialApplicationSpecRequest, RestoreRequest, ApplicationSpecResponse } from '../fixtures/seed/generated/scale-gp/schema.js';

type Body = components['schemas']['RestorablePartialApplicationSpecRequest'];
const accept = (body: Body) => body;

describe('RestorablePartialApplicationSpecRequest', () => {
  it('accepts a partial update, an explicit restore: false update, and a restore request', () => {
    accept({ name: 'x' });
    accept({ restore: false, description: 'd' });
    accept({ restore: true });
    accept({});
  });

  it('rejects restore with update fields, the stringly "True", and unknown properties', () => {
    // @ts-expect-error a restore request carries nothing else (additionalProperties: false)
    accept({ restore: true, name: 'x' });
    // @ts-expect-error the wire value is a boolean, not the mapping key
    accept({ restore: 'True' });
    // @ts-expect-error nor its lower-case spelling
    accept({ restore: 'false' });
    // @ts-expect-error a typo is not an update field
    accept({ nme: 'x' });
  });

  it('has literal boolean members, optional exactly where the schema does not require it', () => {
    expectTypeOf<PartialApplicationSpecRequest['restore']>().toEqualTypeOf<false | undefined>();
    expectTypeOf<RestoreRequest['restore']>().toEqualTypeOf<true>();
    expectTypeOf<Body>().toEqualTypeOf<PartialApplicationSpecRequest | RestoreRequest>();
  });

  it('narrows on restore', () => {
    const narrow = (body: Body) => {
      if (body.restore === true) expectTypeOf(body).toEqualTypeOf<RestoreRequest>();
      else expectTypeOf(body).toEqualTypeOf<PartialApplicationSpecRequest>();
    };
    void narrow;
  });
});

describe('readable aliases', () => {
  it('names the machine-made response schema by its title', () => {
    expectTypeOf<ApplicationSpecResponse>().toEqualTypeOf<
      components['schemas']['egp_api_backend__server__api__models__application_models_no_gen__ApplicationSpecResponse']
    >();
    expectTypeOf<ApplicationSpecResponse['created_by_identity_type']>().toEqualTypeOf<'user' | 'service_account' | undefined>();
  });
});

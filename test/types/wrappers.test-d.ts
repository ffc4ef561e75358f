/**
 * The call sites users write, type-checked: the restore union is enforced at
 * the wrapper, path parameters are required, and data/error are exactly the
 * spec's types. On the seed excerpts' committed output in test/fixtures/seed/
 * (a spec pull never changes it).
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createScaleGpClient,
  createScaleGpApiClient,
  updateApplicationSpec,
  type ApplicationSpecResponse,
  type HTTPValidationError,
} from '../fixtures/seed/generated/scale-gp/index.js';
import {
  createLaunchDarklyClient,
  createLaunchDarklyApiClient,
  patchApplication,
  type ApplicationRep,
  type InvalidRequestErrorRep,
  type UnauthorizedErrorRep,
  type ForbiddenErrorRep,
  type NotFoundErrorRep,
  type RateLimitedErrorRep,
} from '../fixtures/seed/generated/launchdarkly/index.js';

declare const application_spec_id: string;
const sgp = createScaleGpClient({ apiKey: 'k' });
const ld = createLaunchDarklyClient({ apiKey: 'k', server: 'federal' });

describe('Scale GP updateApplicationSpec', () => {
  it('accepts the three valid bodies', () => {
    void sgp.updateApplicationSpec({ application_spec_id, body: { name: 'New' } });
    void sgp.updateApplicationSpec({ application_spec_id, body: { restore: false, description: 'd' } });
    void sgp.updateApplicationSpec({ application_spec_id, body: { restore: true } });
  });

  it('rejects the invalid bodies, a missing path parameter and a missing body', () => {
    // @ts-expect-error restore requests carry nothing else
    void sgp.updateApplicationSpec({ application_spec_id, body: { restore: true, name: 'x' } });
    // @ts-expect-error restore is a boolean
    void sgp.updateApplicationSpec({ application_spec_id, body: { restore: 'True' } });
    // @ts-expect-error unknown property
    void sgp.updateApplicationSpec({ application_spec_id, body: { nme: 'x' } });
    // @ts-expect-error the path parameter is required
    void sgp.updateApplicationSpec({ body: { name: 'x' } });
    // @ts-expect-error the body is required by the spec
    void sgp.updateApplicationSpec({ application_spec_id });
    // @ts-expect-error wrong body type
    void sgp.updateApplicationSpec({ application_spec_id, body: { name: 1 } });
    // @ts-expect-error the argument is required
    void sgp.updateApplicationSpec();
  });

  it('returns exactly the spec types', async () => {
    const result = await sgp.updateApplicationSpec({ application_spec_id, body: { name: 'x' } });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<HTTPValidationError>();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<ApplicationSpecResponse>();
    }
    expectTypeOf(result.response).toEqualTypeOf<Response>();
  });

  it('in throwing mode resolves to the success branch', async () => {
    const throwing = createScaleGpClient({ apiKey: 'k', throwOnError: true });
    const { data } = await throwing.updateApplicationSpec({ application_spec_id, body: { name: 'x' } });
    expectTypeOf(data).toEqualTypeOf<ApplicationSpecResponse>();
  });

  it('free functions take the low-level client of their own api only', () => {
    const client = createScaleGpApiClient({ apiKey: 'k' });
    void updateApplicationSpec(client, { application_spec_id, body: { restore: true } });
    // @ts-expect-error a LaunchDarkly client is not a Scale GP client
    void updateApplicationSpec(createLaunchDarklyApiClient({ apiKey: 'k' }), { application_spec_id, body: { restore: true } });
  });

  it('server names come from the spec/config', () => {
    // @ts-expect-error Scale GP declares one server
    createScaleGpClient({ apiKey: 'k', server: 'federal' });
  });
});

describe('LaunchDarkly patchApplication', () => {
  it('takes a JSON Patch with RFC 6902 operations', () => {
    void ld.patchApplication({ applicationKey: 'app', body: [{ op: 'replace', path: '/description', value: 'd' }] });
    void patchApplication(createLaunchDarklyApiClient({ apiKey: 'k' }), { applicationKey: 'app', body: [{ op: 'remove', path: '/kind' }] });
    // @ts-expect-error "update" is not a JSON Patch operation
    void ld.patchApplication({ applicationKey: 'app', body: [{ op: 'update', path: '/description' }] });
    // @ts-expect-error path is required in a patch operation
    void ld.patchApplication({ applicationKey: 'app', body: [{ op: 'add' }] });
    // @ts-expect-error applicationKey is required
    void ld.patchApplication({ body: [] });
  });

  it('does not take the API key per call (it is given at creation)', () => {
    // @ts-expect-error Authorization is not a parameter any more
    void ld.patchApplication({ applicationKey: 'app', headers: { Authorization: 'k' } });
  });

  it('types data and every error response', async () => {
    const result = await ld.patchApplication({ applicationKey: 'app', body: [] });
    if (result.error) {
      expectTypeOf(result.error).toEqualTypeOf<
        InvalidRequestErrorRep | UnauthorizedErrorRep | ForbiddenErrorRep | NotFoundErrorRep | RateLimitedErrorRep
      >();
    } else {
      expectTypeOf(result.data).toEqualTypeOf<ApplicationRep>();
    }
  });
});

describe('client options (per call, withOptions, requestId)', () => {
  it('every wrapper takes { signal, headers, timeoutMs, maxRetries } last; a header may be null', () => {
    const options = { signal: AbortSignal.timeout(1), headers: { 'x-a': 'b', 'User-Agent': null }, timeoutMs: 5_000, maxRetries: 0 };
    void sgp.updateApplicationSpec({ application_spec_id, body: { name: 'x' } }, options);
    void updateApplicationSpec(createScaleGpApiClient({ apiKey: 'k' }), { application_spec_id, body: { name: 'x' } }, options);
    void ld.patchApplication({ applicationKey: 'app', body: [] }, options);
    // @ts-expect-error timeoutMs is a number
    void sgp.updateApplicationSpec({ application_spec_id, body: { name: 'x' } }, { timeoutMs: '5s' });
    // @ts-expect-error not a per-call option
    void sgp.updateApplicationSpec({ application_spec_id, body: { name: 'x' } }, { apiKey: 'k' });
  });

  it('withOptions keeps the client type (and its throwing mode), typed server names', () => {
    const throwing = createScaleGpClient({ apiKey: 'k', throwOnError: true });
    expectTypeOf(throwing.withOptions({ timeoutMs: 1, logLevel: 'debug' })).toEqualTypeOf(throwing);
    expectTypeOf(ld.withOptions({ server: 'commercial' })).toEqualTypeOf(ld);
    // @ts-expect-error LaunchDarkly has no such server
    void ld.withOptions({ server: 'eu' });
    // @ts-expect-error the throwing mode is fixed at creation (it decides the result type)
    void throwing.withOptions({ throwOnError: false });
    // @ts-expect-error not a log level
    void sgp.withOptions({ logLevel: 'verbose' });
    expectTypeOf(createScaleGpApiClient().withOptions({ headers: { a: null } })).toEqualTypeOf(createScaleGpApiClient());
  });

  it('results carry requestId next to response, in both modes', async () => {
    expectTypeOf((await sgp.updateApplicationSpec({ application_spec_id, body: { name: 'x' } })).requestId).toEqualTypeOf<string | undefined>();
    const throwing = createScaleGpClient({ apiKey: 'k', throwOnError: true });
    const { data, requestId } = await throwing.updateApplicationSpec({ application_spec_id, body: { name: 'x' } });
    expectTypeOf(data).toEqualTypeOf<ApplicationSpecResponse>();
    expectTypeOf(requestId).toEqualTypeOf<string | undefined>();
  });
});

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
  isUpdateApplicationSpecError,
  ApiError as SgpApiError,
  NotFoundError as SgpNotFoundError,
  isStatus as sgpIsStatus,
  type ApplicationSpecResponse,
  type HTTPValidationError,
  type ScaleGpClient,
  type UpdateApplicationSpecResult,
  type ValidationError,
} from '../fixtures/seed/generated/scale-gp/index.js';
import { ApiConnectionError, ApiError, ClientError, NotFoundError, ResponseBodyError, isOk, isStatus, type ResponseBodyProblem } from '../../src/index.js';
import {
  createLaunchDarklyClient,
  createLaunchDarklyApiClient,
  patchApplication,
  isPatchApplicationError,
  uncheckedPointer,
  type PatchApplicationPatch,
  type PatchApplicationPatchOperation,
  type PatchApplicationPatchPointer,
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

  it('types data on success and a declared error only once its status is known', async () => {
    const result = await sgp.updateApplicationSpec({ application_spec_id, body: { name: 'x' } });
    // Any status may come back, and the spec declares only 422: the error is unknown until narrowed.
    expectTypeOf(result.error).toEqualTypeOf<unknown>();
    // @ts-expect-error an undeclared 404 has no `detail` the types could promise
    void result.error?.detail;
    if (isOk(result)) {
      expectTypeOf(result.data).toEqualTypeOf<ApplicationSpecResponse>();
      expectTypeOf(result.error).toEqualTypeOf<undefined>();
    } else if (isStatus(result, 422)) {
      expectTypeOf(result.error).toEqualTypeOf<HTTPValidationError>();
      expectTypeOf(result.response.status).toEqualTypeOf<422>();
    } else {
      expectTypeOf(result.error).toEqualTypeOf<unknown>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
    }
    // @ts-expect-error 404 is not a status this operation declares
    isStatus(result, 404);
    expectTypeOf(result.response).toMatchTypeOf<Response>();
  });

  it('in throwing mode resolves to the success branch', async () => {
    const throwing = createScaleGpClient({ apiKey: 'k', throwOnError: true });
    const { data } = await throwing.updateApplicationSpec({ application_spec_id, body: { name: 'x' } });
    expectTypeOf(data).toEqualTypeOf<ApplicationSpecResponse>();
  });

  it('types the body of a thrown error of a declared status through the operation guard', () => {
    const err = JSON.parse('0') as unknown;
    if (isUpdateApplicationSpecError(err)) {
      expectTypeOf(err.body).toEqualTypeOf<HTTPValidationError>();
      expectTypeOf(err.status).toEqualTypeOf<422>();
      expectTypeOf(err).toMatchTypeOf<ApiError>();
    }
    if (isUpdateApplicationSpecError(err, 422)) expectTypeOf(err.body.detail).toEqualTypeOf<ValidationError[] | undefined>();
    // @ts-expect-error 404 is not declared by updateApplicationSpec
    isUpdateApplicationSpecError(err, 404);
    // `instanceof` alone says nothing about the body.
    if (err instanceof ApiError) expectTypeOf(err.body).toEqualTypeOf<unknown>();
  });

  it('types what an error raised after the response headers knows of the response', () => {
    const err = JSON.parse('0') as unknown;
    if (err instanceof ResponseBodyError) {
      expectTypeOf(err).toMatchTypeOf<ClientError>();
      // A body error always has a response.
      expectTypeOf(err.status).toEqualTypeOf<number>();
      expectTypeOf(err.reason).toEqualTypeOf<ResponseBodyProblem>();
      expectTypeOf(err.reason).toEqualTypeOf<'invalid-json' | 'content-encoding' | 'unreadable'>();
      expectTypeOf(err.bodyStart).toEqualTypeOf<string | undefined>();
      expectTypeOf(err.contentType).toEqualTypeOf<string | undefined>();
      expectTypeOf(err.requestId).toEqualTypeOf<string | undefined>();
      expectTypeOf(err.headers).toEqualTypeOf<Headers | undefined>();
      // @ts-expect-error not an ApiError: no HTTP error status
      expectTypeOf(err).toMatchTypeOf<ApiError>();
    }
    // A connection error has a response only when it was lost while the body was read.
    if (err instanceof ApiConnectionError) expectTypeOf(err.status).toEqualTypeOf<number | undefined>();
  });

  it('accepts throwOnError as a boolean known at run time: the result is then the union', async () => {
    const config = { throwOnError: Math.random() > 0.5 };
    const client = createScaleGpClient({ apiKey: 'k', throwOnError: config.throwOnError });
    expectTypeOf(client).toEqualTypeOf<ScaleGpClient<boolean>>();
    const result = await client.updateApplicationSpec({ application_spec_id, body: { name: 'x' } });
    expectTypeOf(result).toEqualTypeOf<UpdateApplicationSpecResult>();
    expectTypeOf(createScaleGpClient({ apiKey: 'k' })).toEqualTypeOf<ScaleGpClient<false>>();
    expectTypeOf(createScaleGpClient({ apiKey: 'k', throwOnError: false })).toEqualTypeOf<ScaleGpClient<false>>();
    expectTypeOf(createScaleGpClient({ apiKey: 'k', throwOnError: true })).toEqualTypeOf<ScaleGpClient<true>>();
  });

  it('exports the error classes and result helpers from the vendor subpath, the runtime\'s own', () => {
    expectTypeOf(SgpApiError).toEqualTypeOf<typeof ApiError>();
    expectTypeOf(SgpNotFoundError).toEqualTypeOf<typeof NotFoundError>();
    expectTypeOf(sgpIsStatus).toEqualTypeOf<typeof isStatus>();
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
    void patchApplication(createLaunchDarklyApiClient({ apiKey: 'k' }), { applicationKey: 'app', body: [{ op: 'remove', path: '/description' }] });
    // @ts-expect-error "update" is not a JSON Patch operation
    void ld.patchApplication({ applicationKey: 'app', body: [{ op: 'update', path: '/description' }] });
    // @ts-expect-error path is required in a patch operation
    void ld.patchApplication({ applicationKey: 'app', body: [{ op: 'add' }] });
    // @ts-expect-error applicationKey is required
    void ld.patchApplication({ body: [] });
  });

  it('checks each pointer and value against ApplicationRep, on the fields LaunchDarkly lets a patch change', () => {
    const patch = (body: PatchApplicationPatch) => ld.patchApplication({ applicationKey: 'app', body });
    void patch([{ op: 'replace', path: '/kind', value: 'mobile' }, { op: 'add', path: '/description', value: 'd' }]);
    // A guard: test reads any field, also those a patch cannot change.
    void patch([{ op: 'test', path: '/_version', value: 3 }, { op: 'test', path: '/name', value: 'n' }, { op: 'replace', path: '/kind', value: 'server' }]);
    void patch([{ op: 'copy', from: '/description', path: '/kind' }]);
    // A field the spec does not describe: explicitly.
    void patch([{ op: 'add', path: uncheckedPointer('/beta'), value: true }]);
    // @ts-expect-error a misspelt pointer
    void patch([{ op: 'replace', path: '/descripton', value: 'd' }]);
    // @ts-expect-error kind is browser | mobile | server
    void patch([{ op: 'replace', path: '/kind', value: 'desktop' }]);
    // @ts-expect-error remove carries no value
    void patch([{ op: 'remove', path: '/description', value: 'd' }]);
    // @ts-expect-error kind is required: it cannot be removed
    void patch([{ op: 'remove', path: '/kind' }]);
    // @ts-expect-error LaunchDarkly lets a patch change description and kind only (redocly.yaml x-codegen.jsonPatch)
    void patch([{ op: 'replace', path: '/name', value: 'n' }]);
    // @ts-expect-error `_version` is not editable (names starting with `_`)
    void patch([{ op: 'replace', path: '/_version', value: 4 }]);
    expectTypeOf<PatchApplicationPatch>().toEqualTypeOf<PatchApplicationPatchOperation[]>();
    expectTypeOf<PatchApplicationPatchPointer>().toEqualTypeOf<'/description' | '/kind'>();
  });

  it('does not take the API key per call (it is given at creation)', () => {
    // @ts-expect-error Authorization is not a parameter any more
    void ld.patchApplication({ applicationKey: 'app', headers: { Authorization: 'k' } });
  });

  it('types data and every declared error response by its status', async () => {
    const result = await ld.patchApplication({ applicationKey: 'app', body: [] });
    if (isOk(result)) expectTypeOf(result.data).toEqualTypeOf<ApplicationRep>();
    if (isStatus(result, 400)) expectTypeOf(result.error).toEqualTypeOf<InvalidRequestErrorRep>();
    if (isStatus(result, 401)) expectTypeOf(result.error).toEqualTypeOf<UnauthorizedErrorRep>();
    if (isStatus(result, 403)) expectTypeOf(result.error).toEqualTypeOf<ForbiddenErrorRep>();
    if (isStatus(result, 404)) expectTypeOf(result.error).toEqualTypeOf<NotFoundErrorRep>();
    if (isStatus(result, 429)) expectTypeOf(result.error).toEqualTypeOf<RateLimitedErrorRep>();
    // @ts-expect-error LaunchDarkly declares no 500 for this operation
    isStatus(result, 500);
  });

  it('types thrown errors by status through the operation guard', () => {
    const err = JSON.parse('0') as unknown;
    if (isPatchApplicationError(err, 404)) expectTypeOf(err.body).toEqualTypeOf<NotFoundErrorRep>();
    if (isPatchApplicationError(err)) {
      expectTypeOf(err.body).toEqualTypeOf<
        InvalidRequestErrorRep | UnauthorizedErrorRep | ForbiddenErrorRep | NotFoundErrorRep | RateLimitedErrorRep
      >();
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

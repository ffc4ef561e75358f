/**
 * The fakes' types, on the seed excerpts' generated testing modules: a
 * handler gets the wrapper's argument and must answer the body the spec
 * declares for the status it gives; recorded calls are typed.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { ApplicationRep, NotFoundErrorRep, PatchApplicationArgs, PatchApplicationPatch } from '../fixtures/seed/generated/launchdarkly/index.js';
import { createLaunchDarklyFake, dropConnection, type LaunchDarklyFake, type LaunchDarklyFakeHandlers } from '../fixtures/seed/generated/launchdarkly/testing.js';
import type { ApplicationSpecResponse, UpdateApplicationSpecArgs } from '../fixtures/seed/generated/scale-gp/index.js';
import { createScaleGpFake } from '../fixtures/seed/generated/scale-gp/testing.js';
import { createLaunchDarklyClient } from '../fixtures/seed/generated/launchdarkly/index.js';

const app: ApplicationRep = { key: 'my-app', name: 'My app', kind: 'mobile', autoAdded: false };

describe('handlers', () => {
  it("get the wrapper's argument", () => {
    createLaunchDarklyFake({
      patchApplication: (args) => {
        expectTypeOf(args).toEqualTypeOf<PatchApplicationArgs>();
        expectTypeOf(args.applicationKey).toEqualTypeOf<string>();
        expectTypeOf<PatchApplicationPatch>().toExtend<NonNullable<typeof args.body>>();
        return { status: 200, body: app };
      },
    });
    createScaleGpFake({
      updateApplicationSpec: (args) => {
        expectTypeOf(args).toEqualTypeOf<UpdateApplicationSpecArgs>();
        return { status: 422, body: { detail: [{ loc: ['body', 'name'], msg: 'bad', type: 'value_error' }] } };
      },
    });
  });

  it('answer the body the spec declares for the status: ApplicationRep for 200, NotFoundErrorRep for 404', () => {
    const notFound: NotFoundErrorRep = { code: 'not_found', message: 'no such app' };
    createLaunchDarklyFake({ patchApplication: () => ({ status: 404, body: notFound }) });
    createLaunchDarklyFake({ patchApplication: async () => ({ status: 200, body: app, headers: { 'x-request-id': 'r' }, delayMs: 10 }) });

    // @ts-expect-error a 200 answers an ApplicationRep, not the 404's body
    createLaunchDarklyFake({ patchApplication: () => ({ status: 200, body: notFound }) });
    // @ts-expect-error a 404 answers a NotFoundErrorRep
    createLaunchDarklyFake({ patchApplication: () => ({ status: 404, body: app }) });
    // @ts-expect-error a required property missing
    createLaunchDarklyFake({ patchApplication: () => ({ status: 200, body: { key: 'k', name: 'n', kind: 'mobile' } }) });
    // @ts-expect-error a status the spec does not declare (answer a Response for that)
    createLaunchDarklyFake({ patchApplication: () => ({ status: 500, body: notFound }) });
    // @ts-expect-error the body of a declared status is required
    createLaunchDarklyFake({ patchApplication: () => ({ status: 200 }) });
    // @ts-expect-error Scale GP's 200 is an ApplicationSpecResponse
    createScaleGpFake({ updateApplicationSpec: () => ({ status: 200, body: app }) });
  });

  it('reply(status, body) checks the body as an argument: a property the schema does not have too', () => {
    createLaunchDarklyFake({ patchApplication: (_args, { reply }) => reply(200, app, { headers: { 'x-request-id': 'r' } }) });
    createLaunchDarklyFake({ patchApplication: (_args, { reply }) => reply(404, { code: 'not_found', message: 'gone' }) });
    // @ts-expect-error a property ApplicationRep does not have (a returned object literal is not checked for that by TypeScript)
    createLaunchDarklyFake({ patchApplication: (_args, { reply }) => reply(200, { ...app, colour: 'red' }) });
    // @ts-expect-error the 404's body for a 200
    createLaunchDarklyFake({ patchApplication: (_args, { reply }) => reply(200, { code: 'not_found', message: 'gone' }) });
    // @ts-expect-error a status the spec does not declare
    createLaunchDarklyFake({ patchApplication: (_args, { reply }) => reply(500, app) });
  });

  it('may answer any Response, or drop the connection', () => {
    createLaunchDarklyFake({ patchApplication: () => new Response(null, { status: 503, headers: { 'retry-after': '1' } }) });
    createLaunchDarklyFake({ patchApplication: () => dropConnection() });
    createLaunchDarklyFake({ patchApplication: () => dropConnection({ status: 200, body: app }) });
  });

  it('are keyed by wrapper name', () => {
    // @ts-expect-error no operation of that name
    createLaunchDarklyFake({ patchAplication: () => ({ status: 200, body: app }) });
    const handlers: LaunchDarklyFakeHandlers = { patchApplication: () => ({ status: 200, body: app }) };
    createLaunchDarklyFake(handlers, { examples: true });
  });
});

describe('the fake', () => {
  it("is the client's fetch, and records typed calls", () => {
    const fake: LaunchDarklyFake = createLaunchDarklyFake();
    createLaunchDarklyClient({ apiKey: 'test', fetch: fake.fetch });
    expectTypeOf(fake.calls.patchApplication).toEqualTypeOf<ReadonlyArray<PatchApplicationArgs>>();
    expectTypeOf(fake.calls.patchApplication[0]!.body).toEqualTypeOf<PatchApplicationArgs['body']>();
    const record = fake.requests[0]!;
    expectTypeOf(record.operation).toEqualTypeOf<'patchApplication'>();
    expectTypeOf(record.request).toEqualTypeOf<Request>();
    // @ts-expect-error no such operation
    void fake.calls.getApplication;
    fake.use({ patchApplication: () => ({ status: 200, body: app }) });
    // @ts-expect-error use() checks bodies too
    fake.use({ patchApplication: () => ({ status: 200, body: {} }) });
  });

  it('gives Scale GP bodies their own types', () => {
    const fake = createScaleGpFake({
      updateApplicationSpec: ({ application_spec_id, body }) => {
        const spec: ApplicationSpecResponse = {
          id: application_spec_id,
          name: body && 'name' in body && body.name !== undefined ? body.name : 'unchanged',
          description: '',
          run_online_evaluation: false,
          created_at: '2024-01-01T00:00:00Z',
          account_id: 'acc',
        };
        return { status: 200, body: spec };
      },
    });
    expectTypeOf(fake.calls.updateApplicationSpec).toEqualTypeOf<ReadonlyArray<UpdateApplicationSpecArgs>>();
  });
});

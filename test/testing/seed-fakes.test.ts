/**
 * The generated fakes of the seed excerpts (test/fixtures/seed/generated/*
 * /testing.ts) with their clients, as a consumer's test uses them: through
 * the client's `fetch` option, and as MSW handlers. Retries and timeouts are
 * the client's own, met through the fake.
 */
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ApiConnectionError,
  ApiTimeoutError,
  createLaunchDarklyClient,
  isPatchApplicationError,
  type ApplicationRep,
  type LaunchDarklyClient,
} from '../fixtures/seed/generated/launchdarkly/index.js';
import { createLaunchDarklyFake, dropConnection, FakeError } from '../fixtures/seed/generated/launchdarkly/testing.js';
import { createScaleGpClient, type ApplicationSpecResponse, type ScaleGpClient } from '../fixtures/seed/generated/scale-gp/index.js';
import { createScaleGpFake } from '../fixtures/seed/generated/scale-gp/testing.js';

const app: ApplicationRep = { key: 'my-app', name: 'My app', kind: 'mobile', autoAdded: false, description: 'Old' };
const spec = (id: string, name: string): ApplicationSpecResponse => ({
  id,
  name,
  description: 'd',
  run_online_evaluation: false,
  created_at: '2024-01-01T00:00:00Z',
  account_id: 'acc_1',
});

/** The code under test: renames a Scale GP application spec, then describes the LaunchDarkly app after it. */
async function renameEverywhere(sgp: ScaleGpClient<true>, ld: LaunchDarklyClient<true>, name: string) {
  const { data: updated } = await sgp.updateApplicationSpec({ application_spec_id: 'spec_1', body: { name } });
  const { data: patched } = await ld.patchApplication({ applicationKey: 'my-app', body: [{ op: 'replace', path: '/description', value: `Runs ${updated.name}` }] });
  return patched.description;
}

describe('a consumer test with the fakes as the clients\' fetch', () => {
  it('answers each operation with its handler and records what the code sent', async () => {
    const sgpFake = createScaleGpFake({ updateApplicationSpec: ({ application_spec_id, body }) => ({ status: 200, body: spec(application_spec_id, body && 'name' in body ? body.name ?? '' : '') }) });
    const ldFake = createLaunchDarklyFake({
      patchApplication: ({ body }, { reply }) => reply(200, { ...app, description: String(body?.flatMap((op) => (op.path === '/description' && 'value' in op ? [op.value] : []))[0]) }),
    });
    const sgp = createScaleGpClient({ apiKey: 'test', fetch: sgpFake.fetch, throwOnError: true });
    const ld = createLaunchDarklyClient({ apiKey: 'test', fetch: ldFake.fetch, throwOnError: true });

    expect(await renameEverywhere(sgp, ld, 'Support bot')).toBe('Runs Support bot');
    expect(sgpFake.calls.updateApplicationSpec).toEqual([{ application_spec_id: 'spec_1', body: { name: 'Support bot' } }]);
    expect(ldFake.calls.patchApplication[0]!.body).toEqual([{ op: 'replace', path: '/description', value: 'Runs Support bot' }]);
    // The request as sent: the key went in LaunchDarkly's Authorization header.
    expect(ldFake.requests[0]!.request.headers.get('authorization')).toBe('test');
  });

  it('gives the declared error bodies to the code: a 404 is the NotFoundError with its NotFoundErrorRep', async () => {
    const fake = createLaunchDarklyFake({ patchApplication: () => ({ status: 404, body: { code: 'not_found', message: 'Unknown application' } }) });
    const ld = createLaunchDarklyClient({ apiKey: 'test', fetch: fake.fetch, throwOnError: true });
    const error = await ld.patchApplication({ applicationKey: 'nope', body: [] }).catch((e: unknown) => e);
    expect(isPatchApplicationError(error, 404) && error.body.message).toBe('Unknown application');
  });

  it('fails loudly on a call without a handler, naming the operation and how to add one', async () => {
    const sgp = createScaleGpClient({ apiKey: 'test', fetch: createScaleGpFake().fetch, throwOnError: true });
    const ld = createLaunchDarklyClient({ apiKey: 'test', fetch: createLaunchDarklyFake().fetch, throwOnError: true });
    const error = await renameEverywhere(sgp, ld, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeError);
    expect((error as FakeError).message).toBe(
      'EGP API V4 fake: no handler for updateApplicationSpec (PATCH /v4/application-specs/{application_spec_id}). ' +
        'Add one: createScaleGpFake({ updateApplicationSpec: (args) => ({ status, body }) }), or fake.use({ updateApplicationSpec: … })',
    );
  });

  it('retries a 429 with Retry-After, as the client does against the API', async () => {
    const fake = createLaunchDarklyFake({
      patchApplication: (_args, { call }) =>
        call === 1 ? { status: 429, body: { code: 'rate_limited', message: 'Slow down' }, headers: { 'Retry-After': '0' } } : { status: 200, body: app },
    });
    const ld = createLaunchDarklyClient({ apiKey: 'test', fetch: fake.fetch, throwOnError: true, logLevel: 'off' });
    const { data } = await ld.patchApplication({ applicationKey: 'my-app', body: [] });
    expect(data.key).toBe('my-app');
    expect(fake.calls.patchApplication).toHaveLength(2);
  });

  it('times out on a slow answer, and does not send a PATCH again after a dropped connection', async () => {
    const slow = createScaleGpFake({ updateApplicationSpec: () => ({ status: 200, body: spec('s', 'n'), delayMs: 30_000 }) });
    const sgp = createScaleGpClient({ apiKey: 'test', fetch: slow.fetch, throwOnError: true, timeoutMs: 50, logLevel: 'off' });
    await expect(sgp.updateApplicationSpec({ application_spec_id: 's', body: { name: 'n' } })).rejects.toBeInstanceOf(ApiTimeoutError);

    const dropped = createLaunchDarklyFake({ patchApplication: () => dropConnection() });
    const ld = createLaunchDarklyClient({ apiKey: 'test', fetch: dropped.fetch, logLevel: 'off' });
    await expect(ld.patchApplication({ applicationKey: 'my-app', body: [] })).rejects.toBeInstanceOf(ApiConnectionError);
    expect(dropped.calls.patchApplication).toHaveLength(1);
  });
});

describe('the same handlers as MSW request handlers', () => {
  const ldFake = createLaunchDarklyFake({ patchApplication: ({ applicationKey }) => ({ status: 200, body: { ...app, key: applicationKey } }) });
  const sgpFake = createScaleGpFake();
  const server = setupServer(...ldFake.mswHandlers(http), ...sgpFake.mswHandlers(http));
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    ldFake.reset();
    sgpFake.reset();
  });
  afterAll(() => server.close());

  it('answers the client (its default fetch, intercepted by MSW) and records the call', async () => {
    const ld = createLaunchDarklyClient({ apiKey: 'test', server: 'federal', throwOnError: true });
    const { data } = await ld.patchApplication({ applicationKey: 'from-msw', body: [{ op: 'remove', path: '/description' }] });
    expect(data.key).toBe('from-msw');
    expect(ldFake.calls.patchApplication).toEqual([{ applicationKey: 'from-msw', body: [{ op: 'remove', path: '/description' }] }]);
  });

  it('leaves a call without a handler to MSW (onUnhandledRequest), and records it', async () => {
    const sgp = createScaleGpClient({ apiKey: 'test', throwOnError: true, maxRetries: 0, logLevel: 'off' });
    await expect(sgp.updateApplicationSpec({ application_spec_id: 's', body: { name: 'n' } })).rejects.toBeInstanceOf(ApiConnectionError);
    expect(sgpFake.errors.map((e) => [e.reason, e.operation])).toEqual([['no-handler', 'updateApplicationSpec']]);
  });

  it('drops the connection as MSW does (a network error)', async () => {
    server.use(...createLaunchDarklyFake({ patchApplication: () => dropConnection() }).mswHandlers(http));
    const ld = createLaunchDarklyClient({ apiKey: 'test', throwOnError: true, logLevel: 'off' });
    await expect(ld.patchApplication({ applicationKey: 'x', body: [] })).rejects.toBeInstanceOf(ApiConnectionError);
  });
});

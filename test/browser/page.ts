/**
 * The page the browser test loads (bundled by esbuild for the browser, no Node
 * globals): it exercises the package against the Prism mock, cross-origin, and
 * posts what it saw back to the page's server as JSON.
 */
import { createScaleGpApiClient, createScaleGpClient, scaleGpApi, updateApplicationSpec } from '../fixtures/seed/generated/scale-gp/index.js';
import type { paths } from '../fixtures/seed/generated/scale-gp/schema.js';
import { createScaleGpFake } from '../fixtures/seed/generated/scale-gp/testing.js';
import { createMediaKindsClient } from '../golden/__golden__/media-kinds/index.js';
import { createMediaKindsFake } from '../golden/__golden__/media-kinds/testing.js';
import {
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  BrowserNotAllowedError,
  ClientError,
  createApiClient,
  MissingApiKeyError,
  UnprocessableEntityError,
  type Logger,
} from '../../src/index.js';

const params = new URLSearchParams(location.search);
const apiUrl = params.get('api')!;
const deadUrl = params.get('dead')!;
const apiKey = 'browser-test-key';
const args = { application_spec_id: 'spec_browser', body: { name: 'from the browser' } };

function failure(fn: () => unknown): Record<string, unknown> | undefined {
  try {
    fn();
  } catch (e) {
    return describe(e);
  }
  return undefined;
}

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> | undefined> {
  try {
    await promise;
  } catch (e) {
    return describe(e);
  }
  return undefined;
}

function describe(e: unknown): Record<string, unknown> {
  if (!(e instanceof Error)) return { thrown: String(e) };
  return {
    name: e.name,
    message: e.message,
    apiError: e instanceof ApiError,
    clientError: e instanceof ClientError,
    status: e instanceof ApiError ? e.status : undefined,
    unprocessable: e instanceof UnprocessableEntityError,
    connection: e instanceof ApiConnectionError,
    abort: e instanceof ApiAbortError,
    browserNotAllowed: e instanceof BrowserNotAllowedError,
    missingKey: e instanceof MissingApiKeyError,
  };
}

async function run(): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  const logger: Logger = {
    debug: (m) => void lines.push(`debug ${m}`),
    info: (m) => void lines.push(`info ${m}`),
    warn: (m) => void lines.push(`warn ${m}`),
    error: (m) => void lines.push(`error ${m}`),
  };
  const g = globalThis as Record<string, unknown>;
  const out: Record<string, unknown> = {
    nodeGlobals: ['process', 'Buffer', 'require', 'global'].filter((name) => typeof g[name] !== 'undefined'),
    // The opt-in is enforced, and a missing key is asked for as an option (there is no environment).
    refused: failure(() => createScaleGpClient({ apiKey, baseUrl: apiUrl })),
    refusedFree: failure(() => createScaleGpApiClient({ apiKey, baseUrl: apiUrl })),
    missingKey: failure(() => createScaleGpClient({ baseUrl: apiUrl, dangerouslyAllowBrowser: true })),
  };

  const sgp = createScaleGpClient({ apiKey, baseUrl: apiUrl, dangerouslyAllowBrowser: true, throwOnError: true, logger, logLevel: 'debug' });
  const ok = await sgp.updateApplicationSpec(args, { timeoutMs: 10_000, headers: { 'x-call': 'per-call' } });
  out.ok = { id: typeof ok.data.id, name: typeof ok.data.name, status: ok.response.status, requestId: ok.requestId };
  out.invalid = await rejection(sgp.updateApplicationSpec({ ...args, body: { name: 42 } as unknown as { name: string } }));

  const free = createScaleGpApiClient({ apiKey, baseUrl: apiUrl, dangerouslyAllowBrowser: true, logLevel: 'off' });
  const result = await updateApplicationSpec(free, { application_spec_id: 'spec_free', body: { restore: true } });
  out.free = { status: result.response.status, hasData: result.data !== undefined, error: result.error ?? null };
  out.derived = (await sgp.withOptions({ headers: { 'x-derived': 'yes' } }).updateApplicationSpec({ ...args, application_spec_id: 'spec_derived' })).response.status;

  const keyed = createApiClient<paths>({ ...scaleGpApi, idempotencyHeader: 'Idempotency-Key' }, { apiKey, baseUrl: apiUrl, dangerouslyAllowBrowser: true, logLevel: 'off' });
  out.keyed = (await updateApplicationSpec(keyed, { ...args, application_spec_id: 'spec_keyed' })).response.status;

  const dead = createScaleGpApiClient({ apiKey, baseUrl: deadUrl, dangerouslyAllowBrowser: true, maxRetries: 0, logLevel: 'off' });
  out.connection = await rejection(updateApplicationSpec(dead, args));
  out.aborted = await rejection(updateApplicationSpec(free, args, { signal: AbortSignal.abort(new Error('stop')) }));
  out.logLines = lines;
  out.fake = await withFakes();
  return out;
}

/** The fakes in a page: the client's fetch answered in-process, bodies read back with the browser's own Request. */
async function withFakes(): Promise<Record<string, unknown>> {
  const sgpFake = createScaleGpFake({
    updateApplicationSpec: ({ application_spec_id }, { reply }) =>
      reply(200, { id: application_spec_id, name: 'faked', description: '', run_online_evaluation: false, created_at: '2025-01-01T00:00:00Z', account_id: 'a' }),
  });
  const faked = createScaleGpClient({ apiKey, fetch: sgpFake.fetch, dangerouslyAllowBrowser: true, throwOnError: true });
  const { data } = await faked.updateApplicationSpec({ ...args, application_spec_id: 'spec_fake' });
  const mediaFake = createMediaKindsFake({ upload: () => ({ status: 201, body: { ok: true } }), submitForm: () => ({ status: 200, body: { ok: true } }) });
  const media = createMediaKindsClient({ fetch: mediaFake.fetch, throwOnError: true });
  await media.upload({ body: { file: new File(['hello'], 'hello.txt'), name: 'n', meta: { source: 'page' }, count: 2, public: true } });
  await media.submitForm({ body: { name: 'Ada', address: { city: 'Paris' }, tags: ['a', 'b'], subscribed: false } });
  const upload = mediaFake.calls.upload[0]!.body as Record<string, unknown>;
  const unhandled = await rejection(createScaleGpClient({ apiKey, fetch: createScaleGpFake().fetch, dangerouslyAllowBrowser: true }).updateApplicationSpec(args));
  return {
    data: { id: data.id, name: data.name },
    calls: sgpFake.calls.updateApplicationSpec,
    upload: { ...upload, file: upload.file instanceof File ? [upload.file.name, await upload.file.text()] : null },
    form: mediaFake.calls.submitForm[0]!.body,
    unhandled,
  };
}

async function report(body: unknown): Promise<void> {
  await fetch('/result', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

run().then(
  (results) => report({ results }),
  (e: unknown) => report({ crashed: e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e) }),
);

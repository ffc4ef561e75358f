/**
 * Spec-driven mock HTTP server for contract tests.
 *
 * `startMockServer(specPath)` serves a bundled OpenAPI document on 127.0.0.1 (free port chosen by
 * the OS) with Prism's mock engine, and records every request plus every request-validation problem
 * Prism found, so a contract test can call a generated API wrapper over real HTTP and then assert
 * `expect(mock.violations()).toEqual([])`.
 *
 * Approach: Prism runs *in-process*. Its public library API (`@stoplight/prism-http`:
 * `getHttpOperationsFromSpec` + `createInstance`) is the same engine `prism mock` uses — router,
 * request/security validators, response negotiator and example generator. Only the thin HTTP shim
 * (prism-http-server's `createServer`, ~100 lines on top of that engine) is mirrored here, because
 * Prism's shim exposes neither the response status nor structured violations per request: it only
 * logs `Violation: <location> <message>` lines without saying which request they belong to. In
 * process we instead wrap the `validateInput` / `validateSecurity` components and get Prism's own
 * diagnostics (code, severity, JSON path) per request. No child process exists, so nothing can be
 * left running; each server costs one listening socket, which `close()` (and a process 'exit' hook)
 * release.
 *
 * Prism's packages are resolved from the location of `@stoplight/prism-cli` (prism-packages.ts), so
 * this keeps working if npm stops hoisting its dependencies. Two helpers are deep-imported from
 * prism-http-server's dist (`getHttpConfigFromRequest`, `serialize`) and the original validators
 * from prism-http's dist; Prism is pinned exactly (5.16.0), and a layout change on upgrade fails
 * loudly in `loadPrism()`.
 *
 * Behaviour mirrored from `prism mock` (defaults: validate requests and responses, check security):
 * - a request that violates the spec is answered with the spec's 422/400 (401 for security, 415 for
 *   an unsupported content type) or a Prism-made problem+json with that status, and its violations
 *   are recorded;
 * - `Prefer: code=…, example=…, dynamic=…` headers and `__code`/`__example`/`__dynamic` query
 *   parameters select responses as in Prism.
 * Differences, on purpose: no CORS handling (callers are Node, not browsers); a fresh mock config per
 * request (Prism's server merges per-request preferences *into* its shared config, so an `Accept`
 * header of one request leaks into later ones); a malformed JSON body gets a 400 and a violation
 * (`prism mock` 5.16.0 never answers such a request: its error path waits for an 'end' event of the
 * already-consumed request stream, so the client hangs).
 *
 * `--errors` decision: OFF (`errors: false`). In mock mode `--errors` does not affect *request*
 * violations at all (Prism already answers those with 4xx); it only turns *response* violations —
 * Prism's own generated/example response not matching the spec's response schema — into 500s. Those
 * are spec (vendor) defects, not client defects, so they must not fail a client contract test; they
 * are recorded per request in `requests()[i].responseViolations` for inspection instead.
 *
 * Violations recorded by `violations()` are: every request-validation diagnostic (all severities,
 * e.g. `Warning` for a deprecated parameter), plus requests Prism could not route or parse (unknown
 * path → 404, wrong method → 405, malformed JSON body → 400, invalid `Prefer` header → 422,
 * unacceptable `Accept` → 406). Mock-side failures (5xx, e.g. no response defined in the spec) are
 * not request violations; they show up as the status and `error` of the recorded request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prismRequire } from './prism-packages.js';

export interface Violation {
  method: string;
  path: string;
  /** Prism's DiagnosticSeverity name: 'Error' | 'Warning' | 'Information' | 'Hint'. */
  severity: string;
  message: string;
  /** Where in the request, Prism style: ['request', 'body', 'restore'], ['request', 'header', 'x-api-key'], … */
  location?: string[];
  /** Prism/ajv diagnostic code, e.g. 'required', 'additionalProperties', 401, or a Prism error type. */
  code?: string | number;
}

export interface RecordedRequest {
  method: string;
  /** URL path as received (still percent-encoded), without the query string. */
  path: string;
  /** Query parameters; values of parameters whose name looks secret are `REDACTED`. */
  query: Record<string, string | string[]>;
  /** Request headers (lower-case names); credentials are `REDACTED`, see `redactHeaders`. */
  headers: Record<string, string>;
  /** Status code the mock answered with. */
  status: number;
  durationMs: number;
  /** Request violations of this request (also in `violations()`). */
  violations: Violation[];
  /** Prism's generated response did not match the spec's response schema (spec defects). */
  responseViolations: Violation[];
  /** Problem title/detail when Prism answered with an error instead of a mocked response. */
  error?: string;
}

export interface MockServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:43123 */
  url: string;
  violations(): Violation[];
  requests(): RecordedRequest[];
  reset(): void;
  /** Stops listening and drops open connections; idempotent. */
  close(): Promise<void>;
}

export interface MockServerOptions {
  /** Generate responses from schemas (json-schema-faker) instead of using examples. Default false. */
  dynamic?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Prism, loaded as a CommonJS library. Minimal structural types for the parts used here (its own
// typings pull in pino/fp-ts/utility-types types that are not all installed).

type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

interface PrismDiagnostic {
  message: string;
  severity: number;
  code?: string | number;
  path?: string[];
}

type NodeHeaders = IncomingMessage['headers'];

interface PrismRequest {
  method: string;
  url: { path: string; baseUrl?: string | undefined; query: Record<string, string | string[]> };
  headers: NodeHeaders;
  body: unknown;
}

interface PrismResponse {
  output: { statusCode: number; headers?: Record<string, unknown>; body?: unknown };
  validations: { input: PrismDiagnostic[]; output: PrismDiagnostic[] };
}

interface PrismError extends Error {
  status?: number;
  detail?: string;
  additional?: { headers?: Record<string, string> } & Record<string, unknown>;
}

type Validator = (opts: { resource: unknown; element: PrismRequest }) => Either<PrismDiagnostic[], PrismRequest>;

interface MockConfig {
  dynamic: boolean;
  ignoreExamples?: boolean;
  seed?: string;
  code?: number;
  exampleKey?: string;
}

interface PrismConfig {
  validateRequest: boolean;
  validateResponse: boolean;
  checkSecurity: boolean;
  errors: boolean;
  upstreamProxy: undefined;
  isProxy: false;
  mock: MockConfig;
}

interface PrismInstance {
  request(input: PrismRequest, operations: unknown[], config: PrismConfig): () => Promise<Either<PrismError, PrismResponse>>;
}

interface PrismLib {
  getHttpOperationsFromSpec(spec: string): Promise<unknown[]>;
  createInstance(config: PrismConfig, components: { logger: unknown; validateInput: Validator; validateSecurity: Validator }): PrismInstance;
  toProblemJson(error: PrismError): Record<string, unknown>;
  validateInput: Validator;
  validateSecurity: Validator;
  getHttpConfigFromRequest(input: PrismRequest): Either<PrismError, Partial<MockConfig>>;
  serialize(payload: unknown, contentType: unknown): string | undefined;
  createLogger(name: string, options: { level: string }): unknown;
}

let prismLib: PrismLib | undefined;

function loadPrism(): PrismLib {
  if (prismLib) return prismLib;
  const { fromServer, fromHttp } = prismRequire();

  const http = fromHttp('./dist/index.js') as Record<string, unknown>;
  const validator = fromHttp('./dist/validator/index.js') as Record<string, unknown>;
  const configFromRequest = fromServer('./dist/getHttpConfigFromRequest.js') as Record<string, unknown>;
  const serializer = fromServer('./dist/serialize.js') as Record<string, unknown>;
  const core = fromHttp('@stoplight/prism-core') as Record<string, unknown>;
  const problem = http['ProblemJsonError'] as { toProblemJson?: unknown } | undefined;

  const lib = {
    getHttpOperationsFromSpec: http['getHttpOperationsFromSpec'],
    createInstance: http['createInstance'],
    toProblemJson: problem?.toProblemJson,
    validateInput: validator['validateInput'],
    validateSecurity: validator['validateSecurity'],
    getHttpConfigFromRequest: configFromRequest['getHttpConfigFromRequest'],
    serialize: serializer['serialize'],
    createLogger: core['createLogger'],
  };
  const missing = Object.entries(lib)
    .filter(([, value]) => typeof value !== 'function')
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(`mock-server: the installed Prism packages no longer provide ${missing.join(', ')}; update test/support/mock-server.ts`);
  }
  prismLib = lib as unknown as PrismLib;
  return prismLib;
}

// ---------------------------------------------------------------------------------------------
// Redaction

const REDACTED = 'REDACTED';
const SECRET_NAME = /key|token|secret|passw|auth|cookie|session|signature|credential/i;

/** True for header / query parameter names whose values are credentials. */
export function isSecretName(name: string): boolean {
  // authorization, proxy-authorization, x-api-key, cookie and anything matching /key|token|secret/i
  // (plus a few other obvious credential carriers).
  return SECRET_NAME.test(name);
}

export function redactHeaders(headers: NodeHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = isSecretName(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function redactQuery(query: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(query)) out[name] = isSecretName(name) ? REDACTED : value;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Lifecycle: every open server is closed on process exit, even if a test forgot to (or failed
// before) calling close().

const openServers = new Set<Server>();
let exitHookInstalled = false;

function trackServer(server: Server): void {
  openServers.add(server);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const s of openServers) {
      s.closeAllConnections();
      s.close();
    }
    openServers.clear();
  });
}

const STARTUP_TIMEOUT_MS = 20_000;
const BODY_LIMIT_BYTES = 10 * 1024 * 1024;
const SEVERITY_NAMES = ['Error', 'Warning', 'Information', 'Hint'];

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`mock-server: ${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------

export async function startMockServer(specPath: string, options: MockServerOptions = {}): Promise<MockServer> {
  const prism = loadPrism();
  const document = resolvePath(specPath);

  let operations: unknown[];
  try {
    operations = await withTimeout(prism.getHttpOperationsFromSpec(document), STARTUP_TIMEOUT_MS, `loading ${document}`);
  } catch (e) {
    throw new Error(`mock-server: cannot load OpenAPI document ${document}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (operations.length === 0) throw new Error(`mock-server: no operations found in ${document}`);

  const baseConfig: PrismConfig = {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: false, // see the module comment: --errors only affects response violations in mock mode
    upstreamProxy: undefined,
    isProxy: false,
    mock: { dynamic: options.dynamic ?? false, ignoreExamples: false },
  };

  const violations: Violation[] = [];
  const recorded: RecordedRequest[] = [];
  // Diagnostics the validators produced, per request (keyed by the input object Prism passes through).
  const pending = new WeakMap<PrismRequest, PrismDiagnostic[]>();

  const capture =
    (validate: Validator): Validator =>
    opts => {
      const result = validate(opts);
      if (result._tag === 'Left') pending.get(opts.element)?.push(...result.left);
      return result;
    };

  const instance = prism.createInstance(baseConfig, {
    // Silent: Prism's logs would include request headers (API keys); everything useful is recorded.
    logger: prism.createLogger('MOCK', { level: 'silent' }),
    validateInput: capture(prism.validateInput),
    validateSecurity: capture(prism.validateSecurity),
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    const query = searchParamsToNameValues(url.searchParams);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: redactQuery(query),
      headers: redactHeaders(req.headers),
      status: 0,
      durationMs: 0,
      violations: [],
      responseViolations: [],
    };
    const toViolation =
      (prefix: 'request' | 'response') =>
      (d: PrismDiagnostic): Violation => ({
        method,
        path: url.pathname,
        severity: SEVERITY_NAMES[d.severity] ?? String(d.severity),
        message: d.message,
        location: [prefix, ...(d.path ?? []).map(String)],
        ...(d.code !== undefined ? { code: d.code } : {}),
      });

    // Records everything *before* the response is written, so a client that awaited the response
    // always sees the request in requests()/violations().
    const send = (status: number, headers: Record<string, string>, body: string | undefined) => {
      record.status = status;
      record.durationMs = performance.now() - started;
      recorded.push(record);
      violations.push(...record.violations);
      if (!res.headersSent) {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        if (body !== undefined && !res.hasHeader('content-type')) res.setHeader('content-type', 'text/plain; charset=utf-8');
        if (body !== undefined) res.setHeader('content-length', Buffer.byteLength(body));
        res.statusCode = status;
      }
      res.end(body);
    };
    const sendProblem = (error: PrismError, requestViolation: boolean) => {
      const problem = prism.toProblemJson(error);
      const status = typeof problem['status'] === 'number' ? problem['status'] : 500;
      record.error = [problem['title'], problem['detail']].filter(Boolean).join(': ');
      if (requestViolation && record.violations.length === 0 && status < 500) {
        record.violations.push({
          method,
          path: url.pathname,
          severity: 'Error',
          message: record.error,
          location: ['request'],
          code: typeof problem['type'] === 'string' ? problem['type'] : status,
        });
      }
      send(status, { ...error.additional?.headers, 'content-type': 'application/problem+json' }, JSON.stringify(problem));
    };

    let body: unknown;
    try {
      body = await readBody(req);
    } catch (e) {
      const invalidJson = e instanceof SyntaxError;
      const error: PrismError = Object.assign(new Error(invalidJson ? 'Invalid JSON request body' : 'Unreadable request body'), {
        name: invalidJson ? 'INVALID_JSON' : 'INVALID_BODY',
        status: e instanceof BodyTooLargeError ? 413 : 400,
        detail: e instanceof Error ? e.message : String(e),
      });
      record.violations.push({ method, path: url.pathname, severity: 'Error', message: `${error.message}: ${error.detail}`, location: ['request', 'body'], code: error.name });
      return sendProblem(error, true);
    }

    const input: PrismRequest = {
      method: method.toLowerCase(),
      url: { path: url.pathname, baseUrl: url.searchParams.get('__server') || undefined, query },
      headers: req.headers,
      body,
    };

    const preferences = prism.getHttpConfigFromRequest(input);
    if (preferences._tag === 'Left') return sendProblem(preferences.left, true);
    const mock: MockConfig = { ...baseConfig.mock };
    for (const [key, value] of Object.entries(preferences.right)) if (value !== undefined) Object.assign(mock, { [key]: value });

    const diagnostics: PrismDiagnostic[] = [];
    pending.set(input, diagnostics);
    const result = await instance.request(input, operations, { ...baseConfig, mock })();
    pending.delete(input);

    if (result._tag === 'Left') {
      record.violations.push(...diagnostics.map(toViolation('request')));
      return sendProblem(result.left, true);
    }

    const { output, validations } = result.right;
    record.violations.push(...validations.input.map(toViolation('request')));
    record.responseViolations.push(...validations.output.map(toViolation('response')));
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(output.headers ?? {})) {
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
    let payload: string | undefined;
    try {
      payload = prism.serialize(output.body, headers['content-type']);
    } catch (e) {
      return sendProblem(Object.assign(e instanceof Error ? e : new Error(String(e)), { status: 500 }), false);
    }
    send(output.statusCode, headers, payload);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      // Unexpected failure inside the mock itself: answer 500 rather than hanging the client.
      const message = e instanceof Error ? e.message : String(e);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/problem+json');
      }
      res.end(JSON.stringify({ type: 'MOCK_SERVER_ERROR', title: 'mock-server failure', status: 500, detail: message }));
    });
  });
  // Keep-alive sockets must not keep a finished test process alive; close() still drops them.
  server.keepAliveTimeout = 1_000;

  await withTimeout(
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    }),
    STARTUP_TIMEOUT_MS,
    'listening on 127.0.0.1',
  );
  server.unref(); // a forgotten server never keeps the process alive
  trackServer(server);
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    violations: () => violations.map(v => ({ ...v, ...(v.location ? { location: [...v.location] } : {}) })),
    requests: () => recorded.map(r => ({ ...r, violations: [...r.violations], responseViolations: [...r.responseViolations] })),
    reset: () => {
      violations.length = 0;
      recorded.length = 0;
    },
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        server.close(error => {
          openServers.delete(server);
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      })),
  };
}

// ---------------------------------------------------------------------------------------------
// Request parsing, as in prism-http-server (micri): no body when there is neither Content-Length nor
// Transfer-Encoding (or Content-Length is 0); JSON media types are parsed, anything else is text.

class BodyTooLargeError extends Error {}

function searchParamsToNameValues(searchParams: URLSearchParams): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    params[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return params;
}

function isJsonMediaType(contentType: string | undefined): boolean {
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || /^application\/[^/]+\+json$/.test(essence);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const length = req.headers['content-length'];
  if (length === '0' || (req.headers['transfer-encoding'] === undefined && length === undefined)) {
    req.resume();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > BODY_LIMIT_BYTES) tooLarge = true; // keep draining so the client sees the response
    else chunks.push(buffer);
  }
  if (tooLarge) throw new BodyTooLargeError(`Body exceeded ${BODY_LIMIT_BYTES} bytes`);
  const text = Buffer.concat(chunks).toString('utf8');
  return isJsonMediaType(req.headers['content-type']) ? JSON.parse(text) : text;
}

/**
 * The `fetch` given to openapi-fetch's `createClient`: per-attempt timeout,
 * caller cancellation, and retries with backoff. HTTP error statuses are
 * returned, not thrown; mapping them to ApiError is the caller's job.
 *
 * Retry rule
 * ----------
 * - A 2xx response is final: it is returned, whatever its headers say.
 * - `x-should-retry: true|false` on any other response, when present, decides
 *   alone (Stainless convention: the server knows whether a retry is safe;
 *   the Stainless SDKs read it only on failed responses too).
 * - 429 Too Many Requests is always retried, for every method: the server
 *   did not process the request.
 * - 408, 500, 502, 503, 504, connection failures and timeouts are retried only
 *   when the method is idempotent per RFC 9110 §9.2.2 (GET, HEAD, OPTIONS,
 *   TRACE, PUT, DELETE), or when `retryNonIdempotent` is set. POST and PATCH
 *   are not retried on these by default: the server may already have acted.
 * - Anything else is returned as-is. The caller's own abort is never retried.
 * - At most `maxRetries` retries (default 2, so 3 attempts). When they run out
 *   the last Response is returned, or the last connection error thrown.
 * - Delay before retry n (1-based): `retry-after-ms` (milliseconds) or
 *   `Retry-After` (delta-seconds or HTTP-date, RFC 9110 §10.2.3) when that is
 *   within 0–60 s; otherwise min(8000, 500 · 2^(n-1)) ms times a random
 *   jitter factor in [0.75, 1].
 *
 * A server is untrusted (docs/threat-model.md, "Untrusted servers"):
 * - `timeoutMs` bounds the whole attempt: headers, redirects and the body,
 *   however the caller reads it. An abort or timeout at any point, the body
 *   included, rejects with ApiAbortError / ApiTimeoutError (the attempt's
 *   controller is aborted with that error as its reason, which fetch passes
 *   on to body reads).
 * - Redirects are followed here, not by fetch (`redirect: 'manual'`), so that
 *   on a hop to another origin the credentials are dropped: the api's key
 *   header, and every header whose name looks like a credential
 *   (isCredentialHeader: Authorization, Cookie, x-api-key, X-Auth-Token, …).
 *   Node's fetch drops only Authorization and would send `x-api-key` on.
 * - An error response's body is read here up to `maxErrorBodyBytes`
 *   (default 1 MiB): the start is kept, the rest is not downloaded, and the
 *   response is marked (isBodyTruncated; ApiError.bodyTruncated).
 * - Any other body is read by the caller, through readers (readerPrototype)
 *   that turn a failure into one of ours (bodyError), carrying the response's
 *   status, request id and content type: a connection lost mid-body is an
 *   ApiConnectionError, a Content-Encoding that does not decode a
 *   ResponseBodyError. A 2xx is final, so a body lost after one is not retried
 *   here; a wrapper sends the call again, for idempotent methods only
 *   (retryAfterBodyError; callOperation).
 */
import { DEFAULT_MAX_ERROR_BODY_BYTES, markBodyTruncated, readBounded } from './bounded-read.js';
import { ApiAbortError, ApiConnectionError, ApiTimeoutError, ClientError, ResponseBodyError, type ResponseFacts } from './errors.js';
import { bodyStart, isCredentialHeader, redactText, redactUrl } from './redaction.js';
import { DEFAULT_REQUEST_ID_HEADERS, readRequestId } from './request-id.js';
import { LOG_DEBUG, LOG_INFO, LOG_WARN, type Log } from './logger.js';

export interface RetryInfo {
  /** 1-based number of the attempt that just failed (= the retry number). */
  attempt: number;
  delayMs: number;
  reason: string;
  method: string;
  /** Redacted with redactUrl. */
  url: string;
}

/**
 * What the transport calls: `fetch(request)`, or `fetch(request, init)` where
 * `init` has the attempt's own `signal` (a timeout or the caller's), which the
 * function must honour as WHATWG fetch does, and the request's `body` again
 * when it has one (the same bytes as the Request's). Passing both arguments
 * on to a fetch is enough.
 */
export type FetchFunction = (input: Request, init?: { signal?: AbortSignal; body?: string | ArrayBuffer }) => Promise<Response>;

export interface TransportOptions {
  fetch?: FetchFunction | undefined;
  /** Per attempt, including redirects and reading the body. Default 60_000; 0 or Infinity disables. */
  timeoutMs?: number | undefined;
  /** Header names that carry the api's credentials: never sent on to another origin on a redirect. */
  credentialHeaders?: readonly string[] | undefined;
  /** Bytes of an error response's body kept (default 1 MiB); the rest is not read. */
  maxErrorBodyBytes?: number | undefined;
  /** Default 2 (so up to 3 attempts). */
  maxRetries?: number | undefined;
  retryNonIdempotent?: boolean | undefined;
  /** Injectable for tests; must reject when `signal` aborts. */
  sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Jitter source in [0, 1). */
  random?: (() => number) | undefined;
  /** Never receives headers, so it cannot leak the API key into logs. */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** One line per attempt at debug, per retry at info, retries run out at warn (see logger.ts). */
  log?: Log | undefined;
  /** Response headers named in the debug line's request id. */
  requestIdHeaders?: readonly string[] | undefined;
}

/**
 * Per-call overrides, read from the init given to the client's Request (see
 * createClientTransport): openapi-fetch passes unknown init keys through.
 */
export interface PerCallTransportOptions {
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  [FIRST_ATTEMPT]?: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_RETRIES = 2;
const MAX_RETRY_AFTER_MS = 60_000;
const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
// setTimeout fires immediately for delays above 2^31-1 ms; treat such
// timeouts as "no timeout" instead.
const MAX_TIMER_MS = 2 ** 31 - 1;

const MAX_REDIRECTS = 20; // as fetch (WHATWG Fetch §4.4)
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BODY_METHODS = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);
const RETRYABLE_IF_IDEMPOTENT = new Set([408, 500, 502, 503, 504]);

/** RFC 9110 §9.2.2. */
export function isIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Server-requested delay in ms from `retry-after-ms` or `Retry-After`, or
 * undefined when absent or unparseable. May be negative (a past HTTP-date).
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now;
}

/** Delay before retry number `attempt` (1-based). See the rule at the top. */
export function retryDelayMs(attempt: number, headers: Headers | undefined, random: () => number, now?: number): number {
  const requested = headers ? parseRetryAfter(headers, now) : undefined;
  if (requested !== undefined && requested >= 0 && requested <= MAX_RETRY_AFTER_MS) return requested;
  const base = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (attempt - 1));
  return base * (1 - 0.25 * random());
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describeCause(error: unknown): string {
  // undici wraps the useful part: TypeError('fetch failed', { cause: Error('connect ECONNREFUSED ...') }).
  let inner: unknown = error;
  for (let depth = 0; depth < 5 && inner instanceof Error && inner.cause !== undefined; depth++) inner = inner.cause;
  if (inner && typeof inner === 'object') {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const message = (inner as { message?: unknown }).message;
    if (typeof message === 'string') return message.slice(0, 200);
  }
  return String(inner).slice(0, 200);
}

/** One attempt's abort controller and timer; the timer runs until the body is read. */
interface Attempt {
  /** The call this attempt belongs to: it turns an error while reading the body into ours (bodyError). */
  call: Call;
  /** 1-based number of the attempt within its call. */
  n: number;
  controller: AbortController | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  timedOut: boolean;
}

/** The attempt's timer (one function for all, the attempt as its argument: no closure per attempt). */
function onAttemptTimeout(state: Attempt): void {
  state.timedOut = true;
  state.controller?.abort(state.call.timeoutError());
}

const ATTEMPT = Symbol('attempt');
type ReadResponse = Response & { [ATTEMPT]: Attempt };

/**
 * A returned Response whose body the caller reads gets, as its prototype,
 * one of these: its own prototype (the global Response's, or a custom
 * fetch's class) under body readers that stop the attempt's timer when the
 * body has been read, and turn an error while reading into ours (bodyError).
 * One prototype per class, made once: per response this is one prototype
 * change and one property, where defining six methods on each response cost
 * about a twentieth of a call with a stub fetch.
 */
const readerPrototypes = new WeakMap<object, object>();

function readerPrototype(proto: object): object {
  let reader = readerPrototypes.get(proto);
  if (reader) return reader;
  reader = Object.create(proto) as object;
  for (const name of BODY_METHODS) {
    const read = (proto as Record<string, unknown>)[name];
    if (typeof read !== 'function') continue;
    Object.defineProperty(reader, name, {
      configurable: true,
      writable: true,
      value(this: ReadResponse) {
        const state = this[ATTEMPT];
        return (read as () => Promise<unknown>).call(this).then(
          (value) => {
            clearTimeout(state.timer);
            return value;
          },
          (cause: unknown) => {
            clearTimeout(state.timer);
            throw state.call.bodyError(cause, state, this);
          },
        );
      },
    });
  }
  readerPrototypes.set(proto, reader);
  return reader;
}

/** The attempt a Response returned by a transport came from (undefined for any other Response). */
function attemptOf(response: Response): Attempt | undefined {
  return (response as Partial<ReadResponse>)[ATTEMPT];
}

/**
 * The error for a 2xx body that is not the JSON it should be (an HTML page,
 * JSON cut short): a ResponseBodyError with the response's facts and the
 * start of `text`, redacted. `request` names the call when the Response did
 * not come from a transport (a middleware's).
 */
export function invalidJsonError(response: Response, text: string, cause: unknown, request: { method: string; url: string }): ResponseBodyError {
  const call = attemptOf(response)?.call;
  const secrets = call ? call.secrets() : [];
  // V8's message quotes the body around the fault.
  const message = cause instanceof Error ? redactText(cause.message, secrets) : '';
  const safeCause = cause instanceof Error && message !== cause.message ? new SyntaxError(message) : cause;
  const method = call ? call.method : request.method.toUpperCase();
  const url = call ? call.url() : redactUrl(request.url);
  return new ResponseBodyError(`Response body is not valid JSON (${message.slice(0, 200)}): ${method} ${url}`, {
    cause: safeCause,
    method,
    url,
    reason: 'invalid-json',
    response: { ...responseFacts(response, call?.config.options.requestIdHeaders), bodyStart: bodyStart(text, secrets) },
  });
}

function responseFacts(response: Response, requestIdHeaders: readonly string[] | undefined): ResponseFacts {
  return { status: response.status, headers: response.headers, requestId: readRequestId(response.headers, requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS) };
}

/**
 * `stream` (a body given to the caller as it is, `parseAs: 'stream'`) with
 * its read errors turned into ours as the other body readers do (bodyError).
 */
export function typedBodyStream(response: Response, stream: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const state = attemptOf(response);
  if (!state) return stream;
  const reader = stream.getReader();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (cause) {
          clearTimeout(state.timer);
          throw state.call.bodyError(cause, state, response);
        }
        if (chunk.done) {
          clearTimeout(state.timer);
          controller.close();
        } else {
          controller.enqueue(chunk.value);
        }
      },
      cancel: (reason) => {
        clearTimeout(state.timer);
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Where an error thrown while a body was read keeps its retry (see
 * retryAfterBodyError): set only when the call may be sent again.
 */
const RETRY = Symbol('retry');

/**
 * When `error` is a lost connection or a timeout while reading the body of a
 * response that a retry may replace (an idempotent method, retries left):
 * waits the retry's delay (calling onRetry and logging, as any retry) and
 * resolves to the number of the next attempt, to be sent as a new call whose
 * init has it under FIRST_ATTEMPT. Otherwise undefined.
 */
export function retryAfterBodyError(error: unknown): Promise<number> | undefined {
  return typeof error === 'object' && error !== null ? (error as { [RETRY]?: () => Promise<number> })[RETRY]?.() : undefined;
}

/** Init key of a call sent again after retryAfterBodyError: the number of its first attempt. */
export const FIRST_ATTEMPT = Symbol('vendor-api-clients.firstAttempt');

/**
 * Failures that a retry would repeat (a redirect loop, a redirect to a
 * location that cannot be followed): not retried, whatever the method.
 */
const notRetried = new WeakSet<ApiConnectionError>();

function final(error: ApiConnectionError): ApiConnectionError {
  notRetried.add(error);
  return error;
}

/** Content-Encoding decoders' errors (zlib: Z_DATA_ERROR, …; brotli: ERR__ERROR_FORMAT_…), wherever in the cause chain. */
function isDecodingError(error: unknown): boolean {
  let inner: unknown = error;
  for (let depth = 0; depth < 5 && inner instanceof Error; depth++) {
    const code = (inner as { code?: unknown }).code;
    if (typeof code === 'string' && /^(Z_|ERR__ERROR|ERR_BROTLI|ERR_ZLIB)/.test(code)) return true;
    inner = inner.cause;
  }
  return false;
}

/**
 * Whether a body read failed because the connection did: fetch reports a
 * network error as a TypeError (undici: `terminated`, with the socket's or
 * the HTTP parser's error as cause; browsers: `network error`, no cause). Not
 * fetch's own refusal to read a body twice (undici: "Body is unusable",
 * Chromium: "body stream already read", Firefox: "already been consumed"):
 * the caller's mistake, left as it is.
 */
function isConnectionError(error: unknown): boolean {
  if (error instanceof TypeError) return !/unusable|already|locked|disturbed/i.test(error.message);
  return error instanceof Error && /^(UND_ERR|E[A-Z]+$|HPE_)/.test(String((error as { code?: unknown }).code));
}

/** Request fate decided per attempt. */
type Outcome = { response: Response; attempt: Attempt; error?: undefined } | { response?: undefined; error: ApiConnectionError };

/**
 * What the client's Request constructor (see createClientTransport) records
 * for the transport, so that the common case costs one Request per attempt:
 * the first attempt sends the Request openapi-fetch built, already carrying
 * the attempt's abort signal, and a retry re-sends the serialized body string
 * instead of reading the consumed stream back.
 */
interface Prepared {
  /** The caller's signal (openapi-fetch passes the call's `signal` in the init). */
  callerSignal: AbortSignal | undefined;
  /** The first attempt's controller; when timeouts are on or the caller gave a signal. */
  controller: AbortController | undefined;
  /** The body as given to the Request: a string, sent again as-is on a retry. */
  body: string | undefined;
  /** False for other bodies (FormData, streams): the transport reads the body back and builds every attempt. */
  reuse: boolean;
  timeoutMs: number;
  maxRetries: number;
  /** 1, or the next attempt's number when a wrapper sends the call again (FIRST_ATTEMPT). */
  firstAttempt: number;
}

/**
 * Where a Request from PreparedRequest carries its Prepared record, until the
 * transport takes it. A property rather than a WeakMap entry: adding and
 * dropping an entry per call cost about 1.8 µs of a call against a local
 * server (profile), where a property of the Request is one store.
 */
const PREPARED = Symbol('vendor-api-clients.prepared');
type PreparedRequestObject = Request & { [PREPARED]?: Prepared | undefined };

/**
 * The init given to fetch with an attempt's signal. The signal goes to fetch
 * (`fetch(request, { signal })`), not into the Request: a Request that
 * follows a signal costs undici a listener, a WeakRef and a finalizer, and
 * fetch builds its own Request from ours anyway. The signal is made when
 * fetch reads it: Node builds an AbortSignal lazily, at a cost larger than
 * the rest of an attempt's bookkeeping (a fetch that ignores it, such as a
 * stub, never pays). Together about a quarter of a call with a stub fetch.
 *
 * A request with a body also has it here (`body`, the same string or bytes
 * as the Request's): fetch then builds its Request's body from it, where
 * from a Request alone undici pipes the body stream through a new
 * TransformStream (three more web streams per call against a real server).
 */
class AttemptInit {
  readonly #controller: AbortController;
  declare readonly body?: string | ArrayBuffer;
  constructor(controller: AbortController, body: string | ArrayBuffer | null | undefined) {
    this.#controller = controller;
    if (body !== null && body !== undefined) (this as { body?: string | ArrayBuffer }).body = body;
  }
  get signal(): AbortSignal {
    return this.#controller.signal;
  }
}

/**
 * A controller for one attempt that the caller's signal also aborts, with an
 * ApiAbortError as reason (`abortReason`, made when it fires): fetch rejects
 * body reads with the reason, so a caller reading the body sees that error.
 */
function linkedController(callerSignal: AbortSignal | undefined, abortReason: () => Error): AbortController {
  const controller = new AbortController();
  if (callerSignal) {
    if (callerSignal.aborted) controller.abort(abortReason());
    // Stays attached after the headers arrive, so the caller can still cancel the body download.
    else callerSignal.addEventListener('abort', () => controller.abort(abortReason()), { once: true });
  }
  return controller;
}

function abortError(method: string, url: string, cause: unknown, response?: ResponseFacts): ApiAbortError {
  return new ApiAbortError(`Request aborted by caller: ${method} ${url}`, { cause, method, url, response });
}

/** Sends any Request, with the retry and timeout rules above. */
export function createTransport(options: TransportOptions = {}): (request: Request) => Promise<Response> {
  return createClientTransport(options).fetch;
}

export interface ClientTransport {
  /** The `fetch` for openapi-fetch's `createClient`. */
  fetch: (request: Request) => Promise<Response>;
  /**
   * The `Request` for openapi-fetch's `createClient`: builds the real Request
   * (`instanceof Request` holds, middleware sees it unchanged) with the first
   * attempt's abort signal in it, and notes what a retry needs.
   */
  Request: typeof Request;
}

function checkTimeout(timeoutMs: number): number {
  if (!(timeoutMs >= 0)) throw new RangeError(`timeoutMs must be >= 0, got ${timeoutMs}`);
  return timeoutMs;
}

function checkMaxRetries(maxRetries: number): number {
  if (!Number.isInteger(maxRetries) || maxRetries < 0) {
    throw new RangeError(`maxRetries must be a non-negative integer, got ${maxRetries}`);
  }
  return maxRetries;
}

const timeoutEnabled = (timeoutMs: number) => timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS;

/** What every call through one transport shares: its options, resolved once. */
interface Config {
  /** Read per call (`fetch`, `onRetry`), so that tests and polyfills that replace globalThis.fetch later are honoured. */
  options: TransportOptions;
  defaultTimeoutMs: number;
  defaultMaxRetries: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  retryNonIdempotent: boolean;
  /** Undefined when the log is off. */
  log: Log | undefined;
  requestIdHeaders: readonly string[];
  maxErrorBodyBytes: number;
  credentialHeaders: ReadonlySet<string>;
}

export function createClientTransport(options: TransportOptions = {}): ClientTransport {
  const maxErrorBodyBytes = options.maxErrorBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES;
  if (!Number.isInteger(maxErrorBodyBytes) || maxErrorBodyBytes < 0) {
    throw new RangeError(`maxErrorBodyBytes must be a non-negative integer, got ${maxErrorBodyBytes}`);
  }
  const config: Config = {
    options,
    defaultTimeoutMs: checkTimeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    defaultMaxRetries: checkMaxRetries(options.maxRetries ?? DEFAULT_MAX_RETRIES),
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    retryNonIdempotent: options.retryNonIdempotent ?? false,
    log: options.log && options.log.level > 0 ? options.log : undefined,
    requestIdHeaders: options.requestIdHeaders ?? [],
    maxErrorBodyBytes,
    credentialHeaders: new Set((options.credentialHeaders ?? []).map((h) => h.toLowerCase())),
  };

  function PreparedRequest(input: RequestInfo | URL, init?: RequestInit & PerCallTransportOptions): Request {
    const timeoutMs = init?.timeoutMs === undefined ? config.defaultTimeoutMs : checkTimeout(init.timeoutMs);
    const maxRetries = init?.maxRetries === undefined ? config.defaultMaxRetries : checkMaxRetries(init.maxRetries);
    const firstAttempt = init?.[FIRST_ATTEMPT] ?? 1;
    const body = init?.body;
    const callerSignal = init?.signal ?? undefined;
    // Only a string body (what openapi-fetch's JSON and form serializers
    // produce) is kept for retries; anything else (FormData, streams from a
    // custom bodySerializer) takes the general path in Call.run.
    if (body !== undefined && body !== null && typeof body !== 'string') {
      const request: PreparedRequestObject = new Request(input, init);
      request[PREPARED] = { callerSignal, controller: undefined, body: undefined, reuse: false, timeoutMs, maxRetries, firstAttempt };
      return request;
    }
    let controller: AbortController | undefined;
    if (callerSignal) {
      const method = (init?.method ?? 'GET').toUpperCase();
      controller = linkedController(callerSignal, () => abortError(method, redactUrl(String(input)), callerSignal.reason));
    } else if (timeoutEnabled(timeoutMs)) {
      controller = new AbortController();
    }
    // Redirects are followed by the transport (Call.follow), which drops credentials across origins.
    // The caller's signal reaches fetch through the attempt's controller (AttemptInit), not through the Request.
    // The client asks openapi-fetch for redirect: 'manual' (client.ts), so the usual init is used as it is:
    // a copy costs about a tenth of a call with a stub fetch.
    const requestInit = init?.redirect === 'manual' && init.signal == null ? init : { ...init, signal: null, redirect: 'manual' as const };
    const request: PreparedRequestObject = new Request(input, requestInit);
    request[PREPARED] = { callerSignal, controller, body: body ?? undefined, reuse: true, timeoutMs, maxRetries, firstAttempt };
    return request;
  }
  // openapi-fetch checks a middleware's replacement with `instanceof` its Request option.
  PreparedRequest.prototype = (globalThis.Request as typeof Request | undefined)?.prototype;

  return { fetch: (request: Request) => new Call(config, request).run(), Request: PreparedRequest as unknown as typeof Request };
}

/**
 * One Request sent through the transport: its attempts, their redirects, and
 * the returned body's timer. A class, so that the state of a call is one
 * object and its steps are methods rather than closures made for every call.
 */
class Call {
  readonly method: string;
  readonly callerSignal: AbortSignal | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly firstAttempt: number;
  readonly withTimeout: boolean;
  /** Whether the first attempt sends the Request itself (built by PreparedRequest, its controller ready). */
  readonly reuse: boolean;
  readonly firstController: AbortController | undefined;
  /** What every attempt after the first sends: the string PreparedRequest kept, or the bytes read back (run). */
  body: string | ArrayBuffer | null | undefined;
  /** The redacted URL, made when an error or a log line needs it. */
  redacted: string | undefined;

  constructor(
    readonly config: Config,
    readonly request: Request,
  ) {
    // A Request from PreparedRequest, sent once: its first attempt is ready.
    // Taken off the Request, so sending the same Request again takes the general path.
    const prep = (request as PreparedRequestObject)[PREPARED];
    if (prep) (request as PreparedRequestObject)[PREPARED] = undefined;
    this.method = request.method.toUpperCase();
    this.reuse = prep !== undefined && prep.reuse;
    this.callerSignal = prep ? prep.callerSignal : request.signal;
    this.timeoutMs = prep ? prep.timeoutMs : config.defaultTimeoutMs;
    this.maxRetries = prep ? prep.maxRetries : config.defaultMaxRetries;
    this.firstAttempt = prep ? prep.firstAttempt : 1;
    this.withTimeout = timeoutEnabled(this.timeoutMs);
    this.firstController = prep?.controller;
    this.body = prep?.body;
    this.redacted = undefined;
  }

  url(): string {
    return (this.redacted ??= redactUrl(this.request.url));
  }

  aborted(): ApiAbortError {
    return abortError(this.method, this.url(), this.callerSignal?.reason);
  }

  timeoutError(cause?: unknown, response?: ResponseFacts): ApiTimeoutError {
    return new ApiTimeoutError(`Request timed out after ${this.timeoutMs} ms: ${this.method} ${this.url()}`, { cause, method: this.method, url: this.url(), response });
  }

  async run(): Promise<Response> {
    const { config, method, callerSignal, maxRetries } = this;
    const log = config.log;
    if (callerSignal?.aborted) throw this.aborted();
    // General path: a Request body is a one-shot stream: read it once, and give
    // every attempt a new Request with those bytes (cheaper than cloning, which
    // tees the stream).
    if (!this.reuse) this.body = this.request.body === null ? null : await this.request.arrayBuffer();

    for (let attempt = this.firstAttempt; ; attempt++) {
      const started = log && log.level >= LOG_DEBUG ? performance.now() : 0;
      const outcome = await this.attemptOnce(attempt);
      if (started) this.logAttempt(attempt, outcome, performance.now() - started);
      if (callerSignal?.aborted) {
        if (outcome.response) release(outcome.response, outcome.attempt);
        throw this.aborted();
      }

      // A success is final: the server has acted, so its retry signals (x-should-retry, Retry-After) are not read.
      if (outcome.response?.ok) return this.finish(outcome.response, outcome.attempt);

      let retry: boolean;
      let reason: string;
      if (outcome.response) {
        const { status, headers } = outcome.response;
        const override = headers.get('x-should-retry');
        if (override === 'true' || override === 'false') {
          retry = override === 'true';
          reason = `status ${status}, x-should-retry: ${override}`;
        } else {
          retry = status === 429 || (RETRYABLE_IF_IDEMPOTENT.has(status) && (config.retryNonIdempotent || isIdempotent(method)));
          reason = `status ${status}`;
        }
      } else {
        retry = !notRetried.has(outcome.error) && (config.retryNonIdempotent || isIdempotent(method));
        reason = outcome.error.message;
      }

      if (!retry || attempt > maxRetries) {
        if (retry && maxRetries > 0 && log && log.level >= LOG_WARN) {
          log.logger.warn(`${log.prefix} ${method} ${this.url()} failed after ${attempt} attempts: ${reason}`);
        }
        if (outcome.response) return this.finish(outcome.response, outcome.attempt);
        throw outcome.error;
      }

      // The retried response will never be read: release its connection.
      if (outcome.response) release(outcome.response, outcome.attempt);
      await this.pause(attempt, outcome.response?.headers, reason);
    }
  }

  /** Before the retry that follows attempt `attempt`: onRetry, the log line, then the delay (the caller's abort ends it). */
  async pause(attempt: number, headers: Headers | undefined, reason: string): Promise<void> {
    const { config, method, callerSignal } = this;
    const delayMs = retryDelayMs(attempt, headers, config.random);
    config.options.onRetry?.({ attempt, delayMs, reason, method, url: this.url() });
    const log = config.log;
    if (log && log.level >= LOG_INFO) {
      log.logger.info(`${log.prefix} retrying ${method} ${this.url()} in ${Math.round(delayMs)} ms (attempt ${attempt} of ${this.maxRetries + 1}: ${reason})`);
    }
    try {
      await config.sleep(delayMs, callerSignal);
    } catch (error) {
      if (callerSignal?.aborted) throw this.aborted();
      throw error;
    }
    if (callerSignal?.aborted) throw this.aborted();
  }

  logAttempt(attempt: number, outcome: Outcome, ms: number): void {
    const log = this.config.log!;
    const id = outcome.response ? readRequestId(outcome.response.headers, this.config.requestIdHeaders) : undefined;
    const result = outcome.response ? `${outcome.response.status}` : outcome.error.name;
    log.logger.debug(`${log.prefix} ${this.method} ${this.url()} -> ${result} in ${Math.round(ms)} ms (attempt ${attempt}${id ? `, request id ${id}` : ''})`);
  }

  async attemptOnce(n: number): Promise<Outcome> {
    const first = n === this.firstAttempt && this.reuse;
    const controller = first
      ? this.firstController
      : this.withTimeout || this.callerSignal
        ? linkedController(this.callerSignal, () => this.aborted())
        : undefined;
    let input = this.request;
    if (!first) {
      const init: RequestInit = this.body === null || this.body === undefined ? {} : { body: this.body };
      init.signal = null;
      init.redirect = 'manual';
      input = new Request(this.request, init);
    }
    const state: Attempt = { call: this, n, controller, timer: undefined, timedOut: false };
    if (controller && this.withTimeout) state.timer = setTimeout(onAttemptTimeout, this.timeoutMs, state);
    try {
      return { response: await this.follow(input, controller), attempt: state };
    } catch (cause) {
      clearTimeout(state.timer);
      // A caller abort is turned into ApiAbortError by the loop, which checks first.
      if (state.timedOut) return { error: cause instanceof ApiTimeoutError ? cause : this.timeoutError(cause) };
      if (cause instanceof ApiConnectionError) return { error: cause };
      return { error: new ApiConnectionError(`Connection error (${describeCause(cause)}): ${this.method} ${this.url()}`, { cause, method: this.method, url: this.url() }) };
    }
  }

  /** Sends one request and follows its redirects (WHATWG Fetch §4.4), dropping credentials on a hop to another origin. */
  async follow(first: Request, controller: AbortController | undefined): Promise<Response> {
    const fetchImpl = this.config.options.fetch ?? globalThis.fetch;
    const { method } = this;
    let current = first;
    let currentBody = this.body;
    for (let hops = 0; ; hops++) {
      const attemptInit = controller ? new AttemptInit(controller, currentBody) : currentBody !== null && currentBody !== undefined ? { body: currentBody } : undefined;
      const response = await (attemptInit ? fetchImpl(current, attemptInit) : fetchImpl(current));
      if (response.type === 'opaqueredirect') {
        // A browser's fetch hides a manual redirect's target: it cannot be followed safely here.
        throw final(new ApiConnectionError(`Redirect not followed (the runtime hides its target): ${method} ${this.url()}`, { method, url: this.url() }));
      }
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel().catch(() => {});
      if (hops >= MAX_REDIRECTS) throw final(new ApiConnectionError(`Too many redirects (${MAX_REDIRECTS}): ${method} ${this.url()}`, { method, url: this.url() }));
      let target: URL;
      try {
        target = new URL(location, current.url);
      } catch {
        target = new URL('invalid:');
      }
      if ((target.protocol !== 'http:' && target.protocol !== 'https:') || target.username || target.password) {
        throw final(new ApiConnectionError(`Redirect to an unsupported location (${redactUrl(target.href)}): ${method} ${this.url()}`, { method, url: this.url() }));
      }
      const headers = new Headers(current.headers);
      let nextMethod = current.method;
      // 303 turns anything but GET/HEAD into GET; 301/302 turn POST into GET (as browsers and fetch do).
      if ((response.status === 303 && nextMethod !== 'GET' && nextMethod !== 'HEAD') || ((response.status === 301 || response.status === 302) && nextMethod === 'POST')) {
        nextMethod = 'GET';
        currentBody = null;
        for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
      }
      if (target.origin !== new URL(current.url).origin) {
        const names: string[] = [];
        headers.forEach((_, name) => names.push(name));
        const credentialHeaders = this.config.credentialHeaders;
        for (const name of names) if (credentialHeaders.has(name) || isCredentialHeader(name)) headers.delete(name);
      }
      const init: RequestInit = { method: nextMethod, headers, redirect: 'manual' };
      if (currentBody !== null && currentBody !== undefined) init.body = currentBody;
      current = new Request(target, init);
    }
  }

  /** The response the caller gets: an error body bounded, the attempt's timer left to cover the body. */
  finish(response: Response, state: Attempt): Response | Promise<Response> {
    if (response.body === null) {
      clearTimeout(state.timer);
      return response;
    }
    if (response.status >= 400) return this.bounded(response, state);
    // The timer keeps running while the caller reads the body, without keeping the process alive;
    // reading the body to its end (or failing to) stops it, and a failure becomes ours (readerPrototype).
    (state.timer as { unref?: () => void } | undefined)?.unref?.();
    (response as ReadResponse)[ATTEMPT] = state;
    Object.setPrototypeOf(response, readerPrototype(Object.getPrototypeOf(response) as object));
    return response;
  }

  /** An error response with its body read here, up to maxErrorBodyBytes. */
  async bounded(response: Response, state: Attempt): Promise<Response> {
    let read: { bytes: Uint8Array; truncated: boolean };
    try {
      read = await readBounded(response.body!, this.config.maxErrorBodyBytes);
    } catch (cause) {
      throw this.bodyError(cause, state, response);
    } finally {
      clearTimeout(state.timer);
    }
    const headers = new Headers(response.headers);
    if (read.truncated) headers.delete('content-length');
    const bounded = new Response(read.bytes as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers });
    Object.defineProperty(bounded, 'url', { value: response.url });
    if (read.truncated) markBodyTruncated(bounded);
    return bounded;
  }

  /**
   * An error while reading `response`'s body, as ours, with the response's
   * facts: the caller's abort, the timeout, a Content-Encoding that does not
   * decode (ResponseBodyError), a lost connection (ApiConnectionError), any
   * other failure of the reader (ResponseBodyError); fetch's own TypeError for
   * a body read twice stays as it is. A lost connection or a timeout below
   * 400 gets a retry when one is safe (retryAfterBodyError).
   */
  bodyError(cause: unknown, state: Attempt, response: Response): unknown {
    const { method } = this;
    const url = this.url();
    const facts = responseFacts(response, this.config.options.requestIdHeaders);
    if (this.callerSignal?.aborted) return abortError(method, url, this.callerSignal.reason, facts);
    let error: ApiConnectionError;
    if (state.timedOut) {
      error = this.timeoutError(undefined, facts);
    } else if (isDecodingError(cause)) {
      const encoding = response.headers.get('content-encoding');
      return new ResponseBodyError(`Response body could not be decoded (content-encoding ${encoding}: ${describeCause(cause)}): ${method} ${url}`, {
        cause,
        method,
        url,
        reason: 'content-encoding',
        response: facts,
      });
    } else if (isConnectionError(cause)) {
      const body = response.status >= 400 ? 'error body' : 'response body';
      error = new ApiConnectionError(`Connection lost while reading the ${body} (${describeCause(cause)}): ${method} ${url}`, { cause, method, url, response: facts });
    } else {
      if (cause instanceof ClientError || cause instanceof TypeError) return cause;
      return new ResponseBodyError(`Response body could not be read (${describeCause(cause)}): ${method} ${url}`, { cause, method, url, reason: 'unreadable', response: facts });
    }
    // A 2xx is final: the server acted, so only a method that may be repeated is sent again.
    if (response.status < 400 && isIdempotent(method)) {
      const log = this.config.log;
      if (state.n <= this.maxRetries) {
        Object.defineProperty(error, RETRY, { value: () => this.pause(state.n, undefined, error.message).then(() => state.n + 1) });
      } else if (this.maxRetries > 0 && log && log.level >= LOG_WARN) {
        log.logger.warn(`${log.prefix} ${method} ${url} failed after ${state.n} attempts: ${error.message}`);
      }
    }
    return error;
  }

  /** The values of the credential headers this call sent (the API key, …), to redact from what the server sends back. */
  secrets(): string[] {
    const values: string[] = [];
    this.request.headers.forEach((value, name) => {
      if (!this.config.credentialHeaders.has(name) && !isCredentialHeader(name)) return;
      values.push(value);
      // `Bearer <token>`: a page may echo the token alone.
      const space = value.indexOf(' ');
      if (space !== -1) values.push(value.slice(space + 1).trim());
    });
    return values;
  }
}

function release(response: Response, state: Attempt): void {
  clearTimeout(state.timer);
  response.body?.cancel().catch(() => {});
}

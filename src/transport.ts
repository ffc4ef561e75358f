/**
 * The `fetch` given to openapi-fetch's `createClient`: the attempt loop of a
 * call, each attempt with its timeout and the caller's signal. HTTP error
 * statuses are returned, not thrown; mapping them to ApiError is the
 * caller's job. What the loop ties together, one module each:
 * - which failures are retried, and after what delay: retry.ts;
 * - sending an attempt and following its redirects by hand, credentials
 *   dropped across origins: redirects.ts;
 * - the returned response's body (the timer covering it, error bodies
 *   bounded, read failures as our errors): response-body.ts;
 * - what a fetch failure means: fetch-failures.ts.
 *
 * `timeoutMs` bounds the whole attempt: headers, redirects and the body,
 * however the caller reads it (docs/threat-model.md, "Untrusted servers").
 */
import { DEFAULT_MAX_ERROR_BODY_BYTES } from './bounded-read.js';
import { ApiAbortError, ApiConnectionError, ApiTimeoutError, ClientError, isRequestFailure, type ResponseFacts } from './errors.js';
import { describeCause } from './fetch-failures.js';
import { LOG_DEBUG, LOG_INFO, LOG_WARN, type Log } from './logger.js';
import { isCredentialHeader, redactUrl } from './redaction.js';
import { sendFollowingRedirects, type FetchFunction, type SendingCall } from './redirects.js';
import { readRequestId } from './request-id.js';
import { finishResponse, type Attempt, type BodyCall } from './response-body.js';
import { defaultSleep, DEFAULT_MAX_RETRIES, errorRetryReason, FIRST_ATTEMPT, responseRetryReason, retryDelayMs, type RetryInfo } from './retry.js';

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
// setTimeout fires immediately for delays above 2^31-1 ms; treat such
// timeouts as "no timeout" instead.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The attempt's timer (one function for all, the attempt as its argument: no closure per attempt). */
function onAttemptTimeout(state: Attempt): void {
  state.timedOut = true;
  state.controller?.abort(state.call.timeoutError());
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
 * transport takes it. A property rather than a WeakMap entry: one store per
 * call, where an entry is added and dropped (docs/architecture.md, "Runtime
 * speed").
 */
const PREPARED = Symbol('vendor-api-clients.prepared');
type PreparedRequestObject = Request & { [PREPARED]?: Prepared | undefined };

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

/** Sends any Request, with the retry rule (retry.ts) and the timeout above. */
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
    // Redirects are followed by the transport (redirects.ts), which drops credentials across origins.
    // The caller's signal reaches fetch through the attempt's controller (redirects.ts, AttemptInit), not through the Request.
    // The client asks openapi-fetch for redirect: 'manual' (client.ts), so the usual init is used as it is,
    // not copied (docs/architecture.md, "Runtime speed").
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
class Call implements BodyCall, SendingCall {
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

  aborted(response?: ResponseFacts): ApiAbortError {
    return abortError(this.method, this.url(), this.callerSignal?.reason, response);
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
      if (outcome.response?.ok) return finishResponse(outcome.response, outcome.attempt);

      // Undefined when the attempt is not retried.
      const reason = outcome.response
        ? responseRetryReason(outcome.response.status, outcome.response.headers, method, config.retryNonIdempotent)
        : errorRetryReason(outcome.error, method, config.retryNonIdempotent);

      if (reason === undefined || attempt > maxRetries) {
        if (reason !== undefined && maxRetries > 0 && log && log.level >= LOG_WARN) {
          log.logger.warn(`${log.prefix} ${method} ${this.url()} failed after ${attempt} attempts: ${reason}`);
        }
        if (outcome.response) return finishResponse(outcome.response, outcome.attempt);
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
      return { response: await sendFollowingRedirects(this, input, controller), attempt: state };
    } catch (cause) {
      clearTimeout(state.timer);
      // A caller abort is turned into ApiAbortError by the loop, which checks first.
      if (state.timedOut) return { error: cause instanceof ApiTimeoutError ? cause : this.timeoutError(cause) };
      // Another of our errors from the fetch function (a fake's FakeError: a call no handler answers, src/testing.ts)
      // is the caller's own: thrown as it is, never taken for a lost connection and retried.
      if (cause instanceof ClientError && !isRequestFailure(cause)) throw cause;
      if (cause instanceof ApiConnectionError) return { error: cause };
      return { error: new ApiConnectionError(`Connection error (${describeCause(cause)}): ${this.method} ${this.url()}`, { cause, method: this.method, url: this.url() }) };
    }
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

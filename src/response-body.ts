/**
 * The body of a response the transport returns (docs/threat-model.md,
 * "Untrusted servers"):
 * - `timeoutMs` bounds the whole attempt, the body included, however the
 *   caller reads it: the attempt's timer runs until the body has been read.
 *   An abort or timeout while it is read rejects with ApiAbortError /
 *   ApiTimeoutError (the attempt's controller is aborted with that error as
 *   its reason, which fetch passes on to body reads).
 * - An error response's body is read here up to `maxErrorBodyBytes`
 *   (default 1 MiB): the start is kept, the rest is not downloaded, and the
 *   response is marked (isBodyTruncated; ApiError.bodyTruncated).
 * - Any other body is read by the caller, through readers (readerPrototype)
 *   that turn a failure into one of ours (bodyError), carrying the response's
 *   status, request id and content type: a connection lost mid-body is an
 *   ApiConnectionError, a Content-Encoding that does not decode a
 *   ResponseBodyError. A lost connection or a timeout after a 2xx of an
 *   idempotent method gets a retry (retry.ts, retryAfterBodyError).
 */
import { markBodyTruncated, readBounded } from './bounded-read.js';
import { ApiConnectionError, ClientError, ResponseBodyError, type ApiAbortError, type ApiTimeoutError, type ResponseFacts } from './errors.js';
import { describeCause, isConnectionError, isDecodingError } from './fetch-failures.js';
import { LOG_WARN, type Log } from './logger.js';
import { bodyStart, redactText, redactUrl } from './redaction.js';
import { DEFAULT_REQUEST_ID_HEADERS, readRequestId } from './request-id.js';
import { isIdempotent, offerRetry } from './retry.js';

/** What reading a response's body needs of the call it answers (transport.ts's Call). */
export interface BodyCall {
  readonly method: string;
  readonly callerSignal: AbortSignal | undefined;
  readonly maxRetries: number;
  readonly config: {
    readonly options: { readonly requestIdHeaders?: readonly string[] | undefined };
    /** Undefined when the log is off. */
    readonly log: Log | undefined;
    readonly maxErrorBodyBytes: number;
  };
  /** The redacted URL. */
  url(): string;
  /** The values of the credential headers the call sent, to redact from what the server sends back. */
  secrets(): string[];
  /** The caller's abort, as ours. */
  aborted(response?: ResponseFacts): ApiAbortError;
  timeoutError(cause?: unknown, response?: ResponseFacts): ApiTimeoutError;
  /** The wait before the retry that follows attempt `attempt` (onRetry, the log line, the delay). */
  pause(attempt: number, headers: Headers | undefined, reason: string): Promise<void>;
}

/** One attempt's abort controller and timer; the timer runs until the body is read. */
export interface Attempt {
  /** The call this attempt belongs to: it turns an error while reading the body into ours (bodyError). */
  call: BodyCall;
  /** 1-based number of the attempt within its call. */
  n: number;
  controller: AbortController | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  timedOut: boolean;
}

const BODY_METHODS = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;

const ATTEMPT = Symbol('attempt');
type ReadResponse = Response & { [ATTEMPT]: Attempt };

/**
 * A returned Response whose body the caller reads gets, as its prototype,
 * one of these: its own prototype (the global Response's, or a custom
 * fetch's class) under body readers that stop the attempt's timer when the
 * body has been read, and turn an error while reading into ours (bodyError).
 * One prototype per class, made once: per response this is one prototype
 * change and one property, not six methods defined on each response
 * (docs/architecture.md, "Runtime speed").
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
            throw bodyError(cause, state, this);
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
 * The response the caller gets: an error body bounded, the attempt's timer
 * left to cover the body.
 */
export function finishResponse(response: Response, state: Attempt): Response | Promise<Response> {
  if (response.body === null) {
    clearTimeout(state.timer);
    return response;
  }
  if (response.status >= 400) return boundedResponse(response, state);
  // The timer keeps running while the caller reads the body, without keeping the process alive;
  // reading the body to its end (or failing to) stops it, and a failure becomes ours (readerPrototype).
  (state.timer as { unref?: () => void } | undefined)?.unref?.();
  (response as ReadResponse)[ATTEMPT] = state;
  Object.setPrototypeOf(response, readerPrototype(Object.getPrototypeOf(response) as object));
  return response;
}

/** An error response with its body read here, up to maxErrorBodyBytes. */
async function boundedResponse(response: Response, state: Attempt): Promise<Response> {
  let read: { bytes: Uint8Array; truncated: boolean };
  try {
    read = await readBounded(response.body!, state.call.config.maxErrorBodyBytes);
  } catch (cause) {
    throw bodyError(cause, state, response);
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
function bodyError(cause: unknown, state: Attempt, response: Response): unknown {
  const { call } = state;
  const { method } = call;
  const url = call.url();
  const facts = responseFacts(response, call.config.options.requestIdHeaders);
  if (call.callerSignal?.aborted) return call.aborted(facts);
  let error: ApiConnectionError;
  if (state.timedOut) {
    error = call.timeoutError(undefined, facts);
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
    const log = call.config.log;
    if (state.n <= call.maxRetries) {
      offerRetry(error, () => call.pause(state.n, undefined, error.message).then(() => state.n + 1));
    } else if (call.maxRetries > 0 && log && log.level >= LOG_WARN) {
      log.logger.warn(`${log.prefix} ${method} ${url} failed after ${state.n} attempts: ${error.message}`);
    }
  }
  return error;
}

function responseFacts(response: Response, requestIdHeaders: readonly string[] | undefined): ResponseFacts {
  return { status: response.status, headers: response.headers, requestId: readRequestId(response.headers, requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS) };
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
          throw bodyError(cause, state, response);
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

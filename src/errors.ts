/**
 * Error types shared by every generated client (modelled on Stainless SDK errors).
 *
 * Two families, deliberately unrelated so `catch` blocks can tell them apart:
 *  - `ApiError` and its status subclasses: the server answered with an HTTP error.
 *  - `ClientError` and its subclasses: no usable answer (network failure, timeout,
 *    caller abort, a body that cannot be read as declared) or the request was
 *    refused before sending.
 *
 * Secrets: errors end up in logs, so they never hold the request headers or the
 * Request object (either would carry the API key). URLs are stored and printed
 * only after `redactUrl`, and `toJSON` redacts response headers (redaction.ts).
 */
import { DEFAULT_MAX_ERROR_BODY_BYTES, isBodyTruncated, readBody } from './bounded-read.js';
import { redactHeaders, redactUrl } from './redaction.js';
import { DEFAULT_REQUEST_ID_HEADERS, readRequestId } from './request-id.js';

// Reason phrases, because HTTP/2 responses (and some proxies) give an empty
// `statusText`, and a message reading just "503 :" is unhelpful.
const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  418: "I'm a teapot",
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const SUMMARY_MAX = 200;

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > SUMMARY_MAX ? `${oneLine.slice(0, SUMMARY_MAX)}…` : oneLine;
}

/** Short human summary of an error body, or undefined when nothing useful. */
function summarizeBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    // HTML error pages (proxies, load balancers) are noise in a one-line message.
    return body.trim() === '' || body.trimStart().startsWith('<') ? undefined : truncate(body);
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    for (const field of ['message', 'detail', 'error']) {
      const value = record[field];
      if (typeof value === 'string' && value.trim() !== '') return truncate(value);
    }
  }
  return undefined;
}


export interface ApiErrorInit {
  status: number;
  body: unknown;
  /** The operation that failed, as `METHOD /path/{template}` (what the per-operation guards check). */
  operation?: string | undefined;
  /** The body is only the start of what the server sent (cut at the transport's bound). */
  bodyTruncated?: boolean | undefined;
  headers: Headers;
  requestId?: string | undefined;
  method: string;
  url: string;
  message?: string;
}

export interface ApiErrorRequest {
  method: string;
  url: string;
  operation?: string | undefined;
}

export interface ApiErrorOptions {
  /** Response headers to read the request id from, first present wins. */
  requestIdHeaders?: string[] | undefined;
  /** `fromResponse`: bytes of the body read (default 1 MiB, as the transport's `maxErrorBodyBytes`); the rest is not read. */
  maxBodyBytes?: number | undefined;
}

/**
 * The server answered with an HTTP error status. `body` is `unknown` here
 * (and after `instanceof`): an operation's guard (`isUpdateApplicationSpecError(err, 422)`)
 * narrows it to the type the spec declares for that status.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  /** Parsed JSON when the body was JSON, the text when not, undefined when empty. */
  readonly body: unknown;
  /** The operation as `METHOD /path/{template}`, when a generated wrapper threw it. */
  readonly operation: string | undefined;
  /** True when `body` is only the start of the server's (the transport reads at most `maxErrorBodyBytes`). */
  readonly bodyTruncated: boolean;
  // Non-enumerable (set in the constructor) so util.inspect / console.log do not
  // dump e.g. set-cookie; use toJSON() for a redacted copy.
  declare readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly method: string;
  /** Redacted with redactUrl. */
  readonly url: string;

  constructor(init: ApiErrorInit) {
    const url = redactUrl(init.url);
    const method = init.method.toUpperCase();
    let message = init.message;
    if (message === undefined) {
      const reason = STATUS_TEXT[init.status] ?? (init.status >= 500 ? 'Server Error' : 'Error');
      const summary = summarizeBody(init.body);
      const cut = init.bodyTruncated ? ' (body cut short)' : '';
      message = `${init.status} ${reason}: ${method} ${url}${summary ? ` — ${summary}` : ''}${cut}`;
    }
    super(message);
    this.status = init.status;
    this.body = init.body;
    this.operation = init.operation;
    this.bodyTruncated = init.bodyTruncated ?? false;
    Object.defineProperty(this, 'headers', { value: init.headers, enumerable: false, writable: false });
    this.requestId = init.requestId;
    this.method = method;
    this.url = url;
  }

  /**
   * Build the right subclass from a raw Response. Reads the body from a clone
   * when possible so the caller can still consume the original, up to
   * `maxBodyBytes` (then `bodyTruncated`, as the transport marks a body it
   * cut), and never throws: an unreadable body becomes `undefined`.
   */
  static async fromResponse(response: Response, request: ApiErrorRequest, options?: ApiErrorOptions): Promise<ApiError> {
    const { body, truncated } = await readBody(response, options?.maxBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES);
    return ApiError.build(response, body, truncated || isBodyTruncated(response), request, options);
  }

  /**
   * Build the right subclass when the body was already consumed and parsed,
   * e.g. openapi-fetch's `error` (parsed JSON, or the raw text when not JSON;
   * `""` for an empty body, which is normalised to `undefined`).
   */
  static async fromParsed(
    response: Response,
    body: unknown,
    request: ApiErrorRequest,
    options?: ApiErrorOptions,
  ): Promise<ApiError> {
    return ApiError.build(response, body, isBodyTruncated(response), request, options);
  }

  private static build(response: Response, body: unknown, bodyTruncated: boolean, request: ApiErrorRequest, options: ApiErrorOptions | undefined): ApiError {
    const Ctor = errorClassForStatus(response.status);
    return new Ctor({
      status: response.status,
      body: body === '' ? undefined : body,
      bodyTruncated,
      headers: response.headers,
      requestId: readRequestId(response.headers, options?.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS),
      method: request.method,
      url: request.url,
      operation: request.operation,
    });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      body: this.body,
      bodyTruncated: this.bodyTruncated,
      requestId: this.requestId,
      method: this.method,
      url: this.url,
      headers: redactHeaders(this.headers),
    };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

export class BadRequestError extends ApiError {
  override name = 'BadRequestError';
}
export class AuthenticationError extends ApiError {
  override name = 'AuthenticationError';
}
export class PermissionDeniedError extends ApiError {
  override name = 'PermissionDeniedError';
}
export class NotFoundError extends ApiError {
  override name = 'NotFoundError';
}
export class ConflictError extends ApiError {
  override name = 'ConflictError';
}
export class UnprocessableEntityError extends ApiError {
  override name = 'UnprocessableEntityError';
}
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
}
/** Any 5xx. */
export class InternalServerError extends ApiError {
  override name = 'InternalServerError';
}

function errorClassForStatus(status: number): new (init: ApiErrorInit) => ApiError {
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 && status <= 599 ? InternalServerError : ApiError;
  }
}


/** Base of every error raised without an HTTP error response. Not an ApiError. */
export class ClientError extends Error {
  override name = 'ClientError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  // Error's own `message` is not enumerable, so JSON.stringify would give `{}`.
  // `cause` is left out on purpose: it is arbitrary and may be large.
  toJSON(): Record<string, unknown> {
    return { ...Object.fromEntries(Object.entries(this)), name: this.name, message: this.message };
  }

  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/** What an error raised after a response's headers arrived (its body then failed) tells of that response. */
export interface ResponseFacts {
  status: number;
  headers: Headers;
  requestId: string | undefined;
  /** The start of the body as text, from `bodyStart`; absent when none could be read. */
  bodyStart?: string | undefined;
}

export interface RequestErrorOptions {
  cause?: unknown;
  method?: string;
  /** Redacted before storing. */
  url?: string;
  /** The response, when its headers had arrived before the failure. */
  response?: ResponseFacts | undefined;
}


/**
 * A request that was sent (or started) but got no usable HTTP response:
 * carries its method and redacted URL and, when the response's headers had
 * arrived before the failure (the body could not be read), that response's
 * status, request id, content type and the start of its body.
 */
abstract class RequestFailedError extends ClientError {
  readonly method: string | undefined;
  readonly url: string | undefined;
  /** The response's status, when its headers arrived before the failure; else undefined. */
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly contentType: string | undefined;
  /** The start of the body (at most 1 024 characters; credentials and secret URL parameters redacted), when some was read. */
  readonly bodyStart: string | undefined;
  // Non-enumerable, as ApiError's: toJSON gives them redacted.
  declare readonly headers: Headers | undefined;

  constructor(message: string, options: RequestErrorOptions = {}) {
    const { response } = options;
    super(response ? `${message} (${describeResponse(response)})` : message, 'cause' in options ? { cause: options.cause } : undefined);
    this.method = options.method?.toUpperCase();
    this.url = options.url === undefined ? undefined : redactUrl(options.url);
    this.status = response?.status;
    this.requestId = response?.requestId;
    this.contentType = response?.headers.get('content-type') ?? undefined;
    this.bodyStart = response?.bodyStart;
    Object.defineProperty(this, 'headers', { value: response?.headers, enumerable: false, writable: false });
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    if (this.headers) json.headers = redactHeaders(this.headers);
    return json;
  }
}

/** Whether `error` is one of the failures of a request (ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError). */
export function isRequestFailure(error: unknown): boolean {
  return error instanceof RequestFailedError;
}

/** `status 200, content-type text/html, request id req_1`; the server's values cut at 100 characters each. */
function describeResponse(response: ResponseFacts): string {
  const type = response.headers.get('content-type')?.slice(0, 100);
  const id = response.requestId?.slice(0, 100);
  return [`status ${response.status}`, type ? `content-type ${type}` : '', id ? `request id ${id}` : ''].filter(Boolean).join(', ');
}

/** The request could not be completed: DNS, refused or reset connection, TLS, a connection lost while the body was read, ... */
export class ApiConnectionError extends RequestFailedError {
  override name = 'ApiConnectionError';
}

/** One attempt (response headers, redirects and body) did not finish within `timeoutMs`. */
export class ApiTimeoutError extends ApiConnectionError {
  override name = 'ApiTimeoutError';
}

/** The caller's own AbortSignal fired; `cause` is the signal's reason. */
export class ApiAbortError extends RequestFailedError {
  override name = 'ApiAbortError';
}

/**
 * Why a response's body could not be read: `invalid-json` (a JSON body that
 * does not parse: an HTML page, JSON cut short), `content-encoding` (its
 * `Content-Encoding`, e.g. gzip, could not be decoded), `unreadable` (any
 * other failure of the runtime's body reader).
 */
export type ResponseBodyProblem = 'invalid-json' | 'content-encoding' | 'unreadable';

export interface ResponseBodyErrorOptions extends RequestErrorOptions {
  response: ResponseFacts;
  reason: ResponseBodyProblem;
}

/**
 * The server answered (usually with a 2xx) but its body cannot be read as
 * the spec declares: no data to return, so it is thrown in both modes, like
 * a connection error. `status`, `requestId`, `contentType` and `bodyStart`
 * say what came back; `cause` is the parser's or decoder's error. Not retried:
 * the server (or a proxy in front of it) answered, and would answer the same.
 */
export class ResponseBodyError extends RequestFailedError {
  override name = 'ResponseBodyError';
  declare readonly status: number;
  readonly reason: ResponseBodyProblem;

  constructor(message: string, options: ResponseBodyErrorOptions) {
    super(message, options);
    this.reason = options.reason;
  }
}

/** Refused before sending, e.g. a path parameter that would change the path. */
export class InvalidRequestError extends ClientError {
  override name = 'InvalidRequestError';
  readonly parameter: string | undefined;

  constructor(message: string, options: { parameter?: string; cause?: unknown } = {}) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.parameter = options.parameter;
  }
}

/** No API key was passed and the environment variable is unset or empty. */
export class MissingApiKeyError extends ClientError {
  override name = 'MissingApiKeyError';
}

/**
 * A client with an API key was created in a browser page without
 * `dangerouslyAllowBrowser: true`: the key would ship to every visitor.
 */
export class BrowserNotAllowedError extends ClientError {
  override name = 'BrowserNotAllowedError';
}

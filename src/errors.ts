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
 * only after `redactUrl`, and `toJSON` redacts response headers.
 */

export const REDACTED = 'REDACTED';

// Query parameter names that commonly carry credentials (api_key, access_token,
// X-Amz-Signature, X-Amz-Credential, ...). Over-redacting a harmless value is
// cheap; leaking a key is not.
const SECRET_PARAM_RE = /key|token|secret|auth|password|signature|credential/i;
const SECRET_HEADER_RE = /key|token|secret|auth|password|signature|credential|session|cookie/i;

/**
 * Whether a header name looks like it carries a credential (Authorization,
 * Proxy-Authorization, Cookie, x-api-key, X-Auth-Token, …): its value is
 * redacted in errors, and it is not sent on to another origin on a redirect.
 */
export function isCredentialHeader(name: string): boolean {
  return SECRET_HEADER_RE.test(name);
}

/** Plain-object copy of `headers` with credential-looking values replaced by `REDACTED`. */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = isCredentialHeader(name) ? REDACTED : value;
  });
  return out;
}

/** Error responses whose body the transport cut at its bound (see transport.ts). */
const truncatedBodies = new WeakSet<Response>();

/** Marks a Response whose body holds only the start of what the server sent. */
export function markBodyTruncated(response: Response): void {
  truncatedBodies.add(response);
}

/** Whether the body of this (error) response was cut at the transport's bound (`maxErrorBodyBytes`). */
export function isBodyTruncated(response: Response): boolean {
  return truncatedBodies.has(response);
}

function redactParams(params: string): string {
  return params
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const rawName = eq === -1 ? part : part.slice(0, eq);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      } catch {
        // Malformed escapes: test the raw name instead.
      }
      return SECRET_PARAM_RE.test(name) ? `${rawName}=${REDACTED}` : part;
    })
    .join('&');
}

/**
 * Remove userinfo (`user:pass@`) and the values of secret-looking query
 * parameters. String-based rather than `new URL()` so it never re-encodes the
 * rest of the URL (path templates keep their `{braces}`) and also works on
 * relative URLs. The fragment is dropped: it is never sent to the server, and
 * OAuth-style flows put tokens there.
 */
export function redactUrl(url: string): string {
  const hash = url.indexOf('#');
  let rest = hash === -1 ? url : url.slice(0, hash);
  // `[^/?#]*@` is greedy, so it strips through the last `@` of the authority,
  // which is where the WHATWG URL parser ends userinfo too.
  rest = rest.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  const q = rest.indexOf('?');
  if (q === -1) return rest;
  return `${rest.slice(0, q)}?${redactParams(rest.slice(q + 1))}`;
}

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

export const DEFAULT_REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid'];

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

/** The first non-empty value of `names` (response headers carrying a request id). */
export function readRequestId(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null && value !== '') return value;
  }
  return undefined;
}

/** Default bound on an error body read into memory: the start is kept, the rest is not read. */
export const DEFAULT_MAX_ERROR_BODY_BYTES = 1024 * 1024;

/**
 * Reads at most `max` bytes of a body, then cancels the rest (which also
 * releases the connection). A hostile server's 500 MB error page costs 1 MiB.
 */
export async function readBounded(body: ReadableStream<Uint8Array>, max: number): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.byteLength > max) {
      chunks.push(value.subarray(0, max - length));
      length = max;
      truncated = true;
      // Not awaited: on a branch of a tee (a clone, as fromResponse reads) the cancel settles only once
      // the other branch is cancelled too, which may be never (the caller keeps the original to read).
      reader.cancel().catch(() => {});
      break;
    }
    chunks.push(value);
    length += value.byteLength;
  }
  const bytes = chunks.length === 1 ? chunks[0]! : new Uint8Array(length);
  if (chunks.length !== 1) {
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
  }
  return { bytes, truncated };
}

async function readBody(response: Response, max: number): Promise<{ body: unknown; truncated: boolean }> {
  if (response.bodyUsed || response.body === null) return { body: undefined, truncated: false };
  let source = response;
  try {
    source = response.clone();
  } catch {
    // Locked stream: fall back to reading the original (and most likely fail below).
  }
  let read: { bytes: Uint8Array; truncated: boolean };
  try {
    read = await readBounded(source.body!, max);
  } catch {
    return { body: undefined, truncated: false };
  }
  const { truncated } = read;
  const text = new TextDecoder().decode(read.bytes);
  if (text.trim() === '') return { body: undefined, truncated };
  const type = response.headers.get('content-type') ?? '';
  // Also try JSON for bodies that look like it, since servers often mislabel
  // JSON errors as text/plain or omit the content type.
  if (/\bjson\b/i.test(type) || /^\s*[{[]/.test(text)) {
    try {
      return { body: JSON.parse(text) as unknown, truncated };
    } catch {
      // Not JSON after all: keep the text.
    }
  }
  return { body: text, truncated };
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

/** Characters of a body kept in an error's `bodyStart`. */
export const BODY_START_MAX = 1024;

/**
 * `text` with every value of `secrets` (the credentials the request carried)
 * replaced by `REDACTED`, and URLs in it redacted with redactUrl: for text a
 * server sent back, which may echo the request.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== '') out = out.split(secret).join(REDACTED);
  return out.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi, (url) => redactUrl(url));
}

/**
 * The start of a body for an error: at most BODY_START_MAX characters,
 * redacted with redactText (before the cut, so that a secret across the cut
 * leaves no part of itself).
 */
export function bodyStart(text: string, secrets: readonly string[]): string {
  const margin = secrets.reduce((max, secret) => Math.max(max, secret.length), 0);
  return redactText(text.slice(0, BODY_START_MAX + margin), secrets).slice(0, BODY_START_MAX);
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

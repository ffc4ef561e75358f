/**
 * The client every generated wrapper takes: an openapi-fetch client whose
 * `fetch` is our transport (timeouts, retries, typed connection errors, the
 * log), whose default headers carry `User-Agent` and the API key the way the
 * vendor expects, and whose path serializer refuses values that would change
 * the request path.
 */
import createClient, { type Client } from 'openapi-fetch';
import { authHeaders, resolveApiKey, type AuthScheme } from './auth.js';
import { isBrowser, readEnv, userAgent } from './environment.js';
import { BrowserNotAllowedError, InvalidRequestError } from './errors.js';
import { createLog, type Logger, type LogLevel } from './logger.js';
import { pathSerializer } from './path-params.js';
import { redactUrl } from './redaction.js';
import type { FetchFunction } from './redirects.js';
import type { RetryInfo } from './retry.js';
import { createClientTransport } from './transport.js';

/** What a generated client knows about its vendor (emitted into `generated/<api>/index.ts`). */
export interface ApiDescriptor<Server extends string = string> {
  /** Display name, used in error messages and log lines. */
  name: string;
  /** Environment variable read when no `apiKey` option is given. */
  apiKeyEnv: string;
  /** Environment variable read for the base URL when neither `baseUrl` nor `server` is given. */
  baseUrlEnv?: string;
  /** Environment variable read for the log level when no `logLevel` option is given. */
  logEnv?: string;
  /** How the key is sent; `undefined` when the API takes no key. */
  auth: AuthScheme | undefined;
  /** The spec's servers by name; the first is the default. */
  servers: Readonly<Record<Server, string>>;
  /** Response headers that carry a request id, first present wins. */
  requestIdHeaders?: readonly string[];
  /** Request header that carries an idempotency key on non-idempotent calls (POST, PATCH), when the api has one. */
  idempotencyHeader?: string;
}

export interface ClientOptions<Server extends string = string> {
  /** The API key; defaults to the api's environment variable (see docs/using-the-clients.md, "Client options"). */
  apiKey?: string | undefined;
  /** One of the spec's servers by name (default: the first). */
  server?: Server | undefined;
  /** Any base URL (a proxy, a mock server); overrides `server` and the api's base URL environment variable. */
  baseUrl?: string | undefined;
  /** A fetch implementation (default: globalThis.fetch); called as `fetch(request, { signal, body })`, and must honour the signal (timeouts, cancellation) as fetch does; `body` is the request's body again. */
  fetch?: FetchFunction | undefined;
  /** Per-attempt timeout in ms, reading the body included (default 60 000; 0 disables). */
  timeoutMs?: number | undefined;
  /** Bytes of an error response's body read into `error` / `ApiError.body` (default 1 MiB; the rest is not read). */
  maxErrorBodyBytes?: number | undefined;
  /** Retries after the first attempt (default 2); see docs/using-the-clients.md ("Retries") for which failures are retried. */
  maxRetries?: number | undefined;
  /** Also retry non-idempotent methods (POST, PATCH) on 5xx and connection failures. */
  retryNonIdempotent?: boolean | undefined;
  /** Extra headers sent with every request; `null` removes a default (e.g. `User-Agent`). */
  headers?: Record<string, string | null | undefined> | undefined;
  /** Throw `ApiError` subclasses instead of returning `{ error }` (default false). */
  throwOnError?: boolean | undefined;
  /** Called before each retry (never receives headers, so it cannot leak the key). */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** Where log lines go (default: `console`). */
  logger?: Logger | undefined;
  /** `off`, `error`, `warn` (default), `info` (retries), `debug` (every attempt); default from the api's environment variable (e.g. SGP_LOG). */
  logLevel?: LogLevel | undefined;
  /** Allow creating a client with an API key in a browser page, where every visitor can read the key (default false). */
  dangerouslyAllowBrowser?: boolean | undefined;
}

declare const paths: unique symbol;

/**
 * The key of the type-only api name in each generated `<Vendor>ApiClient`
 * (never set at run time): passing one api's client to another api's function
 * then fails naming both (`"LaunchDarkly REST API"` is not `"EGP API V4"`).
 */
export const apiName: unique symbol = Symbol('apiName');

/** A configured client for one api; `Paths` ties it to that api's generated types. */
export interface ApiClient<Paths extends {}> {
  readonly api: ApiDescriptor;
  readonly fetchClient: Client<Paths>;
  readonly throwOnError: boolean;
  readonly baseUrl: string;
  /** A new client with these options changed (headers are merged; `null` removes one); nothing mutable is shared. */
  withOptions(options: ClientOptions): this;
  /** Type-only brand: a client of one api cannot be passed to another api's functions. */
  readonly [paths]?: Paths;
}

/** `base` with `overrides` laid over it: an `undefined` override keeps the base value, headers merge by name. */
export function mergeClientOptions<S extends string>(base: ClientOptions<S>, overrides: ClientOptions<S>): ClientOptions<S> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) merged[key] = value;
  merged.headers = { ...base.headers, ...overrides.headers };
  return merged as ClientOptions<S>;
}

/** Header names are case-insensitive: the defaults are built lower-case so an option can replace or remove them. */
function defaultHeaders(options: ClientOptions<string>): Record<string, string> {
  const headers: Record<string, string> = {};
  const ua = userAgent();
  if (ua !== undefined) headers['user-agent'] = ua;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    const lower = name.toLowerCase();
    if (value === null) delete headers[lower];
    else if (value !== undefined) headers[lower] = value;
  }
  return headers;
}

function resolveBaseUrl(api: ApiDescriptor<string>, options: ClientOptions<string>): string {
  if (options.baseUrl !== undefined) return options.baseUrl;
  const servers = api.servers as Record<string, string>;
  if (options.server === undefined && api.baseUrlEnv !== undefined) {
    const fromEnv = readEnv(api.baseUrlEnv);
    if (fromEnv !== undefined) {
      // The value is not quoted: a URL may carry credentials.
      if (!/^https?:\/\/[^/?#]/i.test(fromEnv)) throw new TypeError(`${api.name}: ${api.baseUrlEnv} is not an http(s) URL`);
      return fromEnv;
    }
  }
  const name = options.server ?? Object.keys(servers)[0];
  const url = name !== undefined ? servers[name] : undefined;
  if (url === undefined) {
    throw new TypeError(`${api.name}: unknown server ${JSON.stringify(options.server)} (known: ${Object.keys(servers).join(', ')})`);
  }
  return url;
}

export function createApiClient<Paths extends {}, Server extends string = string>(
  api: ApiDescriptor<Server>,
  options: ClientOptions<Server> = {},
): ApiClient<Paths> {
  // A private copy: later changes to the caller's object (or its headers) do not reach this client.
  const own: ClientOptions<Server> = { ...options, headers: { ...options.headers } };
  const baseUrl = resolveBaseUrl(api, own);
  refuseUserinfo(baseUrl, api.name);
  const headers = defaultHeaders(own);
  if (api.auth) {
    const browser = isBrowser();
    if (browser && own.dangerouslyAllowBrowser !== true) {
      throw new BrowserNotAllowedError(
        `${api.name}: refusing to create a client with an API key in a browser, where every visitor of the page can read the key. ` +
          'Call the API from your server instead, or pass { dangerouslyAllowBrowser: true } if you accept that.',
      );
    }
    Object.assign(headers, authHeaders(api.auth, resolveApiKey(own.apiKey, browser ? undefined : api.apiKeyEnv, api.name)));
  }
  const transport = createClientTransport({
    fetch: own.fetch,
    timeoutMs: own.timeoutMs,
    maxErrorBodyBytes: own.maxErrorBodyBytes,
    credentialHeaders: api.auth ? [api.auth.name] : [],
    maxRetries: own.maxRetries,
    retryNonIdempotent: own.retryNonIdempotent,
    onRetry: own.onRetry,
    log: createLog(api.name, own.logger, own.logLevel, api.logEnv),
    requestIdHeaders: api.requestIdHeaders,
  });
  const fetchClient = createClient<Paths>({
    baseUrl,
    headers,
    fetch: transport.fetch,
    Request: transport.Request,
    pathSerializer,
    // The transport follows redirects itself (dropping credentials across origins); asked for here, every
    // Request is built from openapi-fetch's own init, without a copy.
    redirect: 'manual',
  });
  return {
    api,
    fetchClient,
    throwOnError: own.throwOnError ?? false,
    baseUrl,
    withOptions: (overrides: ClientOptions) => createApiClient<Paths, Server>(api, mergeClientOptions(own, overrides as ClientOptions<Server>)),
  };
}

/**
 * A base URL with userinfo (`https://user:KEY@host`, also from the base URL
 * environment variable) would put a secret in every request URL, and Request
 * refuses it with a TypeError that quotes it whole: refused here, once, with
 * the URL redacted.
 */
function refuseUserinfo(baseUrl: string, apiName: string): void {
  let userinfo = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(baseUrl);
  try {
    const parsed = new URL(baseUrl);
    userinfo ||= parsed.username !== '' || parsed.password !== '';
  } catch {
    // Not an absolute URL: openapi-fetch reports it when a request is made.
  }
  if (userinfo) {
    throw new InvalidRequestError(
      `${apiName}: baseUrl must not contain credentials (user:password@); give the key as apiKey: ${redactUrl(baseUrl)}`,
      { parameter: 'baseUrl' },
    );
  }
}

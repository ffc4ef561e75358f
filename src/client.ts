/**
 * The client every generated wrapper takes: an openapi-fetch client whose
 * `fetch` is our transport (timeouts, retries, typed connection errors), whose
 * default headers carry the API key the way the vendor expects, and whose path
 * serializer refuses values that would change the request path.
 */
import createClient, { type Client } from 'openapi-fetch';
import { authHeaders, resolveApiKey, type AuthScheme } from './auth.js';
import { InvalidRequestError, redactUrl } from './errors.js';
import { pathSerializer } from './path-params.js';
import { createClientTransport, type RetryInfo } from './transport.js';

/** What a generated client knows about its vendor (emitted into `generated/<api>/index.ts`). */
export interface ApiDescriptor<Server extends string = string> {
  /** Display name, used in error messages. */
  name: string;
  /** Environment variable read when no `apiKey` option is given. */
  apiKeyEnv: string;
  /** How the key is sent; `undefined` when the API takes no key. */
  auth: AuthScheme | undefined;
  /** The spec's servers by name; the first is the default. */
  servers: Readonly<Record<Server, string>>;
  /** Response headers that carry a request id, first present wins. */
  requestIdHeaders?: readonly string[];
}

export interface ClientOptions<Server extends string = string> {
  /** The API key; defaults to the api's environment variable (see the README). */
  apiKey?: string | undefined;
  /** One of the spec's servers by name (default: the first). */
  server?: Server | undefined;
  /** Any base URL (a proxy, a mock server); overrides `server`. */
  baseUrl?: string | undefined;
  /** A fetch implementation (default: globalThis.fetch). */
  fetch?: ((input: Request) => Promise<Response>) | undefined;
  /** Per-attempt timeout in ms, reading the body included (default 60 000; 0 disables). */
  timeoutMs?: number | undefined;
  /** Bytes of an error response's body read into `error` / `ApiError.body` (default 1 MiB; the rest is not read). */
  maxErrorBodyBytes?: number | undefined;
  /** Retries after the first attempt (default 2); see the README for which failures are retried. */
  maxRetries?: number | undefined;
  /** Also retry non-idempotent methods (POST, PATCH) on 5xx and connection failures. */
  retryNonIdempotent?: boolean | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Throw `ApiError` subclasses instead of returning `{ error }` (default false). */
  throwOnError?: boolean | undefined;
  /** Called before each retry (never receives headers, so it cannot leak the key). */
  onRetry?: ((info: RetryInfo) => void) | undefined;
}

declare const paths: unique symbol;

/** A configured client for one api; `Paths` ties it to that api's generated types. */
export interface ApiClient<Paths extends {}> {
  readonly api: ApiDescriptor;
  readonly fetchClient: Client<Paths>;
  readonly throwOnError: boolean;
  readonly baseUrl: string;
  /** Type-only brand: a client of one api cannot be passed to another api's functions. */
  readonly [paths]?: Paths;
}

export function createApiClient<Paths extends {}, Server extends string = string>(
  api: ApiDescriptor<Server>,
  options: ClientOptions<Server> = {},
): ApiClient<Paths> {
  const servers = api.servers as Record<string, string>;
  let baseUrl = options.baseUrl;
  if (baseUrl === undefined) {
    const name = options.server ?? Object.keys(servers)[0];
    baseUrl = name !== undefined ? servers[name] : undefined;
    if (baseUrl === undefined) {
      throw new TypeError(`${api.name}: unknown server ${JSON.stringify(options.server)} (known: ${Object.keys(servers).join(', ')})`);
    }
  }
  refuseUserinfo(baseUrl, api.name);
  const headers: Record<string, string> = { ...options.headers };
  if (api.auth) Object.assign(headers, authHeaders(api.auth, resolveApiKey(options.apiKey, api.apiKeyEnv, api.name)));
  const transport = createClientTransport({
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxErrorBodyBytes: options.maxErrorBodyBytes,
    credentialHeaders: api.auth ? [api.auth.name] : [],
    maxRetries: options.maxRetries,
    retryNonIdempotent: options.retryNonIdempotent,
    onRetry: options.onRetry,
  });
  const fetchClient = createClient<Paths>({ baseUrl, headers, fetch: transport.fetch, Request: transport.Request, pathSerializer });
  return { api, fetchClient, throwOnError: options.throwOnError ?? false, baseUrl };
}

/**
 * A base URL with userinfo (`https://user:KEY@host`) would put a secret in
 * every request URL, and Request refuses it with a TypeError that quotes it
 * whole: refused here, once, with the URL redacted.
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

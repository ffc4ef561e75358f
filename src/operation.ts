/**
 * What a generated wrapper is: one typed argument in (path parameters at the
 * top level, plus `query`, `headers`, `body`), openapi-fetch's `{ data, error,
 * response }` out, or a thrown `ApiError` in throwing mode.
 */
import type { FetchResponse, RequestBodyOption } from 'openapi-fetch';
import { applyMedia, type OperationMedia } from './body.js';
import type { ApiClient, ClientOptions } from './client.js';
import { ApiError, DEFAULT_REQUEST_ID_HEADERS, readRequestId } from './errors.js';
import { idempotencyKey } from './idempotency.js';
import { validatePathParams } from './path-params.js';
import { isIdempotent } from './transport.js';

type Parameters<Op> = Op extends { parameters: infer P } ? P : {};
type Section<Op, K extends string> = K extends keyof Parameters<Op> ? Parameters<Op>[K] : undefined;
type IsEmpty<T> = [NonNullable<T>] extends [never] ? true : keyof NonNullable<T> extends never ? true : false;

/** `{ [name]: T }`, optional when `T` may be undefined (openapi-typescript marks optional sections with `?`). */
type Field<Name extends string, T> =
  IsEmpty<T> extends true ? {} : undefined extends T ? { [K in Name]?: NonNullable<T> } : { [K in Name]: T };

type PathArgs<Op> = IsEmpty<Section<Op, 'path'>> extends true ? {} : NonNullable<Section<Op, 'path'>>;

/** The one argument of a wrapper: `{ ...pathParams, query?, headers?, body? }`. */
export type OperationArgs<Op> = PathArgs<Op> &
  Field<'query', Section<Op, 'query'>> &
  Field<'headers', Section<Op, 'header'>> &
  (Op extends Record<string | number, any> ? Omit<RequestBodyOption<Op>, never> : {});

/** The response's request id (the api's request id headers), `undefined` when the server sent none. */
export interface RequestIdField {
  requestId: string | undefined;
}

/** openapi-fetch's result: `{ data }` on 2xx, `{ error }` typed from the error responses otherwise; plus `requestId`. */
export type OperationResult<Op> = Op extends Record<string | number, any> ? FetchResponse<Op, {}, `${string}/${string}`> & RequestIdField : never;

/** The success branch only: what a throwing client resolves to. */
export type SuccessResult<R> = Extract<R, { error?: never }>;

export interface CallOptions {
  /** Aborts the call (and any retries); rejects with `ApiAbortError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call; `null` removes a client default (e.g. `User-Agent`). */
  headers?: Record<string, string | null | undefined> | undefined;
  /** Per-attempt timeout for this call in ms (default: the client's; 0 disables). */
  timeoutMs?: number | undefined;
  /** Retries for this call (default: the client's). */
  maxRetries?: number | undefined;
}

type Method = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** Used by generated wrappers; validates path parameters before anything is sent. */
export async function callOperation<R>(
  client: ApiClient<any>,
  method: Method,
  path: string,
  pathParamNames: readonly string[],
  args: object | undefined,
  options: CallOptions | undefined,
  media?: OperationMedia,
): Promise<R> {
  const { query, headers, body, ...rest } = (args ?? {}) as Record<string, unknown>;
  const pathParams: Record<string, unknown> = {};
  for (const name of pathParamNames) pathParams[name] = rest[name];
  validatePathParams(path, pathParams);
  const init: Record<string, unknown> = { params: { path: pathParams, query, header: headers } };
  if (body !== undefined) init.body = body;
  let callHeaders = options?.headers;
  // One key per call, so every attempt of a retried POST/PATCH carries the same one; a key given by the caller wins.
  const idempotencyHeader = client.api.idempotencyHeader;
  if (idempotencyHeader !== undefined && !isIdempotent(method)) callHeaders = { [idempotencyHeader]: idempotencyKey(), ...callHeaders };
  if (callHeaders) init.headers = callHeaders;
  if (options) {
    if (options.signal) init.signal = options.signal;
    // Read by the transport's Request (openapi-fetch passes unknown init keys through).
    if (options.timeoutMs !== undefined) init.timeoutMs = options.timeoutMs;
    if (options.maxRetries !== undefined) init.maxRetries = options.maxRetries;
  }
  // Bodies and responses other than JSON (src/body.ts); absent for JSON-only operations.
  if (media) applyMedia(init, media, rest.contentType, body, (options as { parseAs?: unknown } | undefined)?.parseAs);
  const result = (await (client.fetchClient.request as (m: string, p: string, i: unknown) => Promise<unknown>)(method, path, init)) as {
    error?: unknown;
    response: Response;
    requestId?: string | undefined;
  };
  const requestIdHeaders = client.api.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;
  if (client.throwOnError && !result.response.ok) {
    throw await ApiError.fromParsed(result.response, result.error, { method, url: result.response.url || `${client.baseUrl}${path}` }, {
      requestIdHeaders: [...requestIdHeaders],
    });
  }
  result.requestId = readRequestId(result.response.headers, requestIdHeaders);
  return result as R;
}

type Wrapper = (client: ApiClient<any>, ...rest: any[]) => Promise<unknown>;

/** Each wrapper with its client bound; in throwing mode resolves to the success branch. */
export type BoundOperations<Ops, Throw extends boolean> = {
  [K in keyof Ops as Ops[K] extends Wrapper ? K : never]: Ops[K] extends (client: any, ...rest: infer A) => Promise<infer R>
    ? (...rest: A) => Promise<Throw extends true ? SuccessResult<R> : R>
    : never;
};

export type BoundClient<Ops, Paths extends {}, Throw extends boolean, Server extends string = string> = BoundOperations<Ops, Throw> & {
  /** The underlying client, for the free functions and for `fetchClient` (bare openapi-fetch). */
  readonly client: ApiClient<Paths>;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<ClientOptions<Server>, 'throwOnError'>): BoundClient<Ops, Paths, Throw, Server>;
};

export function bindOperations<Ops extends Record<string, unknown>, Paths extends {}, Throw extends boolean, Server extends string = string>(
  client: ApiClient<Paths>,
  operations: Ops,
): BoundClient<Ops, Paths, Throw, Server> {
  const bound: Record<string, unknown> = {
    client,
    withOptions: (options: ClientOptions) => bindOperations(client.withOptions({ ...options, throwOnError: undefined }), operations),
  };
  for (const [name, fn] of Object.entries(operations)) {
    if (typeof fn === 'function') bound[name] = (...rest: unknown[]) => (fn as Wrapper)(client, ...rest);
  }
  return bound as BoundClient<Ops, Paths, Throw, Server>;
}

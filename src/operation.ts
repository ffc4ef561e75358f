/**
 * What a generated wrapper is: one typed argument in (path parameters at the
 * top level, plus `query`, `headers`, `body`), openapi-fetch's `{ data, error,
 * response }` out, or a thrown `ApiError` in throwing mode.
 */
import type { FetchResponse, RequestBodyOption } from 'openapi-fetch';
import { applyMedia, type OperationMedia } from './body.js';
import type { ApiClient } from './client.js';
import { ApiError } from './errors.js';
import { validatePathParams } from './path-params.js';

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

/** openapi-fetch's result: `{ data }` on 2xx, `{ error }` typed from the error responses otherwise. */
export type OperationResult<Op> = Op extends Record<string | number, any> ? FetchResponse<Op, {}, `${string}/${string}`> : never;

/** The success branch only: what a throwing client resolves to. */
export type SuccessResult<R> = Extract<R, { error?: never }>;

export interface CallOptions {
  /** Aborts the call (and any retries); rejects with `ApiAbortError`. */
  signal?: AbortSignal | undefined;
  /** Extra headers for this call. */
  headers?: Record<string, string> | undefined;
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
  const init: Record<string, unknown> = {
    params: { path: pathParams, query, header: headers },
    ...(body !== undefined ? { body } : {}),
    ...(options?.signal ? { signal: options.signal } : {}),
    ...(options?.headers ? { headers: options.headers } : {}),
  };
  // Bodies and responses other than JSON (src/body.ts); absent for JSON-only operations.
  if (media) applyMedia(init, media, rest.contentType, body);
  const result = (await (client.fetchClient.request as (m: string, p: string, i: unknown) => Promise<unknown>)(method, path, init)) as {
    error?: unknown;
    response: Response;
  };
  if (client.throwOnError && !result.response.ok) {
    throw await ApiError.fromParsed(result.response, result.error, { method, url: result.response.url || `${client.baseUrl}${path}` }, {
      requestIdHeaders: client.api.requestIdHeaders ? [...client.api.requestIdHeaders] : undefined,
    });
  }
  return result as R;
}

type Wrapper = (client: ApiClient<any>, ...rest: any[]) => Promise<unknown>;

/** Each wrapper with its client bound; in throwing mode resolves to the success branch. */
export type BoundOperations<Ops, Throw extends boolean> = {
  [K in keyof Ops as Ops[K] extends Wrapper ? K : never]: Ops[K] extends (client: any, ...rest: infer A) => Promise<infer R>
    ? (...rest: A) => Promise<Throw extends true ? SuccessResult<R> : R>
    : never;
};

export type BoundClient<Ops, Paths extends {}, Throw extends boolean> = BoundOperations<Ops, Throw> & {
  /** The underlying client, for the free functions and for `fetchClient` (bare openapi-fetch). */
  readonly client: ApiClient<Paths>;
};

export function bindOperations<Ops extends Record<string, unknown>, Paths extends {}, Throw extends boolean>(
  client: ApiClient<Paths>,
  operations: Ops,
): BoundClient<Ops, Paths, Throw> {
  const bound: Record<string, unknown> = { client };
  for (const [name, fn] of Object.entries(operations)) {
    if (typeof fn === 'function') bound[name] = (...rest: unknown[]) => (fn as Wrapper)(client, ...rest);
  }
  return bound as BoundClient<Ops, Paths, Throw>;
}

/**
 * What a generated wrapper is: one typed argument in (path parameters at the
 * top level, plus `query`, `headers`, `body`), openapi-fetch's `{ data, error,
 * response }` out, or a thrown `ApiError` in throwing mode.
 */
import { createFinalURL, createQuerySerializer, type RequestBodyOption } from 'openapi-fetch';
import { applyMedia, type OperationMedia } from './body.js';
import type { ApiClient, ClientOptions } from './client.js';
import { ApiError } from './errors.js';
import { idempotencyKey } from './idempotency.js';
import { pathSerializer } from './path-params.js';
import { DEFAULT_REQUEST_ID_HEADERS, readRequestId } from './request-id.js';
import { invalidJsonError, typedBodyStream } from './response-body.js';
import { FIRST_ATTEMPT, isIdempotent, retryAfterBodyError } from './retry.js';

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

/** An operation's responses by status (also read by the fakes' reply types, testing.ts). */
export type Responses<Op> = Op extends { responses: infer R } ? R : {};

/** A response object's body: its content (any media type), `undefined` when it declares none. */
export type BodyOf<R> = R extends { content: infer C } ? (C extends Record<string, unknown> ? C[keyof C] : undefined) : undefined;

/** The success statuses an operation declares: `200`, `201`, … and the range `2XX`. */
type SuccessStatusOf<Op> = {
  [S in keyof Responses<Op>]: `${S & (string | number)}` extends `2${string}` ? S : never;
}[keyof Responses<Op>];

/** The error statuses an operation declares: `404`, `422`, … and the ranges `4XX` / `5XX` (not `default`). */
export type ErrorStatusOf<Op> = {
  [S in keyof Responses<Op>]: `${S & (string | number)}` extends `4${string}` | `5${string}` ? S : never;
}[keyof Responses<Op>];

/** A Response whose status is known: the literal for a declared status, any number for a range. */
export type StatusResponse<S> = Response & { readonly status: S extends number ? S : number };

/**
 * A 2xx answer: `data` is the declared body of a success status. (Not
 * openapi-fetch's `FetchResponse`, which maps `data` through `Readable<…>`
 * and so shows every schema as an anonymous object in hovers and errors.)
 */
export type OkResult<Data> = { data: Data; error?: never; response: Response } & RequestIdField;

/** The answer of a declared error status `S`: `error` is its declared body. */
export type ErrorResult<Body, S> = { data?: never; error: Body; response: StatusResponse<S> } & RequestIdField;

/**
 * Any status the spec does not declare: the body is whatever the server sent
 * (parsed JSON, text, or `undefined` when empty), so `unknown`, or the
 * `default` response's body when the spec declares one.
 */
export type UndeclaredResult<Body = unknown> = { data?: never; error: Body; response: Response } & RequestIdField;

type DeclaredErrors<Op, S = ErrorStatusOf<Op>> = S extends keyof Responses<Op> ? ErrorResult<BodyOf<Responses<Op>[S]>, S> : never;
/** The declared 2xx bodies; `unknown` when the spec declares no success response. */
type SuccessBody<Op> = [SuccessStatusOf<Op>] extends [never] ? unknown : BodyOf<Responses<Op>[SuccessStatusOf<Op>]>;
type UndeclaredBody<Op> = 'default' extends keyof Responses<Op> ? BodyOf<Responses<Op>['default']> : unknown;

/**
 * openapi-fetch's `{ data, error, response }` plus `requestId`: `data` on 2xx; otherwise `error`,
 * typed as a declared body only once the status is known (`isStatus`), since a
 * server may answer with a status the spec does not declare.
 */
export type OperationResult<Op> = OkResult<SuccessBody<Op>> | DeclaredErrors<Op> | UndeclaredResult<UndeclaredBody<Op>>;

/** The success branch only: what a throwing client resolves to. */
export type SuccessResult<R> = Extract<R, { error?: never }>;

/** What a bound method resolves to: the success branch when throwing, the whole result when not (both: `boolean`). */
export type Resolved<R, Throw extends boolean> = Throw extends true ? SuccessResult<R> : R;

/** The statuses `isStatus` accepts for a result: those the spec declares for errors (not the ranges). */
export type DeclaredStatus<R> = R extends { response: { status: infer S } } ? (number extends S ? never : S) : never;

/** Narrows a result to its success branch (a 2xx response): then `data` is the declared body. */
export function isOk<R extends { response: Response }>(result: R): result is Extract<R, { error?: never }> {
  return result.response.ok;
}

/** Narrows a result to the error of a status the spec declares: then `error` is that status's body. */
export function isStatus<R extends { response: Response }, S extends DeclaredStatus<R>>(
  result: R,
  status: S,
): result is Extract<R, { response: { status: S } }> {
  return result.response.status === status;
}

/** What a throwing client throws for a declared status: an `ApiError` whose `status` and `body` are typed. */
export type OperationError<Op, S extends ErrorStatusOf<Op> = ErrorStatusOf<Op>> = S extends keyof Responses<Op>
  ? ApiError & { readonly status: S extends number ? S : number; readonly body: BodyOf<Responses<Op>[S]> }
  : never;

/** `isXError(err)` / `isXError(err, 404)`: whether `err` is an `ApiError` of a status operation X declares. */
export interface OperationErrorGuard<Op> {
  (error: unknown): error is OperationError<Op>;
  <S extends ErrorStatusOf<Op>>(error: unknown, status: S): error is OperationError<Op, S>;
}

/**
 * The guard of one operation (emitted per wrapper): true for an `ApiError`
 * thrown by that operation (`METHOD /path`) with one of its declared error
 * statuses, or with `status` (a range such as `4XX` leaves out the statuses
 * the spec declares on their own).
 */
export function operationErrorGuard<Op>(operation: string, declared: ReadonlyArray<number | string>): OperationErrorGuard<Op> {
  const matches = (status: number, key: number | string): boolean =>
    typeof key === 'number' ? status === key : String(status)[0] === key[0] && !declared.includes(status);
  return ((error: unknown, status?: number | string) =>
    error instanceof ApiError &&
    error.operation === operation &&
    (status === undefined ? declared.some((key) => matches(error.status, key)) : declared.includes(status) && matches(error.status, status))) as OperationErrorGuard<Op>;
}

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
  args: object | undefined,
  options: CallOptions | undefined,
  media?: OperationMedia,
): Promise<R> {
  const values = (args ?? {}) as Record<string, unknown>;
  const { query, headers, body } = values;
  // The path is checked and filled here (the template parsed once, see path-params.ts) and handed to
  // openapi-fetch ready: without params.path it has no template to parse again. Path parameters sit at the
  // top level of `args`, named as in the template.
  const filledPath = pathSerializer(path, values);
  // A JSON body is read as text and parsed below, so that a body that is not JSON is a ResponseBodyError with
  // the response's facts and the start of the text (openapi-fetch would throw a bare SyntaxError). Bodies in
  // other media types set their own `parseAs` (applyMedia).
  const init: Record<string | symbol, unknown> = { params: { query, header: headers }, parseAs: 'text' };
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
  if (media) applyMedia(init, media, values.contentType, body, (options as { parseAs?: unknown } | undefined)?.parseAs);
  const json = media?.response === undefined;
  const request = client.fetchClient.request as (m: string, p: string, i: unknown) => Promise<unknown>;
  let result: { data?: unknown; error?: unknown; response: Response; requestId?: string | undefined };
  for (;;) {
    try {
      result = (await request(method, filledPath, init)) as typeof result;
      break;
    } catch (error) {
      // A connection lost (or the timeout) while a body was read: sent again when the method may be repeated
      // and retries are left; a stream body cannot be sent twice.
      const next = init.duplex === undefined ? retryAfterBodyError(error) : undefined;
      if (next === undefined) throw error;
      init[FIRST_ATTEMPT] = await next;
    }
  }
  if (typeof result.data === 'string' && json) {
    const text = result.data;
    try {
      // Empty is `undefined`, as openapi-fetch reads an empty JSON body.
      result.data = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch (cause) {
      throw invalidJsonError(result.response, text, cause, { method, url: requestedUrl(client, result.response, filledPath, query) });
    }
  } else if (result.data instanceof ReadableStream) {
    result.data = typedBodyStream(result.response, result.data as ReadableStream<Uint8Array>);
  }
  const requestIdHeaders = client.api.requestIdHeaders ?? DEFAULT_REQUEST_ID_HEADERS;
  if (client.throwOnError && !result.response.ok) {
    const url = requestedUrl(client, result.response, filledPath, query);
    throw await ApiError.fromParsed(result.response, result.error, { method, url, operation: `${method.toUpperCase()} ${path}` }, {
      requestIdHeaders: [...requestIdHeaders],
    });
  }
  result.requestId = readRequestId(result.response.headers, requestIdHeaders);
  return result as R;
}

/** The response's URL; a custom fetch or a test double may give a Response without one: then the URL openapi-fetch requested. */
function requestedUrl(client: ApiClient<any>, response: Response, filledPath: string, query: unknown): string {
  return (
    response.url ||
    createFinalURL(filledPath, { baseUrl: client.baseUrl, params: query ? { query: query as Record<string, unknown> } : {}, querySerializer: createQuerySerializer(), pathSerializer })
  );
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

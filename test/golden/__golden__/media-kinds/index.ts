/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: media-kinds
 * source: media-kinds.yaml
 * bundled spec sha256: 27d8cb2b66c42130f4e9293fdc4a524354e0b5b9ba5d1facdc89faaa528be35d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export * from "./operations.js";
export type * from "./schema.js";
export { ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ClientError, ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError, InvalidRequestError, MissingApiKeyError, BrowserNotAllowedError, isOk, isStatus } from "../../../../src/index.js";

/** The servers "Media kinds" declares; the first is the default. */
export const mediaKindsServers = {
  "default": "http://localhost:4010",
} as const;

export type MediaKindsServer = keyof typeof mediaKindsServers;

/** How Media kinds is called: the key is not needed. */
export const mediaKindsApi: $runtime.ApiDescriptor<MediaKindsServer> = {
  name: "Media kinds",
  apiKeyEnv: "MEDIA_KINDS_API_KEY",
  baseUrlEnv: "MEDIA_KINDS_BASE_URL",
  logEnv: "MEDIA_KINDS_LOG",
  auth: undefined,
  servers: mediaKindsServers,
};

export type MediaKindsClientOptions = $runtime.ClientOptions<MediaKindsServer>;

/**
 * A client with every operation bound; `Throw` is true when created with `throwOnError: true`
 * (then each method resolves to the success branch), `boolean` when that is only known at run time.
 */
export interface MediaKindsClient<Throw extends boolean = false> {
  /**
   * Upload files
   *
   * multipart/form-data with a file, an array of files, a JSON part, a typed part and plain fields.
   *
   * `POST /upload`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  upload(args: $operations.UploadArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.UploadResult, Throw>>;
  /**
   * Submit a form
   *
   * `POST /forms`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  submitForm(args: $operations.SubmitFormArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.SubmitFormResult, Throw>>;
  /**
   * Read raw bytes
   *
   * `GET /blobs/{name}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  getBlob(args: $operations.GetBlobArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.GetBlobResult, Throw>>;
  /**
   * Store raw bytes
   *
   * `PUT /blobs/{name}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  putBlob(args: $operations.PutBlobArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PutBlobResult, Throw>>;
  /**
   * Create a note
   *
   * JSON by default; also plain text or a form.
   *
   * `POST /notes`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  createNote(args: $operations.CreateNoteArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.CreateNoteResult, Throw>>;
  /**
   * Merge-patch a note
   *
   * `PATCH /notes`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  mergeNote(args: $operations.MergeNoteArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.MergeNoteResult, Throw>>;
  /**
   * Render markdown
   *
   * `POST /render`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  render(args: $operations.RenderArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.RenderResult, Throw>>;
  /**
   * Server-sent events
   *
   * `GET /events`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  streamEvents(args?: $operations.StreamEventsArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.StreamEventsResult, Throw>>;
  /** The client the free functions take; `client.fetchClient` is bare openapi-fetch. */
  readonly client: $operations.MediaKindsApiClient;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<MediaKindsClientOptions, "throwOnError">): MediaKindsClient<Throw>;
}

/**
 * The client the free functions take: `upload(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createMediaKindsApiClient(options: MediaKindsClientOptions = {}): $operations.MediaKindsApiClient {
  return $runtime.createApiClient<paths, MediaKindsServer>(mediaKindsApi, options);
}

/**
 * A client with every operation bound, e.g. `client.upload({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createMediaKindsClient(options: MediaKindsClientOptions & { throwOnError: true }): MediaKindsClient<true>;
export function createMediaKindsClient(options?: MediaKindsClientOptions & { throwOnError?: false | undefined }): MediaKindsClient<false>;
export function createMediaKindsClient(options: MediaKindsClientOptions): MediaKindsClient<boolean>;
export function createMediaKindsClient(options: MediaKindsClientOptions = {}): MediaKindsClient<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, MediaKindsServer>(createMediaKindsApiClient(options), $operations) as unknown as MediaKindsClient<boolean>;
}

/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: json-patch-kinds
 * source: json-patch-kinds.yaml
 * bundled spec sha256: 1b0d1eed5d597964ffdf4d13e2ad4e82073e2dd74f93044a96b126fa9008485d
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export * from "./operations.js";
export type * from "./schema.js";
export { ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ClientError, ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError, InvalidRequestError, MissingApiKeyError, BrowserNotAllowedError, isOk, isStatus, uncheckedPointer, type UncheckedPointer, type UncheckedPatchOperation } from "../../../../src/index.js";

/** The servers "JSON Patch kinds" declares; the first is the default. */
export const jsonPatchKindsServers = {
  "default": "https://api.example.com",
} as const;

export type JsonPatchKindsServer = keyof typeof jsonPatchKindsServers;

/** How JSON Patch kinds is called: the key is not needed. */
export const jsonPatchKindsApi: $runtime.ApiDescriptor<JsonPatchKindsServer> = {
  name: "JSON Patch kinds",
  apiKeyEnv: "JSON_PATCH_KINDS_API_KEY",
  baseUrlEnv: "JSON_PATCH_KINDS_BASE_URL",
  logEnv: "JSON_PATCH_KINDS_LOG",
  auth: undefined,
  servers: jsonPatchKindsServers,
};

export type JsonPatchKindsClientOptions = $runtime.ClientOptions<JsonPatchKindsServer>;

/**
 * A client with every operation bound; `Throw` is true when created with `throwOnError: true`
 * (then each method resolves to the success branch), `boolean` when that is only known at run time.
 */
export interface JsonPatchKindsClient<Throw extends boolean = false> {
  /**
   * Update a flag (JSON Patch inside an object, with a comment)
   *
   * `PATCH /flags/{key}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  patchFlag(args: $operations.PatchFlagArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PatchFlagResult, Throw>>;
  /**
   * Get a widget
   *
   * `GET /widgets/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  getWidget(args: $operations.GetWidgetArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.GetWidgetResult, Throw>>;
  /**
   * Update a widget (application/json-patch+json, no response body)
   *
   * `PATCH /widgets/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  patchWidget(args: $operations.PatchWidgetArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PatchWidgetResult, Throw>>;
  /**
   * Update a note (the pointers narrowed by x-codegen)
   *
   * `PATCH /notes/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  patchNote(args: $operations.PatchNoteArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PatchNoteResult, Throw>>;
  /**
   * Update a thing (a partial object, not JSON Patch)
   *
   * `PATCH /things/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  updateThing(args: $operations.UpdateThingArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.UpdateThingResult, Throw>>;
  /**
   * Update a label (an inline body with the patch in it, an inline response)
   *
   * `PATCH /labels/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  patchLabel(args: $operations.PatchLabelArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PatchLabelResult, Throw>>;
  /**
   * Update an orphan (nothing says what it patches)
   *
   * `PATCH /orphans/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  patchOrphan(args: $operations.PatchOrphanArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PatchOrphanResult, Throw>>;
  /** The client the free functions take; `client.fetchClient` is bare openapi-fetch. */
  readonly client: $operations.JsonPatchKindsApiClient;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<JsonPatchKindsClientOptions, "throwOnError">): JsonPatchKindsClient<Throw>;
}

/**
 * The client the free functions take: `patchFlag(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createJsonPatchKindsApiClient(options: JsonPatchKindsClientOptions = {}): $operations.JsonPatchKindsApiClient {
  return $runtime.createApiClient<paths, JsonPatchKindsServer>(jsonPatchKindsApi, options);
}

/**
 * A client with every operation bound, e.g. `client.patchFlag({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createJsonPatchKindsClient(options: JsonPatchKindsClientOptions & { throwOnError: true }): JsonPatchKindsClient<true>;
export function createJsonPatchKindsClient(options?: JsonPatchKindsClientOptions & { throwOnError?: false | undefined }): JsonPatchKindsClient<false>;
export function createJsonPatchKindsClient(options: JsonPatchKindsClientOptions): JsonPatchKindsClient<boolean>;
export function createJsonPatchKindsClient(options: JsonPatchKindsClientOptions = {}): JsonPatchKindsClient<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, JsonPatchKindsServer>(createJsonPatchKindsApiClient(options), $operations) as unknown as JsonPatchKindsClient<boolean>;
}

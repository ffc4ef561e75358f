/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: toggles-v30
 * source: toggles-v30.yaml
 * bundled spec sha256: 611a16a30ab824400a458b94b38981b8f7794adfeccbf2b06b9744de2d3caed9
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export * from "./operations.js";
export type * from "./schema.js";
export { ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ClientError, ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError, InvalidRequestError, MissingApiKeyError, BrowserNotAllowedError, isOk, isStatus } from "../../../../src/index.js";

/** The servers "Toggles (boolean discriminator fixture, 3.0)" declares; the first is the default. */
export const togglesV30Servers = {

} as const;

export type TogglesV30Server = keyof typeof togglesV30Servers;

/** How Toggles (boolean discriminator fixture, 3.0) is called: the key is not needed. */
export const togglesV30Api: $runtime.ApiDescriptor<TogglesV30Server> = {
  name: "Toggles (boolean discriminator fixture, 3.0)",
  apiKeyEnv: "TOGGLES_V30_API_KEY",
  baseUrlEnv: "TOGGLES_V30_BASE_URL",
  logEnv: "TOGGLES_V30_LOG",
  auth: undefined,
  servers: togglesV30Servers,
};

export type TogglesV30ClientOptions = $runtime.ClientOptions<TogglesV30Server>;

/**
 * A client with every operation bound; `Throw` is true when created with `throwOnError: true`
 * (then each method resolves to the success branch), `boolean` when that is only known at run time.
 */
export interface TogglesV30Client<Throw extends boolean = false> {
  /**
   * `POST /toggles`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  setToggle(args: $operations.SetToggleArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.SetToggleResult, Throw>>;
  /** The client the free functions take; `client.fetchClient` is bare openapi-fetch. */
  readonly client: $operations.TogglesV30ApiClient;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<TogglesV30ClientOptions, "throwOnError">): TogglesV30Client<Throw>;
}

/**
 * The client the free functions take: `setToggle(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createTogglesV30ApiClient(options: TogglesV30ClientOptions = {}): $operations.TogglesV30ApiClient {
  return $runtime.createApiClient<paths, TogglesV30Server>(togglesV30Api, options);
}

/**
 * A client with every operation bound, e.g. `client.setToggle({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createTogglesV30Client(options: TogglesV30ClientOptions & { throwOnError: true }): TogglesV30Client<true>;
export function createTogglesV30Client(options?: TogglesV30ClientOptions & { throwOnError?: false | undefined }): TogglesV30Client<false>;
export function createTogglesV30Client(options: TogglesV30ClientOptions): TogglesV30Client<boolean>;
export function createTogglesV30Client(options: TogglesV30ClientOptions = {}): TogglesV30Client<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, TogglesV30Server>(createTogglesV30ApiClient(options), $operations) as unknown as TogglesV30Client<boolean>;
}

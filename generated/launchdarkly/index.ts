/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: launchdarkly
 * source: specs/launchdarkly.yaml
 * bundled spec sha256: 53d7e484ebb78900488d69d720c1cca5aea30bd01c76b2ba7284db75b0dc9f88
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export * from "./operations.js";
export type * from "./schema.js";
export { ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ClientError, ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError, InvalidRequestError, MissingApiKeyError, BrowserNotAllowedError, isOk, isStatus, uncheckedPointer, type UncheckedPointer, type UncheckedPatchOperation } from "../../src/index.js";

/** The servers "LaunchDarkly REST API" declares; the first is the default. */
export const launchDarklyServers = {
  "commercial": "https://app.launchdarkly.com",
  "federal": "https://app.launchdarkly.us",
} as const;

export type LaunchDarklyServer = keyof typeof launchDarklyServers;

/** How LaunchDarkly REST API is called: the key goes in the "Authorization" header, read from the option `apiKey` or the environment variable LAUNCHDARKLY_API_KEY. */
export const launchDarklyApi: $runtime.ApiDescriptor<LaunchDarklyServer> = {
  name: "LaunchDarkly REST API",
  apiKeyEnv: "LAUNCHDARKLY_API_KEY",
  baseUrlEnv: "LAUNCHDARKLY_BASE_URL",
  logEnv: "LAUNCHDARKLY_LOG",
  auth: { in: "header", name: "Authorization" },
  servers: launchDarklyServers,
  requestIdHeaders: ["x-request-id"],
};

export type LaunchDarklyClientOptions = $runtime.ClientOptions<LaunchDarklyServer>;

/**
 * A client with every operation bound; `Throw` is true when created with `throwOnError: true`
 * (then each method resolves to the success branch), `boolean` when that is only known at run time.
 */
export interface LaunchDarklyClient<Throw extends boolean = false> {
  /**
   * Update application
   *
   * Update an application. You can update the `description` and `kind` fields. Requires a [JSON patch](https://datatracker.ietf.org/doc/html/rfc6902) representation of the desired changes to the application. To learn more, read [Updates](https://launchdarkly.com/docs/api#updates).
   *
   * `PATCH /api/v2/applications/{applicationKey}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  patchApplication(args: $operations.PatchApplicationArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.PatchApplicationResult, Throw>>;
  /** The client the free functions take; `client.fetchClient` is bare openapi-fetch. */
  readonly client: $operations.LaunchDarklyApiClient;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<LaunchDarklyClientOptions, "throwOnError">): LaunchDarklyClient<Throw>;
}

/**
 * The client the free functions take: `patchApplication(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createLaunchDarklyApiClient(options: LaunchDarklyClientOptions = {}): $operations.LaunchDarklyApiClient {
  return $runtime.createApiClient<paths, LaunchDarklyServer>(launchDarklyApi, options);
}

/**
 * A client with every operation bound, e.g. `client.patchApplication({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createLaunchDarklyClient(options: LaunchDarklyClientOptions & { throwOnError: true }): LaunchDarklyClient<true>;
export function createLaunchDarklyClient(options?: LaunchDarklyClientOptions & { throwOnError?: false | undefined }): LaunchDarklyClient<false>;
export function createLaunchDarklyClient(options: LaunchDarklyClientOptions): LaunchDarklyClient<boolean>;
export function createLaunchDarklyClient(options: LaunchDarklyClientOptions = {}): LaunchDarklyClient<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, LaunchDarklyServer>(createLaunchDarklyApiClient(options), $operations) as unknown as LaunchDarklyClient<boolean>;
}

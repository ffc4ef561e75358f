/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: scale-gp
 * source: specs/scale-gp.yaml
 * bundled spec sha256: 944e018ce98d141f96a2946aeffc51da5d8c96e00aec27aa59ff6af017ad4ede
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export * from "./operations.js";
export type * from "./schema.js";
export { ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ClientError, ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError, InvalidRequestError, MissingApiKeyError, BrowserNotAllowedError, isOk, isStatus } from "../../src/index.js";

/** The servers "EGP API V4" declares; the first is the default. */
export const scaleGpServers = {
  "default": "https://api.egp.scale.com",
} as const;

export type ScaleGpServer = keyof typeof scaleGpServers;

/** How EGP API V4 is called: the key goes in the "x-api-key" header, read from the option `apiKey` or the environment variable SGP_API_KEY. */
export const scaleGpApi: $runtime.ApiDescriptor<ScaleGpServer> = {
  name: "EGP API V4",
  apiKeyEnv: "SGP_API_KEY",
  baseUrlEnv: "SGP_BASE_URL",
  logEnv: "SGP_LOG",
  auth: { in: "header", name: "x-api-key" },
  servers: scaleGpServers,
  requestIdHeaders: ["x-request-id"],
};

export type ScaleGpClientOptions = $runtime.ClientOptions<ScaleGpServer>;

/**
 * A client with every operation bound; `Throw` is true when created with `throwOnError: true`
 * (then each method resolves to the success branch), `boolean` when that is only known at run time.
 */
export interface ScaleGpClient<Throw extends boolean = false> {
  /**
   * Update Application Spec
   *
   * ### Description
   * Updates a application spec
   *
   * ### Details
   * This API can be used to update the application spec that matches the ID that was passed in as a path parameter. To use this API, pass in the `id` that was returned from your Create Application Spec API call as a path parameter.
   *
   * Review the request schema to see the fields that can be updated.
   *
   * `PATCH /v4/application-specs/{application_spec_id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  updateApplicationSpec(args: $operations.UpdateApplicationSpecArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.UpdateApplicationSpecResult, Throw>>;
  /** The client the free functions take; `client.fetchClient` is bare openapi-fetch. */
  readonly client: $operations.ScaleGpApiClient;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<ScaleGpClientOptions, "throwOnError">): ScaleGpClient<Throw>;
}

/**
 * The client the free functions take: `updateApplicationSpec(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createScaleGpApiClient(options: ScaleGpClientOptions = {}): $operations.ScaleGpApiClient {
  return $runtime.createApiClient<paths, ScaleGpServer>(scaleGpApi, options);
}

/**
 * A client with every operation bound, e.g. `client.updateApplicationSpec({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createScaleGpClient(options: ScaleGpClientOptions & { throwOnError: true }): ScaleGpClient<true>;
export function createScaleGpClient(options?: ScaleGpClientOptions & { throwOnError?: false | undefined }): ScaleGpClient<false>;
export function createScaleGpClient(options: ScaleGpClientOptions): ScaleGpClient<boolean>;
export function createScaleGpClient(options: ScaleGpClientOptions = {}): ScaleGpClient<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, ScaleGpServer>(createScaleGpApiClient(options), $operations) as unknown as ScaleGpClient<boolean>;
}

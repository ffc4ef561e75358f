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

/** A client with every operation bound; `Throw` is true when created with `throwOnError: true`. */
export type MediaKindsClient<Throw extends boolean = false> = $runtime.BoundClient<typeof $operations, paths, Throw, MediaKindsServer>;

/**
 * The client the free functions take: `upload(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createMediaKindsApiClient(options: MediaKindsClientOptions = {}): $runtime.ApiClient<paths> {
  return $runtime.createApiClient<paths, MediaKindsServer>(mediaKindsApi, options);
}

/**
 * A client with every operation bound, e.g. `client.upload({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createMediaKindsClient(options: MediaKindsClientOptions & { throwOnError: true }): MediaKindsClient<true>;
export function createMediaKindsClient(options?: MediaKindsClientOptions & { throwOnError?: false }): MediaKindsClient<false>;
export function createMediaKindsClient(options: MediaKindsClientOptions = {}): MediaKindsClient<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, MediaKindsServer>(createMediaKindsApiClient(options), $operations);
}

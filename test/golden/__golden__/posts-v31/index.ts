/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: posts-v31
 * source: posts-v31.yaml
 * bundled spec sha256: de9ed3a0b9ae51083a9a8c42846f4daf68698914ad3ae746a817bbc77020ca26
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import * as $operations from "./operations.js";
import type { paths } from "./schema.js";

export * from "./operations.js";
export type * from "./schema.js";
export { ApiError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitError, InternalServerError, ClientError, ApiConnectionError, ApiTimeoutError, ApiAbortError, ResponseBodyError, InvalidRequestError, MissingApiKeyError, BrowserNotAllowedError, isOk, isStatus } from "../../../../src/index.js";

/** The servers "Posts (boolean discriminator fixture, 3.1)" declares; the first is the default. */
export const postsV31Servers = {

} as const;

export type PostsV31Server = keyof typeof postsV31Servers;

/** How Posts (boolean discriminator fixture, 3.1) is called: the key is not needed. */
export const postsV31Api: $runtime.ApiDescriptor<PostsV31Server> = {
  name: "Posts (boolean discriminator fixture, 3.1)",
  apiKeyEnv: "POSTS_V31_API_KEY",
  baseUrlEnv: "POSTS_V31_BASE_URL",
  logEnv: "POSTS_V31_LOG",
  auth: undefined,
  servers: postsV31Servers,
};

export type PostsV31ClientOptions = $runtime.ClientOptions<PostsV31Server>;

/**
 * A client with every operation bound; `Throw` is true when created with `throwOnError: true`
 * (then each method resolves to the success branch), `boolean` when that is only known at run time.
 */
export interface PostsV31Client<Throw extends boolean = false> {
  /**
   * `PUT /posts/{id}`
   * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
   * @param options - `signal` to abort the call and its retries; extra `headers`
   * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
   */
  updatePost(args: $operations.UpdatePostArgs, options?: $runtime.CallOptions): Promise<$runtime.Resolved<$operations.UpdatePostResult, Throw>>;
  /** The client the free functions take; `client.fetchClient` is bare openapi-fetch. */
  readonly client: $operations.PostsV31ApiClient;
  /** A new client with these options changed (headers merged; `null` removes one); nothing mutable is shared with this one. */
  withOptions(options: Omit<PostsV31ClientOptions, "throwOnError">): PostsV31Client<Throw>;
}

/**
 * The client the free functions take: `updatePost(client, …)`.
 * Import only the functions you call and a bundler drops the rest.
 */
export function createPostsV31ApiClient(options: PostsV31ClientOptions = {}): $operations.PostsV31ApiClient {
  return $runtime.createApiClient<paths, PostsV31Server>(postsV31Api, options);
}

/**
 * A client with every operation bound, e.g. `client.updatePost({ … })`.
 * Returns `{ data, error, response }`; with `throwOnError: true`, resolves to the success branch and throws `ApiError` subclasses instead.
 */
export function createPostsV31Client(options: PostsV31ClientOptions & { throwOnError: true }): PostsV31Client<true>;
export function createPostsV31Client(options?: PostsV31ClientOptions & { throwOnError?: false | undefined }): PostsV31Client<false>;
export function createPostsV31Client(options: PostsV31ClientOptions): PostsV31Client<boolean>;
export function createPostsV31Client(options: PostsV31ClientOptions = {}): PostsV31Client<boolean> {
  return $runtime.bindOperations<typeof $operations, paths, boolean, PostsV31Server>(createPostsV31ApiClient(options), $operations) as unknown as PostsV31Client<boolean>;
}

/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: posts-v31
 * source: posts-v31.yaml
 * bundled spec sha256: de9ed3a0b9ae51083a9a8c42846f4daf68698914ad3ae746a817bbc77020ca26
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { paths } from "./schema.js";

/** A client of "Posts (boolean discriminator fixture, 3.1)" for the free functions (`createPostsV31ApiClient`); a client of another api is not one. */
export interface PostsV31ApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "Posts (boolean discriminator fixture, 3.1)";
}

/** The argument of `updatePost`: the path parameter `id`, `query`, `headers` and `body` as the spec declares them. */
export type UpdatePostArgs = $runtime.OperationArgs<paths["/posts/{id}"]["put"]>;
/** What `updatePost` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type UpdatePostResult = $runtime.OperationResult<paths["/posts/{id}"]["put"]>;

/**
 * `PUT /posts/{id}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function updatePost(client: PostsV31ApiClient, args: UpdatePostArgs, options?: $runtime.CallOptions): Promise<UpdatePostResult> {
  return $runtime.callOperation(client, "put", "/posts/{id}", args, options);
}

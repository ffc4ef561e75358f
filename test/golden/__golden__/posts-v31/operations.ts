/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: posts-v31
 * source: posts-v31.yaml
 * bundled spec sha256: de9ed3a0b9ae51083a9a8c42846f4daf68698914ad3ae746a817bbc77020ca26
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { paths } from "./schema.js";

export type UpdatePostArgs = $runtime.OperationArgs<paths["/posts/{id}"]["put"]>;
export type UpdatePostResult = $runtime.OperationResult<paths["/posts/{id}"]["put"]>;

/** `PUT /posts/{id}` */
export function updatePost(client: $runtime.ApiClient<paths>, args: UpdatePostArgs, options?: $runtime.CallOptions): Promise<UpdatePostResult> {
  return $runtime.callOperation(client, "put", "/posts/{id}", ["id"], args, options);
}

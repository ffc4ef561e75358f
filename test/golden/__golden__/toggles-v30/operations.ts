/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: toggles-v30
 * source: toggles-v30.yaml
 * bundled spec sha256: 611a16a30ab824400a458b94b38981b8f7794adfeccbf2b06b9744de2d3caed9
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { paths } from "./schema.js";

export type SetToggleArgs = $runtime.OperationArgs<paths["/toggles"]["post"]>;
export type SetToggleResult = $runtime.OperationResult<paths["/toggles"]["post"]>;

/** `POST /toggles` */
export function setToggle(client: $runtime.ApiClient<paths>, args: SetToggleArgs, options?: $runtime.CallOptions): Promise<SetToggleResult> {
  return $runtime.callOperation(client, "post", "/toggles", [], args, options);
}

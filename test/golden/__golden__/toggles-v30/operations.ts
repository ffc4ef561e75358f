/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: toggles-v30
 * source: toggles-v30.yaml
 * bundled spec sha256: 611a16a30ab824400a458b94b38981b8f7794adfeccbf2b06b9744de2d3caed9
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../../../src/index.js";
import type { paths } from "./schema.js";

/** A client of "Toggles (boolean discriminator fixture, 3.0)" for the free functions (`createTogglesV30ApiClient`); a client of another api is not one. */
export interface TogglesV30ApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "Toggles (boolean discriminator fixture, 3.0)";
}

/** The argument of `setToggle`: `query`, `headers` and `body` as the spec declares them. */
export type SetToggleArgs = $runtime.OperationArgs<paths["/toggles"]["post"]>;
/** What `setToggle` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type SetToggleResult = $runtime.OperationResult<paths["/toggles"]["post"]>;

/**
 * `POST /toggles`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function setToggle(client: TogglesV30ApiClient, args: SetToggleArgs, options?: $runtime.CallOptions): Promise<SetToggleResult> {
  return $runtime.callOperation(client, "post", "/toggles", args, options);
}

/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: scale-gp
 * source: specs/scale-gp.yaml
 * bundled spec sha256: 944e018ce98d141f96a2946aeffc51da5d8c96e00aec27aa59ff6af017ad4ede
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import type { paths } from "./schema.js";

/** A client of "EGP API V4" for the free functions (`createScaleGpApiClient`); a client of another api is not one. */
export interface ScaleGpApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "EGP API V4";
}

/** The argument of `updateApplicationSpec`: the path parameter `application_spec_id`, `query`, `headers` and `body` as the spec declares them. */
export type UpdateApplicationSpecArgs = $runtime.OperationArgs<paths["/v4/application-specs/{application_spec_id}"]["patch"]>;
/** What `updateApplicationSpec` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type UpdateApplicationSpecResult = $runtime.OperationResult<paths["/v4/application-specs/{application_spec_id}"]["patch"]>;
/**
 * Whether `error` is an `ApiError` thrown by `updateApplicationSpec` with a status its spec declares (422);
 * with a status, only that one. Then `error.body` has the declared type.
 */
export const isUpdateApplicationSpecError: $runtime.OperationErrorGuard<paths["/v4/application-specs/{application_spec_id}"]["patch"]> = $runtime.operationErrorGuard("PATCH /v4/application-specs/{application_spec_id}", [422]);

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
export function updateApplicationSpec(client: ScaleGpApiClient, args: UpdateApplicationSpecArgs, options?: $runtime.CallOptions): Promise<UpdateApplicationSpecResult> {
  return $runtime.callOperation(client, "patch", "/v4/application-specs/{application_spec_id}", args, options);
}

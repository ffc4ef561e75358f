/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: scale-gp
 * source: specs/scale-gp.yaml
 * bundled spec sha256: 944e018ce98d141f96a2946aeffc51da5d8c96e00aec27aa59ff6af017ad4ede
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import type { paths } from "./schema.js";

export type UpdateApplicationSpecArgs = $runtime.OperationArgs<paths["/v4/application-specs/{application_spec_id}"]["patch"]>;
export type UpdateApplicationSpecResult = $runtime.OperationResult<paths["/v4/application-specs/{application_spec_id}"]["patch"]>;

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
 */
export function updateApplicationSpec(client: $runtime.ApiClient<paths>, args: UpdateApplicationSpecArgs, options?: $runtime.CallOptions): Promise<UpdateApplicationSpecResult> {
  return $runtime.callOperation(client, "patch", "/v4/application-specs/{application_spec_id}", ["application_spec_id"], args, options);
}

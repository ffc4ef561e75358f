/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: launchdarkly
 * source: specs/launchdarkly.yaml
 * bundled spec sha256: 53d7e484ebb78900488d69d720c1cca5aea30bd01c76b2ba7284db75b0dc9f88
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import type { paths } from "./schema.js";

export type PatchApplicationArgs = $runtime.OperationArgs<paths["/api/v2/applications/{applicationKey}"]["patch"]>;
export type PatchApplicationResult = $runtime.OperationResult<paths["/api/v2/applications/{applicationKey}"]["patch"]>;

/**
 * Update application
 *
 * Update an application. You can update the `description` and `kind` fields. Requires a [JSON patch](https://datatracker.ietf.org/doc/html/rfc6902) representation of the desired changes to the application. To learn more, read [Updates](https://launchdarkly.com/docs/api#updates).
 *
 * `PATCH /api/v2/applications/{applicationKey}`
 */
export function patchApplication(client: $runtime.ApiClient<paths>, args: PatchApplicationArgs, options?: $runtime.CallOptions): Promise<PatchApplicationResult> {
  return $runtime.callOperation(client, "patch", "/api/v2/applications/{applicationKey}", ["applicationKey"], args, options);
}

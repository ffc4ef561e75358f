/*
 * GENERATED FILE: do not edit. Regenerate with `npm run generate`.
 * api: launchdarkly
 * source: specs/launchdarkly.yaml
 * bundled spec sha256: 53d7e484ebb78900488d69d720c1cca5aea30bd01c76b2ba7284db75b0dc9f88
 * tools: generator 0.1.0, openapi-typescript 7.13.0, @redocly/openapi-core 2.64.0, ts-morph 28.0.0
 */

import * as $runtime from "../../src/index.js";
import type { paths } from "./schema.js";

/** A client of "LaunchDarkly REST API" for the free functions (`createLaunchDarklyApiClient`); a client of another api is not one. */
export interface LaunchDarklyApiClient extends $runtime.ApiClient<paths> {
  /** Type-only: the api this client is for (another api's client is refused naming both). */
  readonly [$runtime.apiName]?: "LaunchDarkly REST API";
}

/** The argument of `patchApplication`: the path parameter `applicationKey`, `query`, `headers` and `body` as the spec declares them. */
export type PatchApplicationArgs = $runtime.OperationArgs<paths["/api/v2/applications/{applicationKey}"]["patch"]>;
/** What `patchApplication` resolves to: `{ data }` on 2xx, else `{ error }`, typed by status with `isStatus(result, …)`. */
export type PatchApplicationResult = $runtime.OperationResult<paths["/api/v2/applications/{applicationKey}"]["patch"]>;
/**
 * Whether `error` is an `ApiError` thrown by `patchApplication` with a status its spec declares (400, 401, 403, 404, 429);
 * with a status, only that one. Then `error.body` has the declared type.
 */
export const isPatchApplicationError: $runtime.OperationErrorGuard<paths["/api/v2/applications/{applicationKey}"]["patch"]> = $runtime.operationErrorGuard("PATCH /api/v2/applications/{applicationKey}", [400, 401, 403, 404, 429]);

/**
 * Update application
 *
 * Update an application. You can update the `description` and `kind` fields. Requires a [JSON patch](https://datatracker.ietf.org/doc/html/rfc6902) representation of the desired changes to the application. To learn more, read [Updates](https://launchdarkly.com/docs/api#updates).
 *
 * `PATCH /api/v2/applications/{applicationKey}`
 * @param args - path parameters by name, and `query`, `headers`, `body` as the spec declares them
 * @param options - `signal` to abort the call and its retries; extra `headers`
 * @returns `{ data, error, response }`: narrow with `isOk(result)` / `isStatus(result, status)`; a throwing client resolves to `{ data, response }`
 */
export function patchApplication(client: LaunchDarklyApiClient, args: PatchApplicationArgs, options?: $runtime.CallOptions): Promise<PatchApplicationResult> {
  return $runtime.callOperation(client, "patch", "/api/v2/applications/{applicationKey}", args, options);
}
